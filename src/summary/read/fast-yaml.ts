// A fast path for the plain YAML that record files are written in (block maps and lists, plain or
// simply quoted scalars, flow lists of plain words). Parsing thousands of small files with the full
// parser dominates a summary; this reads the common shape ~10x faster. Anything it does not fully
// understand returns undefined, and the caller falls back to the full parser, so results never differ.

type Value = string | number | Value[] | { [k: string]: Value };
interface Line {
  indent: number;
  text: string;
}
class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const SPECIAL_WORD = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
// Only the ASCII space is indentation or separation here. JS's trim() also strips NBSP, U+2028, U+3000,
// VT, FF, a BOM..., which YAML keeps as content (or reads differently): any such character, a tab, or
// another control character makes the whole file go to the full parser.
const UNSURE_CHAR =
  /[\x00-\x08\t\v\f\x0e-\x1f\x7f-\x9f\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\ufffe\uffff]/;
/** Strip ASCII spaces only (never String.prototype.trim, which strips Unicode whitespace too). */
const trimSp = (s: string): string => {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
};
const trimStartSp = (s: string): string => {
  let a = 0;
  while (a < s.length && s.charCodeAt(a) === 32) a++;
  return a === 0 ? s : s.slice(a);
};
const NUMBERISH =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A scalar as YAML 1.2 (core schema) reads it, or bail when it is not one of the simple cases. */
function scalar(raw: string): Value {
  const s = trimSp(raw);
  if (s === '') bail();
  const c = s[0];
  if (c === '"') {
    if (s.length < 2 || s[s.length - 1] !== '"' || s.slice(1, -1).includes('"') || s.includes('\\')) bail();
    return s.slice(1, -1);
  }
  if (c === "'") {
    const inner = s.slice(1, -1);
    if (s.length < 2 || s[s.length - 1] !== "'" || /'(?!')/.test(inner.replace(/''/g, ''))) bail();
    return inner.replace(/''/g, "'");
  }
  // Indicators, comments, mapping separators, anchors, tags, block scalars: all left to the full parser.
  if (/^[-?:,[\]{}#&*!|>%@`]/.test(s) || s.includes(': ') || s.endsWith(':') || s.includes(' #') || s.includes('\t'))
    bail();
  if (SPECIAL_WORD.test(s)) bail();
  if (/^[0-9]+$/.test(s)) return s.length < 16 ? Number(s) : bail();
  if (NUMBERISH.test(s)) bail();
  return s;
}

function flowList(s: string): Value[] {
  const inner = trimSp(s.slice(1, -1));
  if (inner === '') return [];
  if (/[[\]{}"'#]/.test(inner)) bail();
  return inner.split(',').map((x) => scalar(x));
}

function value(rest: string): Value {
  const r = trimSp(rest);
  if (r.startsWith('[')) return r.endsWith(']') ? flowList(r) : bail();
  return scalar(r);
}

function block(lines: Line[], pos: { i: number }, indent: number): Value {
  const first = lines[pos.i];
  if (first.text === '-' || first.text.startsWith('- ')) return list(lines, pos, indent);
  return map(lines, pos, indent);
}

function map(lines: Line[], pos: { i: number }, indent: number): Value {
  const out: Record<string, Value> = {};
  while (pos.i < lines.length && lines[pos.i].indent === indent) {
    const { text } = lines[pos.i];
    const colon = text.indexOf(':');
    if (colon <= 0) bail();
    const key = text.slice(0, colon);
    if (!KEY.test(key) || SPECIAL_WORD.test(key) || key === '__proto__' || key in out) bail();
    const rest = text.slice(colon + 1);
    if (rest !== '' && rest[0] !== ' ') bail();
    pos.i++;
    if (trimSp(rest) !== '') {
      out[key] = value(rest);
      continue;
    }
    const next = lines[pos.i];
    if (next && next.indent > indent) out[key] = block(lines, pos, next.indent);
    else if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- ')))
      out[key] = list(lines, pos, indent);
    else bail(); // an empty value is null: rare in records, left to the full parser
  }
  if (pos.i < lines.length && lines[pos.i].indent > indent) bail();
  return out;
}

function list(lines: Line[], pos: { i: number }, indent: number): Value[] {
  const out: Value[] = [];
  while (pos.i < lines.length && lines[pos.i].indent === indent && lines[pos.i].text.startsWith('- ')) {
    const content = lines[pos.i].text.slice(2);
    const body = trimStartSp(content);
    const lead = content.length - body.length;
    if (/^[A-Za-z_][A-Za-z0-9_.-]*:( |$)/.test(body)) {
      // "- key: value" starts a mapping whose keys line up with "key".
      lines[pos.i] = { indent: indent + 2 + lead, text: body };
      out.push(map(lines, pos, indent + 2 + lead));
    } else {
      out.push(value(body));
      pos.i++;
    }
  }
  if (pos.i < lines.length && lines[pos.i].indent > indent) bail();
  return out;
}

/** The plain JS value of `text`, exactly as `yaml` would give it, or undefined when unsure. */
export function fastParseYaml(text: string): Record<string, Value> | undefined {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  if (UNSURE_CHAR.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const t = raw.charCodeAt(raw.length - 1) === 32 ? raw.replace(/ +$/, '') : raw;
    if (t === '') continue;
    const body = trimStartSp(t);
    if (body.startsWith('#')) continue;
    if (body.startsWith('---') || body.startsWith('...') || body.startsWith('%')) return undefined;
    lines.push({ indent: t.length - body.length, text: body });
  }
  if (lines.length === 0 || lines[0].indent !== 0) return undefined;
  try {
    const pos = { i: 0 };
    const v = map(lines, pos, 0);
    return pos.i === lines.length ? (v as Record<string, Value>) : undefined;
  } catch (err) {
    if (err instanceof Bail) return undefined;
    throw err;
  }
}
