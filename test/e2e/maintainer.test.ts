// The maintainer commands on the built CLI: list, show, validate, schema.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const fixture = (p: string) => join(ROOT, 'test/fixtures/validate', p);

describe('profile list', () => {
  it('shows the three shipped profiles', () => {
    const r = runCli(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ohio-process-coaching@3\.15\s+Ohio SPDG Process Coaching Practice Profile.*9 criteria/);
    expect(r.stdout).toMatch(
      /sbic@2014\s+School-Based Implementation Coaching Practice Profile.*4 essential functions/,
    );
    expect(r.stdout).toMatch(/sbic@2024\s+.*5 essential functions/);
  });
  it('--json lists refs and rated item counts', () => {
    const r = runCli(['list', '--json']);
    const data = JSON.parse(r.stdout) as { profiles: { ref: string; ratedItems: number }[] };
    expect(data.profiles.map((p) => [p.ref, p.ratedItems])).toEqual([
      ['ohio-process-coaching@3.15', 9],
      ['sbic@2014', 4],
      ['sbic@2024', 5],
    ]);
  });
  it('finds profiles in --profiles and PROFILE_PATH folders too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-profiles-'));
    cpSync(join(ROOT, 'profiles/sbic/2024.yaml'), join(dir, 'ours/2025.yaml'), { recursive: true });
    const text = readFileSync(join(dir, 'ours/2025.yaml'), 'utf8')
      .replace('id: sbic\n', 'id: ours\n')
      .replace('version: "2024"', 'version: "2025"')
      .replace(/replaces: .*\n/, '')
      .replace(/crosswalk:\n( {2}.*\n)+/, '');
    writeFileSync(join(dir, 'ours/2025.yaml'), text.replace(/^# 2014 function.*\n/m, ''));
    expect(runCli(['list', '--profiles', dir]).stdout).toContain('ours@2025');
    expect(runCli(['list'], { env: { PROFILE_PATH: dir } }).stdout).toContain('ours@2025');
    expect(runCli(['list', '--profiles', join(dir, 'missing')]).code).toBe(2);
  });
});

