// Checks that the terminal samples in README.md are what the built CLI prints (`npm run readme:check`).
//
//   node test/support/readme-samples.mjs [--print] [README.md]
//
// A sample is a ```text block (indented in a list item too) with lines `$ profile ...`; the lines under a
// command, up to the next `$` line or the end of the block, are what README says it prints. Each block runs
// in a fresh copy of a folder of test/fixtures/readme/ (see SITUATIONS), its commands in order, as a user
// would type them (`sh` reads the quotes): the built CLI (node bin/profile.js) with stdin a closed pipe,
// stdout and stderr into one pipe (so they interleave as on a terminal), COLUMNS=100, NO_COLOR=1, a fresh
// XDG_CONFIG_HOME, and a fixed "today" (test/support/fixed-now.mjs, 2026-11-26) that also fixes new ids.
//
// Every line README shows must be in the real output, in the same order and next to each other; a line
// that is only `…` (or `...`) stands for lines left out. Trailing spaces and trailing blank lines are not
// compared. A block that shows an interactive session (`profile assess` without --yes or --answers,
// `profile actions` without a change to make) cannot run without a terminal: it is skipped, and listed.
// Prints one line per block (OK, skipped, or the first differing line); exits with 1 when a block differs,
// 2 when the check cannot run. --print also prints the real output of every command (to refresh a sample).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'profile.js');
const PRELOAD = pathToFileURL(fileURLToPath(new URL('./fixed-now.mjs', import.meta.url))).href;
const FIXTURES = join(ROOT, 'test', 'fixtures', 'readme');
export const COLUMNS = 100;

/**
 * The folder a block runs in: the first situation one of whose lines the block shows, else `main`.
 * The three `profile history records/` samples need three folders of records.
 */
export const SITUATIONS = [
  { dir: 'history-respondents', shows: 'records are by more than one person' },
  { dir: 'history-places', shows: 'have no respondent and come from different places' },
  { dir: 'history-reviews', shows: ': your reviews' },
];
const DEFAULT_DIR = 'main';

const isEllipsis = (s) => s.trim() === '…' || s.trim() === '...';

/** The ```text blocks of a Markdown text that show `$ profile` commands. */
export function findSamples(markdown) {
  const lines = markdown.split(/\r?\n/);
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```text\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1].length;
    const body = [];
    let j = i + 1;
    for (; j < lines.length && lines[j].trim() !== '```'; j++) {
      const l = lines[j];
      const lead = l.length - l.trimStart().length;
      body.push({ text: l.slice(Math.min(indent, lead)), line: j + 1 });
    }
    if (body.some((b) => /^\$ profile(\s|$)/.test(b.text))) blocks.push({ line: i + 1, body });
    i = j;
  }
  return blocks.map(({ line, body }) => {
    const commands = [];
    const before = [];
    for (const b of body) {
      if (b.text.startsWith('$ ')) commands.push({ line: b.line, command: b.text.slice(2).trim(), expected: [] });
      else if (commands.length) commands.at(-1).expected.push(b);
      else before.push(b);
    }
    return { line, commands, before };
  });
}

/** Why a command needs a terminal, or undefined when it runs in a script. */
export function interactive(command) {
  const words = command.split(/\s+/);
  const sub = words[1];
  const options = words.filter((w) => w.startsWith('-'));
  if (sub === 'assess' && !options.some((o) => ['--yes', '-y', '--answers'].includes(o.split('=')[0])))
    return 'profile assess without --yes or --answers asks its questions';
  if (sub === 'actions' && options.every((o) => ['--plain', '--no-color'].includes(o)))
    return 'profile actions without a change to make asks on a terminal';
  return undefined;
}

function situation(block) {
  const shown = block.commands.flatMap((c) => c.expected.map((e) => e.text));
  return SITUATIONS.find((s) => shown.some((t) => t.includes(s.shows)))?.dir ?? DEFAULT_DIR;
}

function run(command, cwd, configHome) {
  const env = { ...process.env, NO_COLOR: '1', COLUMNS: String(COLUMNS), XDG_CONFIG_HOME: configHome };
  for (const k of ['FORCE_COLOR', 'PROFILE_PATH', 'NODE_OPTIONS']) delete env[k];
  // `profile` is the built CLI with the fixed clock; `exec 2>&1` puts stderr into the same pipe as stdout.
  const script = 'n=$1 p=$2 b=$3 c=$4\nprofile() { "$n" --import "$p" "$b" "$@"; }\nexec 2>&1\neval "$c"';
  const r = spawnSync('/bin/sh', ['-c', script, 'readme-sample', process.execPath, PRELOAD, BIN, command], {
    cwd,
    env,
    input: '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 1 << 26,
  });
  if (r.error) throw r.error;
  const out = r.stdout.split(/\r?\n/).map((l) => l.trimEnd());
  while (out.length && out.at(-1) === '') out.pop();
  return { code: r.status, signal: r.signal, stdout: r.stdout, lines: out };
}

