// Error messages (and profile list) in a real 60-column terminal (tmux): wrapped by words, a file:line:col location kept whole
// on one row even when its path has spaces; on a pipe, one line for scripts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, sandbox } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

const DIR = 'Coaching Records 2026-27';
const FILE = `${DIR}/broken review of May.yaml`;
const WHERE = `${FILE}:5:3:`;

/** A record a coach broke by hand, in a folder whose name has spaces. */
function brokenRecord(): ReturnType<typeof sandbox> {
  const box = sandbox();
  mkdirSync(join(box.cwd, DIR));
  writeFileSync(join(box.cwd, FILE), 'kind: practice-profile-record\nformat: 1\nid: x\nprofile: sbic@2024\n  bad: [\n');
  return box;
}

/** The rows the terminal shows once the command has ended (tmux's own "Pane is dead" line left out). */
async function rowsOf(args: string, box: ReturnType<typeof sandbox>, width = 60): Promise<string[]> {
  const t = new TmuxSession(
    `env XDG_CONFIG_HOME=${box.env.XDG_CONFIG_HOME} TERM=xterm-256color NO_COLOR=1 ${process.execPath} ${BIN} ${args}`,
    box.cwd,
    width,
  );
  sessions.push(t);
  await t.waitFor(() => t.dead(), 'the command to end');
  return t
    .rows()
    .split('\n')
    .filter((r) => r.trim() && !r.startsWith('Pane is dead'));
}

describe.skipIf(!hasTmux)('error messages at 60 columns (tmux)', () => {
  it('a location whose path has spaces stays whole on one row; the message wraps by words under it', async () => {
    const box = brokenRecord();
    const rows = await rowsOf(`report '${FILE}'`, box);
    for (const r of rows) expect(r.length, r).toBeLessThanOrEqual(60);
    // "error: " and the location are wider than 60 columns together: the location has a row of its own.
    expect(rows[0]).toBe('error:');
    expect(rows[1]).toBe(`  ${WHERE}`);
    const message = rows.slice(2).join(' ').replace(/\s+/g, ' ').trim();
    expect(message).toMatch(/^line 5: this line is indented more than line 4/);
    // Every word on the screen is a whole word: nothing cut by the terminal.
    const words = new Set(`error: ${WHERE} ${message}`.split(' '));
    for (const w of rows.join(' ').split(/\s+/).filter(Boolean)) expect(words.has(w), w).toBe(true);
  });

  it('a shorter location starts the first row, with the first words of the message', async () => {
    const box = sandbox();
    mkdirSync(join(box.cwd, 'My Records'));
    writeFileSync(join(box.cwd, 'My Records', 'a b.yaml'), 'kind: practice-profile-record\nformat: 1\n  bad: [\n');
    const rows = await rowsOf(`report 'My Records/a b.yaml'`, box);
    for (const r of rows) expect(r.length, r).toBeLessThanOrEqual(60);
    expect(rows[0].startsWith('error: My Records/a b.yaml:3:3: line 3:')).toBe(true);
  });
});

describe.skipIf(!hasTmux)('warnings at 60 columns (tmux)', () => {
  it('"not a valid profile, so it is skipped" wraps by words, the file names whole', async () => {
    const box = sandbox();
    // A maintainer's folder as profiles/ is laid out: sbic/2024.yaml shipped, sbic/2026.yaml being written.
    mkdirSync(join(box.cwd, 'my profiles', 'sbic'), { recursive: true });
    writeFileSync(
      join(box.cwd, 'my profiles', 'sbic', '2026.yaml'),
      readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8')
        .replace('version: "2024"', 'version: "2026"')
        .replace('replaces: sbic@2014', 'replaces: sbic@2024')
        .replace(/^released: .*$/m, 'released: 2026-02-30'),
    );
    // The same warning on a pipe: one line, the words to find on the terminal.
    const piped = runCli(['--profiles', 'my profiles', 'show', 'sbic'], box).stderr.trim();
    expect(piped).toMatch(/^warning: .*2026\.yaml is not a valid profile, so sbic@2026 is skipped: .*$/);
    const rows = await rowsOf(`--profiles 'my profiles' show sbic > /dev/null`, box);
    for (const r of rows) expect(r.length, r).toBeLessThanOrEqual(60);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.join(' ').replace(/\s+/g, ' ')).toBe(piped);
    const words = new Set(piped.split(' '));
    for (const w of rows.join(' ').split(/\s+/).filter(Boolean)) expect(words.has(w), w).toBe(true);
  });
});

describe('error messages on a pipe (built CLI)', () => {
  it('are one line, for scripts, whatever COLUMNS says', () => {
    const box = brokenRecord();
    const r = runCli(['report', FILE], { ...box, env: { ...box.env, COLUMNS: '60' } });
    expect(r.code).not.toBe(0);
    const [first] = r.stderr.split('\n');
    expect(first).toMatch(new RegExp(`^error: ${WHERE.replace(/[.]/g, '\\.')} line 5: .*compact mappings\\)$`));
  });
});

describe.skipIf(!hasTmux)('profile list at 60 columns (tmux)', () => {
  it('wraps by words under the title (no "Pract" / "ice" split); piped, one line per profile as before', async () => {
    const box = sandbox();
    const rows = await rowsOf('list', box);
    for (const r of rows) expect(r.length, r).toBeLessThanOrEqual(60);
    // Every word on the screen is a whole word of the piped list: none was cut by the terminal.
    const piped = runCli(['list'], { ...box, env: { ...box.env, COLUMNS: '60' } }).stdout;
    const words = new Set(piped.split(/\s+/).filter(Boolean));
    for (const w of rows.join(' ').split(/\s+/).filter(Boolean)) expect(words.has(w), w).toBe(true);
    expect(rows.join('\n')).toMatch(/^ohio-process-coaching@3\.15 {2}Ohio SPDG Process Coaching\n {28}Practice /m);
    expect(piped).toMatch(
      /^ohio-process-coaching@3\.15 {2}Ohio SPDG Process Coaching Practice Profile \(partial\) {2}9 criteria$/m,
    );
    expect(piped.trim().split('\n')).toHaveLength(3);
  });
});
