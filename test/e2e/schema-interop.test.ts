// The published JSON Schemas work outside this tool: ajv with a YAML 1.1 reader (js-yaml 4, as many
// editors and CI tools use) accepts every shipped profile and every record the tool writes.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { fixture, recordsIn, ROOT, runCli, sandbox } from '../helpers/cli.js';

const schema = (kind: string) =>
  JSON.parse(readFileSync(join(ROOT, 'templates/schema', `${kind}.schema.json`), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const checkProfile = ajv.compile(schema('profile'));
const checkRecord = ajv.compile(schema('record'));
const errorsOf = (check: typeof checkRecord, file: string) => {
  const ok = check(load(readFileSync(file, 'utf8')));
  return ok ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

describe('shipped profiles', () => {
  const files = readdirSync(join(ROOT, 'profiles')).flatMap((id) =>
    readdirSync(join(ROOT, 'profiles', id))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(ROOT, 'profiles', id, f)),
  );
  it('are all found', () => expect(files.length).toBeGreaterThanOrEqual(3));
  it.each(files.map((f) => [f.slice(ROOT.length)]))('%s passes ajv + js-yaml', (f) => {
    expect(errorsOf(checkProfile, join(ROOT, f))).toEqual([]);
  });
  it('the template passes too', () => expect(errorsOf(checkProfile, join(ROOT, 'templates/profile.yaml'))).toEqual([]));
});

describe('records the tool writes', () => {
  it('assess (each shipped profile) and actions --add --due write records a YAML 1.1 reader accepts', () => {
    const box = sandbox();
    const answers = [
      ['ohio-process-coaching', 'ohio-answers.yaml'],
      ['sbic@2014', 'sbic-2014-answers.yaml'],
      ['sbic@2024', 'sbic-2024-answers.yaml'],
    ];
    for (const [profile, file] of answers) {
      const r = runCli(
        ['assess', profile, '--answers', fixture('assess', file), '--group', 'region=3.10', '--cycle', '2025-26'],
        box,
      );
      expect(r.code, r.stderr).toBe(0);
    }
    const files = recordsIn(join(box.cwd, 'records'));
    expect(files).toHaveLength(3);
    const ohio = files.find((f) => f.includes('ohio'))!; // 2 steps of at most 3: one can be added
    expect(runCli(['actions', ohio, '--add', 'Try video feedback', '--due', '2027-01-15'], box).code).toBe(0);
    for (const f of files) expect(errorsOf(checkRecord, f), f).toEqual([]);
    expect(readFileSync(ohio, 'utf8')).toMatch(/^ {4}due: "2027-01-15"$/m);
    expect(readFileSync(ohio, 'utf8')).toMatch(/^date: "\d{4}-\d{2}-\d{2}"$/m);
  });
  it('the check itself catches an unquoted date (what the tool wrote before)', () => {
    const box = sandbox();
    const file = join(box.cwd, 'old.yaml');
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(fixture('assess', 'sbic-2014-complete.yaml'), file);
    expect(readFileSync(file, 'utf8')).toMatch(/^date: 2025-09-14$/m);
    expect(errorsOf(checkRecord, file)).toContain('/date must be string');
  });
});

describe('the schema in a maintainer repository', () => {
  it('schema --write puts both files where a copied template finds them', () => {
    const box = sandbox();
    const repo = join(box.cwd, 'our-profiles');
    mkdirSync(join(repo, 'ours'), { recursive: true });
    copyFileSync(join(ROOT, 'templates/profile.yaml'), join(repo, 'ours/2026.yaml'));
    const r = runCli(['schema', '--write', join(repo, 'schema')], box);
    expect(r.code).toBe(0);
    const modeline = readFileSync(join(repo, 'ours/2026.yaml'), 'utf8').split('\n')[0];
    const target = /\$schema=(\S+)/.exec(modeline)![1];
    const resolved = resolve(join(repo, 'ours'), target);
    expect(existsSync(resolved), resolved).toBe(true);
    expect(readFileSync(resolved, 'utf8')).toBe(
      readFileSync(join(ROOT, 'templates/schema/profile.schema.json'), 'utf8'),
    );
    expect(existsSync(join(repo, 'schema/record.schema.json'))).toBe(true);
    // The schema folder is not mistaken for a profile, and the copy validates there (file-name warnings aside).
    expect(runCli(['validate', repo, '--json'], box).stdout).toContain('"errors": 0');
  });
  it('the $id is a name (urn), not an address that does not resolve', () => {
    expect(schema('profile').$id).toBe('urn:practice-profile:schema:profile');
    expect(schema('record').$id).toBe('urn:practice-profile:schema:record');
  });
});
