// Edge cases of `profile summarize` found in review: Unicode whitespace, forwarded copies that differ only
// in form, prototype keys in --by, special files, --as collisions, and --min-n parsing.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const uuid = (i: number) => `abcdef00-0000-4abc-8def-${String(i).padStart(12, '0')}`;

/** A complete sbic@2024 record with no warnings (so the fast path reads it); `feedbackLine` replaces the feedback rating line as is. */
function record(i: number, opts: { feedbackLine?: string; group?: string; id?: string } = {}): string {
  return [
    'kind: practice-profile-record',
    'format: 1',
    `id: ${opts.id ?? uuid(i)}`,
    'profile: sbic@2024',
    'status: complete',
    'date: 2025-09-14',
    ...(opts.group ? [opts.group] : ['group:', '  region: Southeast']),
    'ratings:',
    '  relationships: exemplary',
    opts.feedbackLine ?? '  feedback: proficient',
    '  coaching-plan: exemplary',
    '  solution-dialogue: close-to-proficient',
    '  progress-monitoring: proficient',
    'priorities: [solution-dialogue]',
    'actionSteps:',
    '  - text: Agree a response time',
    '    status: planned',
    '  - text: Use video for feedback',
    '    status: done',
    '',
  ].join('\n');
}

function json(run: ReturnType<typeof runCli>) {
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('summarize edge cases', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pp-edge-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const put = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const summarize = (...args: string[]) => runCli(['summarize', dir, '--format', 'json', '--min-n', '3', ...args]);

  it('a trailing NBSP is part of the level id, as in yaml and `profile validate`: not counted', () => {
    for (let i = 0; i < 5; i++) put(`r${i}.yaml`, record(i, { feedbackLine: '  feedback: proficient\u00a0' }));
    const v = runCli(['validate', join(dir, 'r0.yaml')]);
    expect(v.code).not.toBe(0);
    for (const workers of ['--no-workers', '--workers']) {
      const s = json(summarize(workers));
      expect(s.files.counted).toBe(0);
      expect(s.files.skipped.invalid).toBe(5);
    }
  });

  it('other Unicode whitespace and control characters are read as yaml reads them', () => {
    const lines = [
      '\u00a0 relationships: exemplary',
      '  feedback: proficient\u2028',
      '  feedback: proficient\u3000',
      '  feedback: proficient\v',
      '  feedback: proficient\f',
      '  feedback: prof\ufefficient',
    ];
    lines.forEach((l, i) => put(`r${i}.yaml`, record(i, { feedbackLine: l })));
    const s = json(summarize('--no-workers'));
    expect(s.files.counted).toBe(0);
    expect(s.files.skipped.invalid).toBe(lines.length);
  });

  it('a forwarded copy differing only in form is a duplicate (counted once); a real difference is a conflict', () => {
    put('a.yaml', record(1));
    // comments, quoting, key order, indentation, an upper-case id, CRLF line endings
    const copy = record(1, { id: uuid(1).toUpperCase() })
      .replace('kind: practice-profile-record', '# forwarded by mail\nkind: "practice-profile-record"')
      .replace(/^ {2}([a-z-]+: [a-z-]+)$/gm, '    $1') // ratings and group indented by 4
      .replace(
        '    relationships: exemplary\n    feedback: proficient',
        "    feedback: 'proficient'\n    relationships: exemplary  # good",
      )
      .replace('status: complete\n', '')
      .replace('date: 2025-09-14', 'date: "2025-09-14"\nstatus: complete')
      .replace(/\n/g, '\r\n');
    expect(copy).toContain('ABCDEF00');
    expect(copy).toContain("    feedback: 'proficient'");
    put('b.yaml', copy);
    put('c1.yaml', record(3));
    put('c2.yaml', record(3, { feedbackLine: '  feedback: exemplary' }));
    put('d.yaml', record(4));
    put('e.yaml', record(5));
    const one = summarize('--no-workers');
    const s = json(one);
    // a (b is its copy), d, e; c1 and c2 conflict
    expect(s.files.counted).toBe(3);
    expect(s.files.skipped.duplicate).toBe(1);
    expect(s.files.skipped.conflict).toBe(2);
    expect(one.stderr).toMatch(/b\.yaml +skipped +same record as .*a\.yaml \(a copy\); counted once/);
    expect(one.stderr).toMatch(/c2\.yaml +skipped +same record id as .*c1\.yaml but different content/);
    const pool = summarize('--workers');
    expect(pool.stdout).toBe(one.stdout);
    expect(pool.stderr).toBe(one.stderr);
  });

  it('--by constructor / __proto__ / toString are ordinary missing keys: "(not given)"', () => {
    for (let i = 0; i < 3; i++) put(`r${i}.yaml`, record(i));
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const s = json(summarize('--by', key, '--no-workers'));
      const groups = s.reports[0].tables[0].total.groups;
      expect(
        groups.map((g: { value: unknown }) => g.value),
        key,
      ).toEqual(['(not given)']);
    }
    // and an own group key of that name is used
    for (let i = 3; i < 6; i++) put(`r${i}.yaml`, record(i, { group: 'group:\n  constructor: Alpha' }));
    const s = json(summarize('--by', 'constructor'));
    expect(s.reports[0].tables[0].total.groups.map((g: { value: unknown }) => g.value).sort()).toEqual([
      '(not given)',
      'Alpha',
    ]);
  });

  it.skipIf(process.platform === 'win32')(
    'a FIFO named like a record is reported as skipped, not dropped (and never blocks)',
    () => {
      for (let i = 0; i < 3; i++) put(`r${i}.yaml`, record(i));
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      mkdirSync(join(dir, 'sub'));
      execFileSync('mkfifo', [join(dir, 'sub', 'other.yml')]);
      execFileSync('mkfifo', [join(dir, 'not-yaml.txt')]);
      for (const workers of ['--no-workers', '--workers']) {
        const run = summarize(workers);
        const s = json(run);
        expect(s.files.found).toBe(5);
        expect(s.files.counted).toBe(3);
        expect(s.files.skipped.unreadable).toBe(2);
        expect(run.stderr).toMatch(/pipe\.yaml +skipped +not a regular file/);
        expect(run.stderr).toMatch(/other\.yml +skipped +not a regular file/);
        expect(run.stderr).not.toMatch(/not-yaml\.txt/);
      }
    },
  );

  it('--as: two items mapping to one is refused (crosswalk-merge); one of them and a level mapped to null on purpose are counted as dropped and said in the report, not per file; without the levelCrosswalk line the target is refused', () => {
    // The fixture's xw@2024 lacks the level "not-started" of xw@2014 and does not map it: validate rejects
    // it, so every command skips it, and --as it is a usage error naming the file.
    const refused = runCli([
      '--profiles',
      fixture('summarize', 'crosswalk-profiles'),
      'summarize',
      dir,
      '--as',
      'xw@2024',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /xw@2024 is in .*xw\/2024\.yaml, which is not a valid profile.*level "not-started" of xw@2014/,
    );
    // The level mapped to null on purpose, the crosswalk still maps two items to one: refused too.
    const profiles = mkdtempSync(join(tmpdir(), 'pp-xw-'));
    cpSync(fixture('summarize', 'crosswalk-profiles'), profiles, { recursive: true });
    const target = join(profiles, 'xw/2024.yaml');
    writeFileSync(
      target,
      readFileSync(target, 'utf8').replace('crosswalk:\n', 'levelCrosswalk:\n  not-started: null\ncrosswalk:\n'),
    );
    const old = (i: number, ip: string) =>
      [
        'kind: practice-profile-record',
        'format: 1',
        `id: ${uuid(i)}`,
        'profile: xw@2014',
        'status: complete',
        'date: 2025-09-14',
        'ratings:',
        '  relationships: proficient',
        `  improvement-process: ${ip}`,
        '  solution-dialogue: not-started',
        // Two steps, so that the only warnings are the two under test (at most 3 are printed).
        'actionSteps:',
        '  - text: a',
        '  - text: b',
        '',
      ].join('\n');
    // Ten records: in a group of fewer than 10 where all gave one level, the row would be a range.
    for (let i = 0; i < 10; i++) put(`r${i}.yaml`, old(i, 'exemplary'));
    const merged = runCli(['--profiles', profiles, 'summarize', dir, '--as', 'xw@2024']);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain(
      'crosswalk maps "improvement-process" to "relationships", and "relationships" (kept as it is) also lands on "relationships"',
    );
    // improvement-process mapped to null on purpose: the profile is used.
    writeFileSync(
      target,
      readFileSync(target, 'utf8').replace('  improvement-process: relationships', '  improvement-process: null'),
    );
    for (const workers of ['--no-workers', '--workers']) {
      const run = runCli([
        '--profiles',
        profiles,
        'summarize',
        dir,
        '--as',
        'xw@2024',
        '--format',
        'json',
        '--min-n',
        '3',
        workers,
      ]);
      const s = json(run);
      expect(s.files.counted).toBe(10);
      const items = s.reports[0].tables[0].total.items;
      const rel = items.find((x: { id: string }) => x.id === 'relationships');
      expect(rel.levels.proficient).toBe(10);
      expect(s.conversions[0]).toMatchObject({
        from: 'xw@2014',
        dropped: expect.arrayContaining(['improvement-process']),
        levelsDropped: ['not-started'],
        ratingsAtDroppedLevels: 10,
      });
      expect(run.stderr).not.toContain('both map to');
      expect(run.stderr).not.toContain('is not a level of');
    }
  });

  it('--min-n accepts only a plain whole number', () => {
    for (let i = 0; i < 3; i++) put(`r${i}.yaml`, record(i));
    for (const bad of ['0x5', '1e1', ' 5 ', '5.0', '+5', '', '5abc', '0b101', '2']) {
      const run = runCli(['summarize', dir, '--min-n', bad]);
      expect(run.code, JSON.stringify(bad)).toBe(2);
      expect(run.stderr).toMatch(/--min-n must be a whole number/);
    }
    expect(runCli(['summarize', dir, '--min-n', '3', '--format', 'json']).code).toBe(0);
    expect(runCli(['summarize', dir, '--min-n', '05', '--format', 'json']).code).toBe(0);
  });
});
