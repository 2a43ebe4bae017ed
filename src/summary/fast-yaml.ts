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
const NUMBERISH = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A scalar as YAML 1.2 (core schema) reads it, or bail when it is not one of the simple cases. */
function scalar(raw: string): Value {
  const s = raw.trim();
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
  if (/^[-?:,[\]{}#&*!|>%@`]/.test(s) || s.includes(': ') || s.endsWith(':') || s.includes(' #') || s.includes('\t')) bail();
  if (SPECIAL_WORD.test(s)) bail();
  if (/^[0-9]+$/.test(s)) return s.length < 16 ? Number(s) : bail();
  if (NUMBERISH.test(s)) bail();
  return s;
}

function flowList(s: string): Value[] {
  const inner = s.slice(1, -1).trim();
  if (inner === '') return [];
  if (/[[\]{}"'#]/.test(inner)) bail();
  return inner.split(',').map((x) => scalar(x));
}

function value(rest: string): Value {
  const r = rest.trim();
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
    if (rest.trim() !== '') {
      out[key] = value(rest);
      continue;
    }
    const next = lines[pos.i];
    if (next && next.indent > indent) out[key] = block(lines, pos, next.indent);
    else if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) out[key] = list(lines, pos, indent);
    else bail(); // an empty value is null: rare in records, left to the full parser
  }
  if (pos.i < lines.length && lines[pos.i].indent > indent) bail();
  return out;
}

function list(lines: Line[], pos: { i: number }, indent: number): Value[] {
  const out: Value[] = [];
  while (pos.i < lines.length && lines[pos.i].indent === indent && lines[pos.i].text.startsWith('- ')) {
    const content = lines[pos.i].text.slice(2);
    const lead = content.length - content.trimStart().length;
    const body = content.trimStart();
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
  const lines: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const t = raw.trimEnd();
    if (t === '') continue;
    const body = t.trimStart();
    if (body.startsWith('#')) continue;
    if (raw.includes('\t') || body.startsWith('---') || body.startsWith('...') || body.startsWith('%')) return undefined;
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