describe('profile show', () => {
  it('sbic@2014 --format md reads like the paper rubric', () => {
    const r = runCli(['show', 'sbic@2014', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '| Essential function | Exemplary | Proficient (target) | Close to Proficient | Far from Proficient | Evidence |',
    );
    for (const title of [
      'Developing and maintaining coaching relationships',
      'Facilitating the improvement process',
      'Communicating in a timely and responsive manner',
      'Engaging in solution-driven dialogue',
    ]) {
      expect(r.stdout).toContain(title);
    }
    expect(r.stdout).toContain('• Explains that confidentiality will be maintained.');
    expect(r.stdout).toContain('• Does not address confidentiality.');
    expect(r.stdout).toContain('Fidelity Checklist<br>Student Data');
  });
  it('defaults to the latest version, and shows a generic meaning where the source has no descriptor', () => {
    const r = runCli(['show', 'sbic']);
    expect(r.stdout).toContain('sbic@2024');
    expect(r.stdout).toContain('Progress monitor');
    expect(r.stdout).toMatch(/Far from Proficient\s+\(generic meaning; not in the source\)/);
  });
  it('--format json is the normalised model', () => {
    const p = JSON.parse(runCli(['show', 'ohio-process-coaching', '-f', 'json']).stdout);
    expect(p.version).toBe('3.15');
    expect(p.sections[0].criteria).toHaveLength(9);
    expect(p.process.actionSteps).toEqual({ min: 2, max: 3 });
  });
  it('an unknown profile or version is a usage error naming what exists', () => {
    const r = runCli(['show', 'sbic@1999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('versions: 2014, 2024');
  });
});

describe('profile validate', () => {
  it('the shipped profiles are clean', () => {
    const r = runCli(['validate', 'profiles']);
    expect(r.stdout).toMatch(/3 file\(s\) checked: 3 ok, 0 with errors; 0 error\(s\), 0 warning\(s\)/);
    expect(r.code).toBe(0);
  });
  it("(a) a YAML syntax error: file:line:col, in plain words with a hint, then the parser's detail; exit 1", () => {
    const r = runCli(['validate', fixture('syntax')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /test\/fixtures\/validate\/syntax\/3\.15\.yaml:80:15 +error +line 80: the quoted text that starts here is never closed .*\(parser: Missing closing "quote\)\n +hint: End the text with " on line 80/,
    );
    expect(r.stdout.match(/ {2}error {2}/g)).toHaveLength(1); // one diagnostic, not the parser's cascade
  });
  it('did you mean: fields, levels, profile names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-typo-'));
    const text = readFileSync(join(ROOT, 'profiles/sbic/2014.yaml'), 'utf8')
      .replace('target: proficient', 'target: proficent')
      .replace('statusNote:', 'statusnote:');
    writeFileSync(join(dir, '2014.yaml'), text);
    const r = runCli(['validate', join(dir, '2014.yaml')]);
    expect(r.stdout).toContain('unknown field "statusnote" (did you mean "statusNote"?)');
    writeFileSync(join(dir, '2014.yaml'), text.replace('statusnote:', 'statusNote:'));
    expect(runCli(['validate', join(dir, '2014.yaml')]).stdout).toContain(
      'target "proficent" is not one of the levels (exemplary, proficient, close-to-proficient, far-from-proficient) (did you mean "proficient"?)',
    );
    expect(runCli(['show', 'sbci']).stderr).toContain('unknown profile "sbci" (did you mean "sbic"?)');
  });
  it('(b) two criteria with one id: points at the second id', () => {
    const r = runCli(['validate', fixture('duplicate-id')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'duplicate-id/3.15.yaml:89:13  error  duplicate id "communication.pausing" (criterion); first used by the criterion at line 84',
    );
  });
  it('(c) a record rating a level the profile lacks: points at the value', () => {
    const r = runCli(['validate', fixture('bad-level')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad-level/record.yaml:14:18  error  "mostly-there" is not a level of sbic@2024');
  });
  it('schema errors point into the YAML too (unknown field)', () => {
    const r = runCli(['validate', fixture('unknown-field')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('unknown-field/3.15.yaml:49:7  error  unknown field "shade" in scale.levels.2');
  });
  it('--json reports every file; a missing path is a usage error', () => {
    const r = runCli(['validate', fixture(''), '--json']);
    const data = JSON.parse(r.stdout);
    expect(data.ok).toBe(false);
    expect(data.files).toHaveLength(4);
    expect(data.errors).toBe(4);
    expect(runCli(['validate', 'no/such/path']).code).toBe(2);
  });
  it('cross-checks a crosswalk against the version it replaces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-xwalk-'));
    const text = readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8').replace(
      '  timely-communication: null',
      '  timely-communications: null',
    );
    cpSync(join(ROOT, 'profiles/sbic/2014.yaml'), join(dir, 'sbic/2014.yaml'), { recursive: true });
    writeFileSync(join(dir, 'sbic/2024.yaml'), text);
    const r = runCli(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /sbic\/2024\.yaml:\d+:3 {2}error {2}crosswalk maps "timely-communications", which is not an id in sbic@2014/,
    );
  });
});

describe('profile schema', () => {
  it('prints JSON Schema generated from the code, identical to the committed files', () => {
    for (const kind of ['profile', 'record']) {
      const r = runCli(['schema', kind]);
      expect(r.code).toBe(0);
      const committed = readFileSync(join(ROOT, `templates/schema/${kind}.schema.json`), 'utf8');
      expect(r.stdout, `templates/schema/${kind}.schema.json is out of date: run npm run schema`).toBe(committed);
    }
  });
  it("README's VS Code yaml.schemas recipe maps profiles to the profile schema and records to the record schema, never crossed", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```json\n(\{\n {2}"yaml\.schemas"[\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the yaml.schemas recipe').toBeDefined();
    // The recipe assumes folders named profiles/ and records/: the README says to adjust it.
    expect(readme.replace(/\s+/g, ' ')).toContain(
      'if your folders have other names, adjust the globs and the schema paths to match them',
    );
    const schemas = JSON.parse(block!)['yaml.schemas'] as Record<string, string[]>;
    // The workspace the recipe describes: schemas written where it says, a profile, a record by assess.
    const ws = mkdtempSync(join(tmpdir(), 'pp-vscode-'));
    expect(runCli(['schema', '--write', join(ws, 'profiles/schema')]).code).toBe(0);
    const kindOf = (schema: string) => (schema.includes('record') ? 'record' : 'profile');
    for (const schema of Object.keys(schemas))
      expect(readFileSync(join(ws, schema), 'utf8'), schema).toContain(`practice-profile`);
    const files = {
      profile: ['profiles/sbic/2026.yaml', 'profiles/ohio-process-coaching/3.15.yaml'],
      record: ['records/2025-09-14_sbic-2014_3f2b8c1e.yaml', 'records/region-a/2025-09-14_sbic-2024_0a1b2c3d.yaml'],
    };
    for (const [schema, globs] of Object.entries(schemas)) {
      const matches = (f: string) => globs.some((g) => matchesGlob(f, g));
      for (const [kind, list] of Object.entries(files))
        for (const f of list) expect(matches(f), `${f} against ${schema}`).toBe(kind === kindOf(schema));
    }
  });
  it('shipped profiles point editors at the schema', () => {
    for (const f of ['sbic/2014.yaml', 'sbic/2024.yaml', 'ohio-process-coaching/3.15.yaml']) {
      expect(readFileSync(join(ROOT, 'profiles', f), 'utf8').split('\n')[0]).toBe(
        '# yaml-language-server: $schema=../../templates/schema/profile.schema.json',
      );
    }
  });
});

describe('the program', () => {
  it('--help lists commands with examples; an unknown command is exit 2', () => {
    const r = runCli(['--help']);
    expect(r.stdout).toContain('Examples:');
    for (const c of ['assess', 'summarize', 'list', 'show', 'diff', 'validate', 'schema'])
      expect(r.stdout).toContain(c);
    expect(runCli(['frobnicate']).code).toBe(2);
  });
  it("every command's --help text fits 80 columns in a pipe, wrapped by words (examples kept whole)", () => {
    for (const c of [
      'assess',
      'actions',
      'report',
      'history',
      'summarize',
      'list',
      'show',
      'diff',
      'validate',
      'schema',
    ]) {
      const r = runCli([c, '--help']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain('Examples:');
      // Prose (not indented) is wrapped; an indented example line is a command to copy, kept on one line.
      const long = r.stdout.split('\n').filter((l) => l.length > 80 && !/^\s/.test(l));
      expect(long, c).toEqual([]);
    }
  });
  it('--version prints the package version', () => {
    expect(runCli(['--version']).stdout.trim()).toBe(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    );
  });
});

describe('templates', () => {
  it('the starter profile validates (only the file-name warnings of a template)', () => {
    const r = runCli(['validate', 'templates/profile.yaml', '--json']);
    const data = JSON.parse(r.stdout);
    expect(data.errors).toBe(0);
    expect(r.code).toBe(0);
  });
});