/**
 * Compares what README shows (with `…` for left-out lines) with the real lines.
 * Returns undefined when they agree, else { readme, real, line } for the first line that differs.
 */
export function compare(expected, real) {
  const shown = expected.map((e) => ({ ...e, text: e.text.trimEnd() }));
  while (shown.length && shown.at(-1).text === '') shown.pop();
  if (!shown.length) return undefined;
  const segments = [[]];
  for (const e of shown) {
    if (isEllipsis(e.text)) segments.push([]);
    else segments.at(-1).push(e);
  }
  let pos = 0;
  const lastIndex = segments.length - 1;
  for (let i = 0; i <= lastIndex; i++) {
    const seg = segments[i];
    if (!seg.length) continue;
    const atStart = i === 0; // no `…` before it: the output starts with it
    const atEnd = i === lastIndex; // no `…` after it: the output ends with it
    const starts = atStart ? [0] : Array.from({ length: Math.max(real.length - pos, 0) + 1 }, (_, k) => pos + k);
    let best = { start: starts[0], matched: -1 };
    let found;
    for (const s of starts) {
      let m = 0;
      while (m < seg.length && s + m < real.length && real[s + m] === seg[m].text) m++;
      if (m === seg.length && (!atEnd || s + m === real.length)) {
        found = s;
        break;
      }
      if (m > best.matched) best = { start: s, matched: m };
    }
    if (found !== undefined) {
      pos = found + seg.length;
      continue;
    }
    const { start, matched } = best;
    if (matched === 0 && !atStart)
      return {
        line: seg[0].line,
        readme: seg[0].text,
        real: `(no such line in the output${pos ? ` after its line ${pos}` : ''})`,
      };
    if (matched === seg.length)
      return {
        line: seg.at(-1).line,
        readme: '(end of the sample: add `…` if lines are left out)',
        real: real[start + matched],
      };
    return { line: seg[matched].line, readme: seg[matched].text, real: real[start + matched] ?? '(end of the output)' };
  }
  return undefined;
}

function main(argv) {
  const print = argv.includes('--print');
  const readmePath = resolve(argv.find((a) => !a.startsWith('--')) ?? join(ROOT, 'README.md'));
  const rel = relative(process.cwd(), readmePath);
  const name = rel && !rel.startsWith('..') ? rel : readmePath;
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    console.error('The CLI is not built: run `npm run build` first (npm run readme:check does).');
    return 2;
  }
  if (process.platform === 'win32') {
    console.error('The README check runs the samples with /bin/sh: run it on Linux or macOS.');
    return 2;
  }
  const blocks = findSamples(readFileSync(readmePath, 'utf8'));
  if (!blocks.length) {
    console.error(`${name}: no \`\`\`text block with a "$ profile" line`);
    return 2;
  }
  let differ = 0;
  const skipped = [];
  for (const block of blocks) {
    const where = `${name}:${block.line}`;
    const first = block.commands[0].command;
    const why = block.commands.map((c) => interactive(c.command)).find(Boolean);
    if (why) {
      skipped.push(block);
      console.log(`${where}  skipped (interactive: ${why})  $ ${first}`);
      continue;
    }
    if (block.before.some((b) => b.text.trim())) {
      differ++;
      console.log(
        `${where}  DIFFERS  text before the first command (line ${block.before[0].line}): a sample starts with $`,
      );
      continue;
    }
    const dir = situation(block);
    const tmp = mkdtempSync(join(tmpdir(), 'pp-readme-'));
    const cwd = join(tmp, 'work');
    let problem;
    try {
      cpSync(join(FIXTURES, dir), cwd, { recursive: true });
      for (const c of block.commands) {
        const r = run(c.command, cwd, join(tmp, 'config'));
        if (print)
          console.log(`---- $ ${c.command}  (in ${dir}, exit ${r.code ?? r.signal})\n${r.lines.join('\n')}\n----`);
        if (r.signal) {
          problem ??= { command: c, line: c.line, readme: '(the command to finish)', real: `(killed: ${r.signal})` };
          break;
        }
        const d = problem ? undefined : compare(c.expected, r.lines);
        if (d) problem = { command: c, ...d };
        if (problem && !print) break; // --print shows the whole block
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const n = block.commands.length;
    if (!problem) {
      console.log(`${where}  OK  $ ${first}${n > 1 ? ` (and ${n - 1} more)` : ''}  [${dir}]`);
      continue;
    }
    differ++;
    console.log(`${where}  DIFFERS at line ${problem.line}, under $ ${problem.command.command}  [${dir}]`);
    console.log(`    README: ${problem.readme}`);
    console.log(`    real:   ${problem.real}`);
  }
  const ok = blocks.length - skipped.length - differ;
  console.log(
    `\n${blocks.length} samples: ${ok} OK, ${differ} differ, ${skipped.length} skipped as interactive` +
      (skipped.length ? ` (${skipped.map((b) => `line ${b.line}`).join(', ')})` : ''),
  );
  return differ ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
