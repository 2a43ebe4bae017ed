// validate as maintainers expect: diagnostics on stdout with rule codes, shadowed and numeric versions
// warned, real calendar dates, did-you-mean.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, recordsIn, ROOT, runCli, sandbox } from '../helpers/cli.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
interface D {
  code: string;
  severity: string;
  message: string;
  hint?: string;
  line: number;
}
const diagnostics = (out: string): D[] => JSON.parse(out).files.flatMap((f: { diagnostics: D[] }) => f.diagnostics);

describe('profile validate', () => {
  it('--json gives every diagnostic a rule code', () => {
    const r = runCli(['validate', fixture('validate'), '--json']);
    const ds = diagnostics(r.stdout);
    expect(ds.length).toBeGreaterThan(0);
    // The fixtures are copies of shipped profiles one folder deeper: their editor schema line points nowhere.
    expect(ds.map((d) => d.code).sort()).toEqual([
      'duplicate-id',
      'record-reference',
      'schema-modeline',
      'schema-modeline',
      'unknown-field',
      'yaml-syntax',
    ]);
  });
  it('a version written as a number: 3.10 becomes 3.1, and says so', () => {
    const dir = tmp('pp-numver-');
    const text = readFileSync(join(ROOT, 'profiles/ohio-process-coaching/3.15.yaml'), 'utf8').replace(
      'version: "3.15"',
      'version: 3.10',
    );
    writeFileSync(join(dir, '3.10.yaml'), text);
    const r = runCli(['validate', join(dir, '3.10.yaml'), '--json']);
    expect(r.code).toBe(1);
    // One message with one piece of advice: no second one saying to rename the file to 3.1.yaml.
    expect(diagnostics(r.stdout).filter((d) => d.message.includes('version'))).toEqual([
      expect.objectContaining({
        code: 'numeric-version',
        severity: 'error',
        message:
          'version 3.10 is read as the number 3.1, so this profile would be version 3.1, not 3.10; quote it: version: "3.10"',
        hint: 'Write version: "3.10" (with the quotes).',
      }),
    ]);
    expect(runCli(['validate', join(dir, '3.10.yaml')]).stdout).not.toContain('3.1.yaml');
    // A number that reads back the same is a warning, with the same advice.
    writeFileSync(join(dir, '2024.yaml'), text.replace('version: 3.10', 'version: 2024'));
    expect(diagnostics(runCli(['validate', join(dir, '2024.yaml'), '--json']).stdout)).toContainEqual(
      expect.objectContaining({
        code: 'numeric-version',
        severity: 'warning',
        message: 'version 2024 is a number in YAML; quote it as text: version: "2024"',
      }),
    );
  });
  it('--profiles names an id folder or a file: a usage error that says the layout, not a silent empty list', () => {
    const idFolder = join(ROOT, 'profiles/sbic');
    for (const cmd of [['list'], ['show', 'sbic'], ['validate']]) {
      const r = runCli(['--profiles', idFolder, ...cmd]);
      expect(r.code, cmd.join(' ')).toBe(2);
      expect(r.stderr).toContain('holds 2014.yaml, 2024.yaml directly, so no profile would be found in it');
      expect(r.stderr).toContain('<folder>/<id>/<version>.yaml');
      expect(r.stderr).toContain('--profiles profiles');
    }
    const file = runCli(['--profiles', join(ROOT, 'package.json'), 'list']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('package.json is a file, not a folder');
    expect(file.stderr).not.toContain('This is a bug');
    expect(runCli(['list'], { env: { PROFILE_PATH: join(ROOT, 'package.json') } }).code).toBe(2);
    // Set through PROFILE_PATH: the hint names that setting, not --profiles.
    const env = runCli(['list'], { env: { PROFILE_PATH: 'profiles/sbic' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain("Looks like one profile's id folder: give the folder above it, PROFILE_PATH=profiles");
    expect(env.stderr).not.toContain('--profiles profiles');
    // The parent folder works everywhere.
    expect(runCli(['--profiles', join(ROOT, 'profiles'), 'list']).code).toBe(0);
  });
  it('the same id@version in --profiles and shipped: warned in validate and in list', () => {
    const dir = tmp('pp-shadow-');
    cpSync(join(ROOT, 'profiles/sbic/2024.yaml'), join(dir, 'sbic/2024.yaml'), { recursive: true });
    const r = runCli(['--profiles', dir, 'validate', dir, '--json']);
    const ds = diagnostics(r.stdout);
    expect(ds).toContainEqual(
      expect.objectContaining({
        code: 'shadowed-profile',
        severity: 'warning',
        message: expect.stringMatching(
          /^sbic@2024 is also defined in .*profiles\/sbic\/2024\.yaml; this file is the one in use/,
        ),
      }),
    );
    expect(runCli(['--profiles', dir, 'list']).stdout).toMatch(
      /profiles\/sbic\/2024\.yaml:1:1 {2}warning {2}sbic@2024 is also in .*pp-shadow-.*\/sbic\/2024\.yaml, which comes first in the search order; this file is not used/,
    );
    // Two copies in the folders validated: the second is warned.
    cpSync(join(ROOT, 'profiles/sbic/2024.yaml'), join(dir, 'copy/sbic/2024.yaml'), { recursive: true });
    expect(
      diagnostics(runCli(['validate', dir, '--json']).stdout).filter((d) => d.code === 'shadowed-profile'),
    ).toHaveLength(2);
  });
  it('a shadowed published version: every command that looks profiles up warns once, naming the file used and the one not', () => {
    const dir = tmp('pp-shadow-use-');
    cpSync(join(ROOT, 'profiles/sbic/2024.yaml'), join(dir, 'sbic/2024.yaml'), { recursive: true });
    const said = new RegExp(
      `warning: sbic@2024 is in more than one profile folder: using ${dir}/sbic/2024\\.yaml, not profiles/sbic/2024\\.yaml \\(--profiles comes first, then PROFILE_PATH, then the shipped profiles\\)`,
      'g',
    );
    for (const cmd of [
      ['show', 'sbic'],
      ['diff', 'sbic@2014', 'sbic@2024'],
      ['summarize', fixture('summarize', 'state')],
    ]) {
      const r = runCli(['--profiles', dir, ...cmd]);
      expect(r.stderr.match(said), cmd.join(' ')).toHaveLength(1);
    }
    // Without the copy, no such line.
    expect(runCli(['show', 'sbic']).stderr).not.toContain('more than one profile folder');
  });
  it('a date that is not on the calendar is an error', () => {
    const dir = tmp('pp-date-');
    const text = readFileSync(fixture('assess', 'sbic-2014-complete.yaml'), 'utf8').replace(
      'date: 2025-09-14',
      'date: "2026-02-30"',
    );
    writeFileSync(join(dir, 'r.yaml'), text);
    const r = runCli(['validate', join(dir, 'r.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /r\.yaml:7:7 {2}error {2}date: 2026-02-30 is not a day of the calendar \(February 2026 has 28 days\)/,
    );
  });
  it('a profile date not on the calendar is an error too (released: 2026-02-30); years and school years pass', () => {
    const dir = tmp('pp-released-');
    const shipped = readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8');
    const lines = shipped.split('\n');
    const at = lines.findIndex((l) => l.startsWith('released:')) + 1;
    const check = (value: string) => {
      writeFileSync(join(dir, '2024.yaml'), shipped.replace(/^released: .*$/m, `released: ${value}`));
      return runCli(['validate', join(dir, '2024.yaml')]);
    };
    const bad = check('2026-02-30');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      new RegExp(`2024\\.yaml:${at}:11 {2}error {2}released: not a calendar date \\(e\\.g\\. 2026-02-30\\)`),
    );
    expect(check('"2025-04-31"').code).toBe(1);
    // (A changed copy of sbic@2024 is also an error, published-version-changed: only the date is looked at here.)
    for (const ok of ['2026-02-28', '"2014"', '2024-25'])
      expect(check(ok).stdout, ok).not.toMatch(/ {2}error {2}released/);
  });
  it('did you mean: a mistyped level and item in a record, a mistyped profile', () => {
    const dir = tmp('pp-dym-');
    const text = readFileSync(fixture('assess', 'sbic-2014-complete.yaml'), 'utf8')
      .replace('relationships: proficient', 'relationships: proficent')
      .replace('solution-dialogue: close', 'solution-dialog: close');
    writeFileSync(join(dir, 'r.yaml'), text);
    const out = runCli(['validate', join(dir, 'r.yaml')]).stdout;
    expect(out).toContain('(did you mean "proficient"?)');
    expect(out).toContain('"solution-dialog" is not a rated item of sbic@2014 (did you mean "solution-dialogue"?)');
    writeFileSync(
      join(dir, 'r.yaml'),
      readFileSync(fixture('assess', 'sbic-2014-complete.yaml'), 'utf8').replace(
        'profile: sbic@2014',
        'profile: sbic@2041',
      ),
    );
    expect(runCli(['validate', join(dir, 'r.yaml')]).stdout).toContain(
      'unknown profile "sbic@2041" (did you mean "sbic@2014"?)',
    );
  });
  it('an unquoted ": " in a list item: the schema error says to quote it', () => {
    const dir = tmp('pp-colon-');
    const text = readFileSync(join(ROOT, 'profiles/sbic/2014.yaml'), 'utf8').replace(
      '- Explains that confidentiality will be maintained.',
      '- Explains: confidentiality will be maintained.',
    );
    writeFileSync(join(dir, '2014.yaml'), text);
    const ds = diagnostics(runCli(['validate', join(dir, '2014.yaml'), '--json']).stdout);
    expect(ds).toContainEqual(expect.objectContaining({ hint: expect.stringContaining('contains ": "') }));
  });
});

describe('an unquoted # in a text', () => {
  it('"Notes #1" is warned: the text ends before the #', () => {
    const dir = tmp('pp-hash-');
    const text = readFileSync(fixture('assess', 'sbic-2014-complete.yaml'), 'utf8').replace(
      '  - text: Using video for feedback',
      '  - text: Using video #feedback',
    );
    writeFileSync(join(dir, 'r.yaml'), text);
    const ds = diagnostics(runCli(['validate', join(dir, 'r.yaml'), '--json']).stdout);
    expect(ds).toContainEqual(
      expect.objectContaining({
        code: 'comment-in-text',
        severity: 'warning',
        message: '"#feedback" is read as a comment, so the text ends at "Using video"',
      }),
    );
    // An ordinary comment, "# like this", is not warned: the shipped profiles and the template have many.
    expect(
      diagnostics(runCli(['validate', 'profiles', 'templates/profile.yaml', '--json']).stdout).filter(
        (d) => d.code === 'comment-in-text',
      ),
    ).toEqual([]);
  });
});

describe('every reader explains YAML errors the same way', () => {
  it('assess --answers and summarize say what validate says', () => {
    const dir = tmp('pp-readers-');
    writeFileSync(join(dir, 'answers.yaml'), 'group:\n  region: North: East\n');
    const a = runCli([
      'assess',
      'ohio-process-coaching',
      '--answers',
      join(dir, 'answers.yaml'),
      '--yes',
      '--dir',
      join(dir, 'records'),
    ]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('answers.yaml:2:11: line 2: this text contains ": ", so it needs quotes');
    expect(a.stderr).toContain('Write it as  region: "North: East"');
    const s = runCli(['summarize', fixture('summarize', 'messy'), '--format', 'json']);
    expect(s.stderr).toMatch(
      /syntax-error\.yaml:12:18 +error +line 12: this \[ list \] or \{ mapping \} is not closed on its line/,
    );
  });
});

describe('an outdented key in a real profile: the error names that line, and its hint fixes the file', () => {
  const shipped = readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8');
  const lines = shipped.split('\n');
  const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;
  const cases: Array<[string, string, number]> = [
    // [the line as shipped (its start), what it becomes, spaces taken off]
    ['        stem: "Effective coaches develop and maintain', 'stem moved one space left', 1],
    ['        stem: "Effective coaches develop and maintain', "stem moved to its parent's column", 2],
    ['    title: Develop and maintain coaching relationships', 'a section key moved to the "-" column', 2],
    ['    number: 1', 'the first key after "- id:" moved left', 2],
    ['    descriptors:', 'a key that opens a block moved left', 2],
  ];
  for (const [start, what, by] of cases) {
    it(what, () => {
      const n = lineOf(start);
      expect(n, start).toBeGreaterThan(0);
      const broken = lines.map((l, i) => (i === n - 1 ? l.slice(by) : l));
      const dir = tmp('pp-outdent-');
      const file = join(dir, '2024.yaml');
      writeFileSync(file, broken.join('\n'));
      const r = runCli(['validate', file, '--json']);
      expect(r.code).toBe(1);
      const [d] = diagnostics(r.stdout);
      expect(d.code).toBe('yaml-syntax');
      expect(d.line, `${d.message}\n${d.hint}`).toBe(n);
      // Doing what the hint says gives back the shipped file.
      const m = /[Ii]ndent line (\d+) with (\d+) spaces/.exec(d.hint ?? '');
      expect(m, d.hint).not.toBeNull();
      expect(Number(m![1])).toBe(n);
      const fixed = broken.map((l, i) => (i === n - 1 ? ' '.repeat(Number(m![2])) + l.trimStart() : l));
      expect(fixed.join('\n')).toBe(shipped);
    });
  }
});

/** A profile folder with the shipped sbic versions and a 2026.yaml made from 2024.yaml by `edit`. */
function withSbic2026(edit: (text: string) => string): string {
  const dir = tmp('pp-sbic26-');
  cpSync(join(ROOT, 'profiles/sbic'), join(dir, 'sbic'), { recursive: true });
  writeFileSync(join(dir, 'sbic/2026.yaml'), edit(readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8')));
  return dir;
}
const as2026 = (t: string) => t.replace('version: "2024"', 'version: "2026"');

describe('a profile file validate rejects is skipped by every command, and each says so', () => {
  it('an invalid file (released: 2026-02-30): show, assess and validate warn once on stderr; id@version says the file is invalid', () => {
    const dir = withSbic2026((t) =>
      as2026(t)
        .replace('replaces: sbic@2014', 'replaces: sbic@2024')
        .replace(/^released: .*$/m, 'released: 2026-02-30'),
    );
    // The line of `released:` in the shipped file (the profile may gain lines above it).
    const line =
      readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('released:')) + 1;
    const warning = new RegExp(
      `warning: .*sbic/2026\\.yaml is not a valid profile, so sbic@2026 is skipped: line ${line}:11: released: not a calendar date.*; see every problem with: profile validate .*sbic/2026\\.yaml\n`,
    );
    const show = runCli(['--profiles', dir, 'show', 'sbic']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('sbic@2024');
    expect(show.stderr).toMatch(warning);
    expect(show.stderr.match(/is not a valid profile/g)).toHaveLength(1);
    const box = sandbox();
    const assess = runCli(['--profiles', dir, 'assess', 'sbic', '--yes', '--dir', join(box.cwd, 'r')], box);
    expect(assess.stderr).toMatch(warning);
    const exact = runCli(['--profiles', dir, 'show', 'sbic@2026']);
    expect(exact.code).toBe(2);
    expect(exact.stderr).toMatch(
      new RegExp(
        `error: sbic@2026 is in .*sbic/2026\\.yaml, which is not a valid profile, so it is not used \\(line ${line}:11: released: not a calendar date`,
      ),
    );
    expect(exact.stderr).not.toContain('did you mean');
    // validate names the file with its error on stdout; a run that does not check it warns on stderr.
    expect(runCli(['--profiles', dir, 'validate', dir]).stderr).toBe('');
    expect(runCli(['--profiles', dir, 'validate', join(ROOT, 'profiles/ohio-process-coaching')]).stderr).toMatch(
      warning,
    );
  });
  it('a fork in the chain (2024 and 2026 both replace 2014): 2026 is not listed, shown or assessed', () => {
    const dir = withSbic2026(as2026);
    const list = runCli(['--profiles', dir, 'list', '--json']);
    expect(JSON.parse(list.stdout).profiles.map((p: { ref: string }) => p.ref)).not.toContain('sbic@2026');
    expect(list.stdout).toContain('replaces-fork');
    const show = runCli(['--profiles', dir, 'show', 'sbic']);
    expect(show.stdout).toContain('sbic@2024');
    expect(show.stderr).toMatch(
      /sbic\/2026\.yaml is not a valid profile, so sbic@2026 is skipped: line \d+:\d+: sbic@2026 replaces sbic@2014, and so does sbic@2024/,
    );
    const box = sandbox();
    const assess = runCli(['--profiles', dir, 'assess', 'sbic@2026', '--yes', '--dir', join(box.cwd, 'r')], box);
    expect(assess.code).toBe(2);
    expect(assess.stderr).toContain('which is not a valid profile, so it is not used');
    expect(recordsIn(join(box.cwd, 'r'))).toEqual([]);
  });
  it('version: "2025" in 2026.yaml is an error, and the file is not published as sbic@2025', () => {
    const dir = withSbic2026((t) =>
      t.replace('version: "2024"', 'version: "2025"').replace('replaces: sbic@2014', 'replaces: sbic@2024'),
    );
    const r = runCli(['validate', join(dir, 'sbic/2026.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /sbic\/2026\.yaml:4:10 {2}error {2}version "2025" does not match the file name "2026\.yaml": this file would be sbic@2025, not sbic@2026/,
    );
    expect(r.stdout).toContain('hint: Write version: "2026" if this is version 2026');
    const list = runCli(['--profiles', dir, 'list', '--json']);
    expect(JSON.parse(list.stdout).profiles.map((p: { ref: string }) => p.ref)).not.toContain('sbic@2025');
  });
  it('a PROFILE_PATH folder that does not exist is a usage error, as --profiles is', () => {
    for (const cmd of [['list'], ['show', 'sbic'], ['validate']]) {
      const r = runCli(cmd, { env: { PROFILE_PATH: 'nope' } });
      expect(r.code, cmd.join(' ')).toBe(2);
      expect(r.stderr).toContain('PROFILE_PATH: folder not found: nope');
    }
    expect(runCli(['list'], { env: { PROFILE_PATH: join(ROOT, 'profiles/sbic') } }).stderr).toContain('PROFILE_PATH: ');
    expect(runCli(['list'], { env: { PROFILE_PATH: join(ROOT, 'profiles') } }).code).toBe(0);
  });
});

describe("a copied profile's editor schema line", () => {
  it('warns when its relative $schema= path does not resolve, saying what to write; fixed, it is quiet', () => {
    const root = tmp('pp-modeline-');
    const file = join(root, 'profiles/sbic/2026.yaml');
    cpSync(join(ROOT, 'profiles/sbic/2024.yaml'), file, { recursive: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: "2024"', 'version: "2026"'));
    const r = runCli(['validate', file, '--json']);
    expect(diagnostics(r.stdout)).toContainEqual(
      expect.objectContaining({
        code: 'schema-modeline',
        severity: 'warning',
        line: 1,
        message: expect.stringContaining('points to ../../templates/schema/profile.schema.json, which does not exist'),
        hint: expect.stringContaining('# yaml-language-server: $schema=../schema/profile.schema.json'),
      }),
    );
    expect(runCli(['validate', file]).stdout).toMatch(/2026\.yaml:1:33 {2}warning {2}the editor's schema line/);
    // Doing what the hint says: write the schemas, fix the line.
    expect(runCli(['schema', '--write', join(root, 'profiles/schema')]).code).toBe(0);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('../../templates/schema/profile.schema.json', '../schema/profile.schema.json'),
    );
    expect(diagnostics(runCli(['validate', file, '--json']).stdout).map((d) => d.code)).not.toContain(
      'schema-modeline',
    );
    // The shipped profiles' line resolves inside the package.
    expect(diagnostics(runCli(['validate', 'profiles', '--json']).stdout)).toEqual([]);
  });
});

describe('small things a maintainer tripped on', () => {
  const sbic2026 = (edit: (t: string) => string = (t) => t) =>
    withSbic2026((t) =>
      edit(
        as2026(t)
          .replace('replaces: sbic@2014', 'replaces: sbic@2024')
          .replace(/# 2014 function.*\ncrosswalk:\n( {2}.*\n)+/, ''),
      ),
    );
  it('a typo in a level id of the new version: "did you mean" the old id first, at the typo', () => {
    const dir = sbic2026((t) =>
      t
        .replace('id: close-to-proficient', 'id: close-to-proficent')
        .replaceAll('close-to-proficient:', 'close-to-proficent:'),
    );
    const file = join(dir, 'sbic/2026.yaml');
    const line = readFileSync(file, 'utf8').split('\n').indexOf('    - id: close-to-proficent') + 1;
    const r = runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `2026.yaml:${line}:11  error  level "close-to-proficent": did you mean "close-to-proficient"? sbic@2024 has "close-to-proficient"`,
    );
    expect(r.stdout).toContain('hint: If "close-to-proficent" is a typo, write "close-to-proficient" here.');
  });
  it('diff: a profile field is named once, with what changed; the wrong way round suggests swapping', () => {
    const dir = sbic2026((t) => t.replace('Framework, 2024-25', 'Framework, 2026-27'));
    // 100 columns: the changed subtitle on one line under its name (piped output is 80 columns otherwise).
    const r = runCli(['--profiles', dir, 'diff', 'sbic@2024', 'sbic@2026'], { env: { COLUMNS: '100' } });
    expect(r.stdout).toContain(
      '  ~ subtitle\n      Missouri District Continuous Improvement (DCI) Framework, [-2024-]{+2026+}-[-25-]{+27+}',
    );
    expect(r.stdout).not.toContain('~ subtitle  subtitle');
    const back = runCli(['--profiles', dir, 'diff', 'sbic@2026', 'sbic@2024']);
    expect(Math.max(...back.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(back.stdout.replace(/\s+/g, ' ')).toContain(
      'sbic@2024 does not replace sbic@2026: it is the other way round, sbic@2026 replaces sbic@2024. Ids are compared as they are; to see what changed, swap them: profile diff sbic@2024 sbic@2026',
    );
    expect(runCli(['--profiles', dir, 'diff', 'sbic@2026', 'sbic@2024', '--format', 'md']).stdout).toContain(
      'swap them: `profile diff sbic@2024 sbic@2026`',
    );
  });
  it('a version that is not there points to --profiles and PROFILE_PATH', () => {
    const r = runCli(['diff', 'sbic@2024', 'sbic@2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('profile "sbic" has no version "2026"');
    expect(r.stderr).toContain('give it with --profiles DIR or PROFILE_PATH');
  });
  it('validate --strict: the summary line counts warnings as errors, as the exit code does', () => {
    const dir = tmp('pp-strict-');
    cpSync(join(ROOT, 'profiles/sbic/2024.yaml'), join(dir, '2024.yaml'));
    const r = runCli(['validate', '--strict', join(dir, '2024.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /1 file\(s\) checked: 0 ok, 1 with problems; \d+ error\(s\) \(\d+ of them warnings, which --strict counts as errors\)/,
    );
    expect(runCli(['validate', join(dir, '2024.yaml')]).stdout).toContain('1 ok, 0 with errors');
    // No warning counted: no parenthesis saying "0 of them".
    const clean = runCli(['validate', '--strict', join(ROOT, 'profiles/sbic/2024.yaml')]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('1 file(s) checked: 1 ok, 0 with problems; 0 error(s)\n');
    expect(clean.stdout).not.toContain('of them warnings');
  });
});

describe('a text ending in a colon', () => {
  it('"stem: Effective coaches ... by:" unquoted gets the quote-this-text hint, not the parser\'s words only', () => {
    const dir = tmp('pp-trailing-colon-');
    const shipped = readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8');
    const quoted = '        stem: "Effective coaches develop and maintain coaching relationships by:"';
    const line = shipped.split('\n').indexOf(quoted) + 1;
    expect(line).toBeGreaterThan(0);
    writeFileSync(
      join(dir, '2024.yaml'),
      shipped.replace(quoted, '        stem: Effective coaches develop and maintain coaching relationships by:'),
    );
    const [d] = diagnostics(runCli(['validate', join(dir, '2024.yaml'), '--json']).stdout);
    expect(d).toMatchObject({ code: 'yaml-syntax', line });
    expect(d.message).toMatch(new RegExp(`^line ${line}: this text ends with ":", so it needs quotes`));
    expect(d.hint).toBe(`Write it as  ${quoted.trim()}`);
  });
});

describe('a list item not lined up with the items above it', () => {
  it("moved left to its key's column: a plain-words line and a hint that gives the shipped file back", () => {
    const shipped = readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8');
    const lines = shipped.split('\n');
    const n = lines.indexOf('          - Communicating about coaching purpose and practices') + 1;
    expect(n).toBeGreaterThan(0);
    const dir = tmp('pp-list-indent-');
    const broken = lines.map((l, i) => (i === n - 1 ? l.slice(2) : l));
    writeFileSync(join(dir, '2024.yaml'), broken.join('\n'));
    const [d] = diagnostics(runCli(['validate', join(dir, '2024.yaml'), '--json']).stdout);
    expect(d).toMatchObject({ code: 'yaml-syntax', line: n });
    expect(d.message).toMatch(
      new RegExp(`^line ${n}: this list item starts at column 9, not lined up with the items above it \\(column 11\\)`),
    );
    expect(d.message).not.toContain('YAML cannot read this line');
    const m = /indent line (\d+) with (\d+) spaces/.exec(d.hint ?? '');
    expect(m, d.hint).not.toBeNull();
    const fixed = broken.map((l, i) => (i === Number(m![1]) - 1 ? ' '.repeat(Number(m![2])) + l.trimStart() : l));
    expect(fixed.join('\n')).toBe(shipped);
  });
});

describe('replaces: and id: that would publish the wrong thing', () => {
  /** A maintainer's folder with a copy of the shipped sbic versions and sbic/<version>.yaml made from 2024. */
  const newVersion = (version: string, edit: (text: string) => string) => {
    const dir = tmp('pp-replaces-');
    cpSync(join(ROOT, 'profiles/sbic'), join(dir, 'sbic'), { recursive: true });
    const text = readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8')
      .replace('version: "2024"', `version: "${version}"`)
      .replace(/# 2014 function.*\ncrosswalk:\n( {2}.*\n)+/, '');
    const file = join(dir, `sbic/${version}.yaml`);
    writeFileSync(file, edit(text));
    const line = (s: string) => readFileSync(file, 'utf8').split('\n').indexOf(s) + 1;
    return { dir, file, line };
  };
  it('replaces a version that does not exist while others do: an error naming the latest earlier version', () => {
    const { file, line } = newVersion('2026', (t) => t.replace('replaces: sbic@2014', 'replaces: sbic@2025'));
    const r = runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `sbic/2026.yaml:${line('replaces: sbic@2025')}:11  error  replaces "sbic@2025", which does not exist (did you mean sbic@2024?); versions of sbic: 2014, 2024, 2026`,
    );
    expect(r.stdout).toContain('hint: Write "replaces: sbic@2024" (the latest version before 2026)');
    // A profile with no other version known stays a warning (the earlier one may be kept elsewhere).
    const alone = tmp('pp-alone-');
    writeFileSync(
      join(alone, '2026.yaml'),
      readFileSync(file, 'utf8').replace('id: sbic', 'id: fresh').replace('sbic@2025', 'fresh@2025'),
    );
    const a = diagnostics(runCli(['validate', join(alone, '2026.yaml'), '--json']).stdout);
    expect(a).toContainEqual(expect.objectContaining({ code: 'replaces-not-found', severity: 'warning' }));
  });
  it('a version that replaces a later version, or itself: an error saying why', () => {
    const { dir, file, line } = newVersion('2023', (t) => t.replace('replaces: sbic@2014', 'replaces: sbic@2024'));
    const r = runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `sbic/2023.yaml:${line('replaces: sbic@2024')}:11  error  sbic@2023 replaces sbic@2024, a later version: "latest" (show, assess, summarize --as sbic) is chosen by version order, so sbic@2024 would stay the latest and this version would never be used as it`,
    );
    expect(r.stdout).not.toContain('the version chain forks');
    // The registry skips it, saying why.
    expect(runCli(['--profiles', dir, 'show', 'sbic@2023']).stderr).toContain('a later version');
    const self = newVersion('2026', (t) => t.replace('replaces: sbic@2014', 'replaces: sbic@2026'));
    const s = runCli(['validate', self.file]);
    expect(s.code).toBe(1);
    expect(s.stdout).toContain(
      `sbic/2026.yaml:${self.line('replaces: sbic@2026')}:11  error  replaces "sbic@2026", its own version: a version cannot replace itself`,
    );
  });
  it('an id that does not match the folder named for a known id is an error, and the file is not published', () => {
    const { dir, file, line } = newVersion('2026', (t) =>
      t.replace('replaces: sbic@2014', 'replaces: sbic@2024').replace(/^id: sbic$/m, 'id: sbci'),
    );
    const r = runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `sbic/2026.yaml:${line('id: sbci')}:5  error  id "sbci" does not match the folder "sbic": this file would be sbci@2026, a profile of its own, not sbic@2026`,
    );
    expect(r.stdout).toContain(
      'hint: Write id: sbic if this is a version of sbic; if it is a new profile, move it to sbci/2026.yaml.',
    );
    // Read from a profile folder: skipped, not listed as a new profile.
    const list = runCli(['--profiles', dir, 'list']);
    expect(list.stdout).not.toMatch(/^sbci/m);
    expect(list.stdout).toContain('id "sbci" does not match the folder "sbic"');
    // A draft in a folder that is no profile's id stays a warning.
    const draft = tmp('pp-draft-');
    writeFileSync(join(draft, '2026.yaml'), readFileSync(file, 'utf8'));
    expect(diagnostics(runCli(['validate', join(draft, '2026.yaml'), '--json']).stdout)).toContainEqual(
      expect.objectContaining({
        code: 'file-name',
        severity: 'warning',
        message: expect.stringContaining('id "sbci"'),
      }),
    );
  });
});

describe('a copy of a published version that says something else', () => {
  it('is an error in validate, and every command keeps using the published text (with a warning)', () => {
    const dir = tmp('pp-changed-copy-');
    mkdirSync(join(dir, 'sbic'));
    const shipped = readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8');
    // An exact copy is only shadowing (a warning); the same text with keys in another order too.
    writeFileSync(join(dir, 'sbic/2024.yaml'), shipped);
    const same = runCli(['--profiles', dir, 'validate', join(dir, 'sbic/2024.yaml')]);
    expect(same.stdout).not.toMatch(/published-version-changed| {2}error {2}/);
    // One word changed: the target level. Every sbic@2024 record would be read against another target.
    writeFileSync(join(dir, 'sbic/2024.yaml'), shipped.replace('target: proficient', 'target: exemplary'));
    const v = runCli(['--profiles', dir, 'validate', join(dir, 'sbic/2024.yaml')]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(
      /2024\.yaml:\d+:\d+ {2}error {2}sbic@2024 is already published in \S+profiles\/sbic\/2024\.yaml, and this file says something else/,
    );
    const show = runCli(['--profiles', dir, 'show', 'sbic@2024', '--format', 'json']);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout).scale.target).toBe('proficient');
    expect(show.stderr).toMatch(
      /warning: \S*sbic\/2024\.yaml is not a valid profile, so it is not used \(sbic@2024 comes from \S*profiles\/sbic\/2024\.yaml\): .*already published/,
    );
  });
});

describe('--as with a profile file outside any id folder', () => {
  it('says how profiles are found instead of a --profiles hint that cannot work', () => {
    const dir = tmp('pp-loose-');
    const file = join(dir, 'loose-2026.yaml');
    writeFileSync(
      file,
      readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8').replace('version: "2024"', 'version: "2026"'),
    );
    const r = runCli(['summarize', fixture('summarize', 'state'), '--as', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Profiles are found as <folder>/<id>/<version>.yaml');
    expect(r.stderr).not.toMatch(/--profiles \S+ --as \.@/);
  });
});

describe('a record: its steps numbered as the coach knows them (cold trial)', () => {
  it('validate, report and actions say "action step 3, status", with file:line:col and the word meant', () => {
    const dir = tmp('pp-recmsg-');
    const file = join(dir, 'h.yaml');
    writeFileSync(
      file,
      readFileSync(fixture('report', 'ohio-2025.yaml'), 'utf8').replace('    status: in-progress', '    status: Done'),
    );
    const message = 'action step 3, status: must be "planned", "in-progress" or "done" (did you mean "done"?)';
    const v = runCli(['validate', file]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`h.yaml:42:13  error  ${message}`);
    expect(v.stdout).not.toContain('actionSteps.2');
    expect(diagnostics(runCli(['validate', file, '--json']).stdout)).toEqual([
      expect.objectContaining({ code: 'schema', severity: 'error', message, line: 42 }),
    ]);
    for (const cmd of ['report', 'actions']) {
      const r = runCli([cmd, file], { env: { COLUMNS: '200' } });
      expect(r.code, cmd).toBe(1);
      expect(r.stderr, cmd).toContain(`h.yaml:42:13: ${message}`);
    }
  });
});
