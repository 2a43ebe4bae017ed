// Crosswalks on the built CLI: validate refuses a version change that would lose ratings; --as and
// --from follow the whole chain; --as to a version that carries nothing over is a usage error.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, runCli, sandbox } from '../helpers/cli.js';

const chain = fixture('crosswalk', 'chain');

/** sbic@2026 = sbic@2024 with progress-monitoring renamed to monitoring, in a folder with the shipped versions. */
function renamedVersion(crosswalk: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pp-rename-'));
  cpSync(join(ROOT, 'profiles/sbic'), join(dir, 'sbic'), { recursive: true });
  const text = readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8')
    .replace('version: "2024"', 'version: "2026"')
    .replace('replaces: sbic@2014', 'replaces: sbic@2024')
    .replace(/# 2014 function.*\ncrosswalk:\n( {2}.*\n)+/, crosswalk)
    .replace('- id: progress-monitoring', '- id: monitoring');
  writeFileSync(join(dir, 'sbic/2026.yaml'), text);
  return dir;
}

describe('validate: a version change that would lose ratings', () => {
  it('a rename without a crosswalk entry fails, naming the id and the likely new one', () => {
    const r = runCli(['validate', renamedVersion('')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /sbic\/2026\.yaml:\d+:\d+ {2}error {2}id "progress-monitoring" of sbic@2024 is not in sbic@2026 and not in its crosswalk \(renamed to "monitoring"\?\)/,
    );
    expect(r.stdout).toContain('hint: Add it under "crosswalk:" in this file: "progress-monitoring: monitoring"');
  });
  it('mapped, or mapped to null on purpose, passes', () => {
    expect(runCli(['validate', renamedVersion('crosswalk:\n  progress-monitoring: monitoring\n')]).code).toBe(0);
    expect(runCli(['validate', renamedVersion('crosswalk:\n  progress-monitoring: null\n')]).code).toBe(0);
  });
  it('two old ids mapped to one new id is an error at the second line, naming both (a record holds one rating per item)', () => {
    const dir = renamedVersion('crosswalk:\n  progress-monitoring: monitoring\n  coaching-plan: monitoring\n');
    const file = join(dir, 'sbic/2026.yaml');
    // coaching-plan leaves the new version (else its crosswalk line is crosswalk-existing-id).
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/ {2}- id: coaching-plan\n(?: {4}.*\n)+?(?= {2}- id: solution-dialogue)/, ''),
    );
    const line = readFileSync(file, 'utf8').split('\n').indexOf('  coaching-plan: monitoring') + 1;
    const r = runCli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `sbic/2026.yaml:${line}:3  error  crosswalk maps "coaching-plan" to "monitoring", and "progress-monitoring" also lands on "monitoring": a record of sbic@2024 rating both would carry two ratings for one item of sbic@2026`,
    );
    expect(r.stdout).toContain(
      'hint: Map one of them to null on purpose ("coaching-plan: null"; its ratings are then dropped, and reported as dropped), or keep both items in sbic@2026.',
    );
    // The registry skips it, as validate rejects it; diff says the same.
    expect(runCli(['--profiles', dir, 'show', 'sbic@2026']).code).toBe(2);
    expect(runCli(['diff', 'sbic@2024', file]).stdout).toContain('validate rejects this (crosswalk-merge)');
    // Onto an id kept as it is: the same error.
    const kept = renamedVersion('crosswalk:\n  progress-monitoring: feedback\n');
    writeFileSync(
      join(kept, 'sbic/2026.yaml'),
      readFileSync(join(kept, 'sbic/2026.yaml'), 'utf8').replace(
        / {2}- id: monitoring\n(?: {4}.*\n)+?(?= {2}- id: |[a-z])/,
        '',
      ),
    );
    expect(runCli(['validate', join(kept, 'sbic/2026.yaml')]).stdout).toContain(
      'crosswalk maps "progress-monitoring" to "feedback", and "feedback" (kept as it is) also lands on "feedback"',
    );
    // In one run with an id that is still in the version mapped to null (crosswalk-existing-id, a check of
    // the file alone): the merge is reported too, not only after that is fixed.
    const both = renamedVersion(
      'crosswalk:\n  progress-monitoring: monitoring\n  coaching-plan: monitoring\n  feedback: null\n',
    );
    const bothFile = join(both, 'sbic/2026.yaml');
    writeFileSync(
      bothFile,
      readFileSync(bothFile, 'utf8').replace(
        / {2}- id: coaching-plan\n(?: {4}.*\n)+?(?= {2}- id: solution-dialogue)/,
        '',
      ),
    );
    const once = runCli(['validate', '--json', bothFile]);
    const codes = JSON.parse(once.stdout).files[0].diagnostics.map((d: { code?: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['crosswalk-existing-id', 'crosswalk-merge']));
    // One of them mapped to null on purpose passes.
    const ok = renamedVersion('crosswalk:\n  progress-monitoring: monitoring\n  coaching-plan: null\n');
    writeFileSync(
      join(ok, 'sbic/2026.yaml'),
      readFileSync(join(ok, 'sbic/2026.yaml'), 'utf8').replace(
        / {2}- id: coaching-plan\n(?: {4}.*\n)+?(?= {2}- id: solution-dialogue)/,
        '',
      ),
    );
    expect(runCli(['validate', join(ok, 'sbic/2026.yaml')]).code).toBe(0);
  });
  it('a crosswalk line for an id still in the new version is an error at that line (its ratings are kept)', () => {
    const dir = renamedVersion('crosswalk:\n  progress-monitoring: monitoring\n  feedback: null\n');
    const file = join(dir, 'sbic/2026.yaml');
    const line = readFileSync(file, 'utf8').split('\n').indexOf('  feedback: null') + 1;
    for (const args of [
      ['validate', join(dir, 'sbic')],
      ['validate', '--strict', file],
    ]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toContain(
        `sbic/2026.yaml:${line}:3  error  crosswalk maps "feedback" to null, but "feedback" is still an id in sbic@2026: records keep their "feedback" ratings, so this line would drop them for nothing`,
      );
      expect(r.stdout).toContain('hint: Remove the line "feedback: null"');
    }
    const json = JSON.parse(runCli(['validate', file, '--json']).stdout);
    // (The copy's editor schema line points nowhere from a temporary folder: that warning is not under test.)
    expect(
      json.files[0].diagnostics.map((d: { code: string }) => d.code).filter((c: string) => c !== 'schema-modeline'),
    ).toEqual(['crosswalk-existing-id']);
    // Mapped to another id: the same error. Mapped to itself: redundant, harmless, not reported.
    const moved = renamedVersion('crosswalk:\n  progress-monitoring: monitoring\n  feedback: monitoring\n');
    expect(runCli(['validate', join(moved, 'sbic/2026.yaml')]).stdout).toContain(
      'crosswalk maps "feedback" to "monitoring", but "feedback" is still an id in sbic@2026',
    );
    const same = renamedVersion('crosswalk:\n  progress-monitoring: monitoring\n  feedback: feedback\n');
    const itself = runCli(['validate', join(same, 'sbic/2026.yaml'), '--json']);
    expect(itself.code).toBe(0);
    expect(JSON.parse(itself.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'schema-modeline',
    ]);
  });
  it('a level missing from a new scale needs a levelCrosswalk entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-levels-'));
    cpSync(chain, dir, { recursive: true });
    const file = join(dir, 'ch/2026.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  far: not-yet\n', ''));
    const r = runCli(['validate', dir, '--json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).files.flatMap((f: { diagnostics: unknown[] }) => f.diagnostics);
    expect(d).toEqual([
      expect.objectContaining({
        code: 'crosswalk-unmapped',
        message: expect.stringContaining('level "far" of ch@2024 is not in ch@2026'),
      }),
    ]);
  });
  it('the shipped profiles and the chain fixture account for every id', () => {
    expect(runCli(['validate', 'profiles']).code).toBe(0);
    expect(runCli(['validate', chain]).code).toBe(0);
  });
});

describe('--as and --from on a three-version chain', () => {
  // Varied answers, so that no item is withheld for everyone answering alike.
  const levels = [
    ['proficient', 'far', 'exemplary'],
    ['exemplary', 'emerging', 'proficient'],
    ['proficient', 'proficient', 'exemplary'],
    ['exemplary', 'far', 'proficient'],
    ['proficient', 'emerging', 'far'],
    ['exemplary', 'exemplary', 'emerging'],
  ];
  const records = (n: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-chain-recs-'));
    const text = readFileSync(fixture('crosswalk', 'records', 'ch-2014.yaml'), 'utf8');
    for (let i = 0; i < n; i++) {
      const [rel, fb, pm] = levels[i % levels.length];
      writeFileSync(
        join(dir, `r${i}.yaml`),
        text
          .replace('0c0c0c0c-1111', `0c0c${String(i).padStart(4, '0')}-1111`)
          .replace('relationships: proficient', `relationships: ${rel}`)
          .replace('feedback: far', `feedback: ${fb}`)
          .replace('progress-monitoring: exemplary', `progress-monitoring: ${pm}`),
      );
    }
    return dir;
  };
  it('summarize --as ch@2026 counts ch@2014 records through ch@2024 (items renamed, levels merged)', () => {
    // 12 records: groups of fewer than 10 show ranges only, not counts.
    const r = runCli([
      '--profiles',
      chain,
      'summarize',
      records(12),
      '--as',
      'ch@2026',
      '--format',
      'json',
      '--min-n',
      '3',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.reports.map((x: { profile: string }) => x.profile)).toEqual(['ch@2026']);
    const items = s.reports[0].tables[0].total.items as Array<{ id: string; levels: Record<string, number> | null }>;
    const level = (id: string) => items.find((x) => x.id === id)?.levels;
    // emerging and far both become not-yet; progress-monitoring is counted as monitoring.
    expect(level('feedback')).toMatchObject({ exemplary: 2, proficient: 2, 'not-yet': 8 });
    expect(level('monitoring')).toMatchObject({ exemplary: 4, proficient: 4, 'not-yet': 4 });
    expect(level('relationships')).toMatchObject({ exemplary: 6, proficient: 6 });
  });
  it('assess --from the same record (ratings kept) asks only for what --as leaves unrated', () => {
    const box = sandbox();
    // --keep-ratings: --from alone never answers a rating (the coach chooses each one anew).
    const from = fixture('crosswalk', 'records', 'ch-2014.yaml');
    const r = runCli(['--profiles', chain, 'assess', 'ch@2026', '--from', from, '--keep-ratings', '--yes'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  - a rating for Coaching plan [coaching-plan]');
    // Before the missing answers, what was renamed and what could not come along (planning: null in 2024).
    const said = r.stderr.replace(/\n(?!- |\n)\s*/g, ' ');
    // Items named as the coach reads them (titles), not by id.
    expect(said).toContain(
      '- Renamed in ch@2026, carried over under the new name: Progress monitoring → Monitoring progress.',
    );
    expect(said).toContain('- Not carried over, no counterpart in ch@2026: Planning.');
    expect(said).toContain('- Action step "Plan the term with each teacher" was for Planning');
    expect(said.indexOf('Starting from')).toBeLessThan(said.indexOf('a rating for'));
  });
  it('--as to a first version or another profile is exit 2, saying why', () => {
    const dir = records(3);
    for (const as of ['ch@2014', 'ohio-process-coaching@3.15']) {
      const r = runCli(['--profiles', chain, 'summarize', dir, '--as', as]);
      expect(r.code, as).toBe(2);
      expect(r.stderr).toContain('replaces no earlier version');
    }
    expect(runCli(['--profiles', chain, 'summarize', dir, '--as', 'ch@2014']).stderr).toContain('Try --as ch@2026');
  });
});

/**
 * sbic@2026 copied from sbic@2024 with the version bumped but `replaces: sbic@2014` left as it was: the
 * chain forks (2014 -> 2024 and 2014 -> 2026). Records of both earlier versions in a folder beside it.
 */
function forkedChain(): { profiles: string; records: string } {
  const root = mkdtempSync(join(tmpdir(), 'pp-fork-'));
  const profiles = join(root, 'profiles');
  cpSync(join(ROOT, 'profiles/sbic'), join(profiles, 'sbic'), { recursive: true });
  writeFileSync(
    join(profiles, 'sbic/2026.yaml'),
    readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8').replace('version: "2024"', 'version: "2026"'),
  );
  const records = join(root, 'records');
  cpSync(fixture('crosswalk', 'fork-records'), records, { recursive: true });
  return { profiles, records };
}

describe('a fork in the version chain (a copied file whose replaces: was not updated)', () => {
  it('validate --strict fails on the newer file, names both files and the replaces: it should have', () => {
    const { profiles } = forkedChain();
    const r = runCli(['validate', '--strict', join(profiles, 'sbic')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /sbic\/2026\.yaml:\d+:\d+ {2}error {2}sbic@2026 replaces sbic@2014, and so does sbic@2024 \([^)]*sbic\/2024\.yaml\): the version chain forks/,
    );
    expect(r.stdout).toContain(
      'This "replaces:" is probably wrong: a newer version replaces the latest older one, sbic@2024',
    );
    expect(r.stdout).toContain('hint: Write "replaces: sbic@2024" here');
    // Only the newer file is blamed when both are checked.
    expect(r.stdout).not.toMatch(/sbic\/2024\.yaml:\d+:\d+ {2}error/);
  });
  it('validating only the older file still reports the fork, pointing at the newer file', () => {
    const { profiles } = forkedChain();
    const r = runCli(['--profiles', profiles, 'validate', join(profiles, 'sbic/2024.yaml'), '--json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).files[0].diagnostics;
    expect(d).toContainEqual(
      expect.objectContaining({
        code: 'replaces-fork',
        severity: 'error',
        message: expect.stringMatching(
          /sbic\/2026\.yaml" is probably wrong|in .*sbic\/2026\.yaml is probably wrong: it should be "replaces: sbic@2024"/,
        ),
      }),
    );
  });
  it('the fixed file passes', () => {
    const { profiles } = forkedChain();
    const file = join(profiles, 'sbic/2026.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('replaces: sbic@2014', 'replaces: sbic@2024')
        .replace(/# 2014 function.*\ncrosswalk:\n( {2}.*\n)+/, ''),
    );
    const r = runCli(['validate', join(profiles, 'sbic')]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).not.toContain('forks');
  });
  it('the forked version is not used: summarize --as it is exit 2, saying its file is not valid', () => {
    const { profiles, records } = forkedChain();
    const r = runCli(['--profiles', profiles, 'summarize', records, '--as', 'sbic@2026', '--min-n', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sbic@2026 is in .*sbic\/2026\.yaml, which is not a valid profile, so it is not used/);
  });
  it('summarize --as an earlier version warns on stderr and in every format that later records are kept apart, and suggests --as the later one', () => {
    // sbic@2026 replaces sbic@2024 properly; records of 2014 and of 2026, counted --as sbic@2024.
    const { profiles, records } = forkedChain();
    const file = join(profiles, 'sbic/2026.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('replaces: sbic@2014', 'replaces: sbic@2024')
        .replace(/# 2014 function.*\ncrosswalk:\n( {2}.*\n)+/, ''),
    );
    for (const f of ['sbic-2024-1.yaml', 'sbic-2024-2.yaml', 'sbic-2024-3.yaml']) {
      const path = join(records, f);
      writeFileSync(path, readFileSync(path, 'utf8').replace('profile: sbic@2024', 'profile: sbic@2026'));
    }
    const run = (format: string) =>
      runCli(['--profiles', profiles, 'summarize', records, '--as', 'sbic@2024', '--min-n', '3', '--format', format]);
    const json = run('json');
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toContain(
      'warning  3 record(s) of sbic@2026 not counted as sbic@2024: sbic@2026 is not an earlier version in the chain of sbic@2024 (sbic@2024 replaces sbic@2014), so its records cannot be counted as sbic@2024 and are reported as sbic@2026; to count the records of both as one version, use --as sbic@2026',
    );
    const s = JSON.parse(json.stdout);
    expect(s.conversions).toEqual([
      expect.objectContaining({ from: 'sbic@2014', to: 'sbic@2024', records: 3 }),
      expect.objectContaining({ from: 'sbic@2026', to: null, records: 3, notConverted: 'not-in-chain' }),
    ]);
    const warning = 'Warning: 3 records of sbic@2026 are not counted as sbic@2024';
    for (const format of ['table', 'md', 'html']) expect(run(format).stdout, format).toContain(warning);
    expect(run('csv').stdout).toContain(
      '"sbic@2026",,"(none)","version",0,"(all)",,"version-records","","","","",3,,,,"not-in-chain"',
    );
  });
});

describe('every summary format says how many records came from each version and what was mapped or dropped', () => {
  const recs = () => {
    // 3 records of ch@2014 and 3 of ch@2026 itself.
    const dir = mkdtempSync(join(tmpdir(), 'pp-conv-'));
    const text = readFileSync(fixture('crosswalk', 'records', 'ch-2014.yaml'), 'utf8');
    for (let i = 0; i < 6; i++) {
      let t = text.replace('0c0c0c0c-1111', `0c0c${String(i).padStart(4, '0')}-1111`);
      if (i >= 3)
        t = t
          .replace('profile: ch@2014', 'profile: ch@2026')
          .replace(
            /ratings:\n(.*\n)*?improvementAreas:/,
            'ratings:\n  relationships: proficient\n  feedback: not-yet\n  monitoring: exemplary\n  coaching-plan: proficient\nimprovementAreas:',
          )
          .replace('relationships.rapport', 'relationships.trust')
          .replace('priorities: [feedback, planning]', 'priorities: [feedback]')
          .replace(/ {2}- text: Plan the term.*\n.*\n/, '  - text: Plan the term\n');
      writeFileSync(join(dir, `r${i}.yaml`), t);
    }
    return dir;
  };
  const args = (dir: string, format: string) => [
    '--profiles',
    chain,
    'summarize',
    dir,
    '--as',
    'ch@2026',
    '--min-n',
    '3',
    '--format',
    format,
  ];
  it('JSON: conversions per version, with the ids and levels mapped and dropped', () => {
    const dir = recs();
    const r = runCli(args(dir, 'json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('not counted as');
    const s = JSON.parse(r.stdout);
    expect(s.formatVersion).toBe(2);
    expect(s.conversions).toEqual([
      {
        from: 'ch@2014',
        to: 'ch@2026',
        via: ['ch@2024'],
        records: 3,
        mapped: [
          { from: 'progress-monitoring', to: 'monitoring' },
          { from: 'relationships.rapport', to: 'relationships.trust' },
        ],
        dropped: ['planning'],
        levelsMapped: [
          { from: 'emerging', to: 'not-yet' },
          { from: 'far', to: 'not-yet' },
        ],
        levelsDropped: [],
        ratingsAtDroppedLevels: 0,
      },
      {
        from: 'ch@2026',
        to: 'ch@2026',
        via: [],
        records: 3,
        mapped: [],
        dropped: [],
        levelsMapped: [],
        levelsDropped: [],
        ratingsAtDroppedLevels: 0,
      },
    ]);
  });
  it('terminal, Markdown, HTML and CSV show the same', () => {
    const dir = recs();
    const line =
      'ch@2014: 3 records, counted as ch@2026 through ch@2024; mapped progress-monitoring → monitoring, relationships.rapport → relationships.trust; dropped (no counterpart) planning; levels mapped emerging → not-yet, far → not-yet.';
    for (const format of ['table', 'md', 'html']) {
      const out = runCli(args(dir, format)).stdout;
      expect(out, format).toContain(line);
      expect(out, format).toContain('ch@2026: 3 records, counted as they are.');
    }
    const csv = runCli(args(dir, 'csv')).stdout;
    expect(csv).toContain('"ch@2014",,"(none)","version",0,"(all)",,"version-records","","ch@2026","","",3,');
    expect(csv).toContain(
      '"ch@2014",,"(none)","version",0,"(all)",,"version-mapped","progress-monitoring","monitoring","","",,',
    );
    expect(csv).toContain('"ch@2014",,"(none)","version",0,"(all)",,"version-dropped","planning","","","",,');
    expect(csv).toContain('"ch@2014",,"(none)","version",0,"(all)",,"version-level-mapped","","","far","not-yet",,');
  });
  it('an unrelated small report (one Ohio record) does not blank the counts of the --as report; one record is "counted as it is"', () => {
    const dir = recs();
    cpSync(fixture('summarize', 'state', '2025-26-baseline', 'record-78.yaml'), join(dir, 'ohio.yaml'));
    writeFileSync(
      join(dir, 'ohio.yaml'),
      readFileSync(join(dir, 'ohio.yaml'), 'utf8').replace(/^cycle: .*$/m, 'cycle: "2025-26"'),
    );
    const r = runCli(args(dir, 'json'));
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.files.counted).toBeNull(); // the Ohio report has one person: the totals would give it away
    expect(s.conversions).toEqual([
      expect.objectContaining({ from: 'ch@2014', to: 'ch@2026', records: 3 }),
      expect.objectContaining({ from: 'ch@2026', to: 'ch@2026', records: 3 }),
      expect.objectContaining({
        from: 'ohio-process-coaching@3.15',
        to: null,
        records: null,
        recordsWithheld: expect.stringContaining('the ohio-process-coaching@3.15 report has too few people'),
      }),
    ]);
    const table = runCli(args(dir, 'table')).stdout;
    expect(table).toContain('ch@2014: 3 records, counted as ch@2026 through ch@2024;');
    expect(table).toContain(
      'ohio-process-coaching@3.15: records (number not shown: the ohio-process-coaching@3.15 report has too few people to show its size',
    );
    // One record of the target itself.
    const one = mkdtempSync(join(tmpdir(), 'pp-one-'));
    cpSync(dir, one, { recursive: true });
    for (const f of ['r4.yaml', 'r5.yaml', 'ohio.yaml']) rmSync(join(one, f));
    expect(runCli(args(one, 'table')).stdout).toContain('ch@2026: 1 record, counted as it is.');
  });
  it('a level dropped on purpose: validate warns, and every format says how many ratings were at it', () => {
    // ch@2026 with "far: null": the 3 ch@2014 records each rate feedback "far".
    const profiles = mkdtempSync(join(tmpdir(), 'pp-lvdrop-'));
    cpSync(chain, profiles, { recursive: true });
    const file = join(profiles, 'ch/2026.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  far: not-yet', '  far: null'));
    const line = readFileSync(file, 'utf8').split('\n').indexOf('  far: null') + 1;
    const v = runCli(['--profiles', profiles, 'validate', file]);
    expect(v.code).toBe(0);
    // A note, not a warning: the null is written on purpose, so --strict still passes.
    expect(runCli(['--profiles', profiles, 'validate', '--strict', file]).code).toBe(0);
    expect(v.stdout).toContain(
      `ch/2026.yaml:${line}:3  note  levelCrosswalk drops level "far" of ch@2024: ratings at "far" will not be counted under ch@2026 (they appear as "Not rated" and are left out of the shares, which changes the share at or above target)`,
    );
    const dir = recs();
    const run = (format: string) => runCli(['--profiles', profiles, ...args(dir, format).slice(2)]);
    const json = run('json');
    expect(json.code, json.stderr).toBe(0);
    // Said once in the report, not as a warning per file.
    expect(json.stderr).not.toContain('is not a level of');
    // The priority built on a dropped rating goes with it. With 12 people (priorities are shown from 10):
    // of the 12 who prioritised feedback, only the 6 whose rating was converted are counted, beside 6
    // below-target ratings.
    const twelve = mkdtempSync(join(tmpdir(), 'pp-twelve-'));
    for (const f of readdirSync(dir)) {
      const t = readFileSync(join(dir, f), 'utf8');
      writeFileSync(join(twelve, f), t);
      writeFileSync(join(twelve, `b-${f}`), t.replace(/^id: 0c0c/m, 'id: 0d0d'));
    }
    const total = JSON.parse(runCli(['--profiles', profiles, ...args(twelve, 'json').slice(2)]).stdout).reports[0]
      .tables[0].total;
    expect(total.n).toBe(12);
    expect(total.priorities.counts.feedback).toBe(6);
    expect(total.items.find((i: { id: string }) => i.id === 'feedback').levels['not-yet']).toBe(6);
    expect(JSON.parse(json.stdout).conversions).toEqual([
      expect.objectContaining({ from: 'ch@2014', levelsDropped: ['far'], ratingsAtDroppedLevels: 3 }),
      expect.objectContaining({ from: 'ch@2026', levelsDropped: [], ratingsAtDroppedLevels: 0 }),
    ]);
    // Fewer records of a version than --min-n: its count of dropped ratings would tell those people's answers.
    const four = runCli([
      '--profiles',
      profiles,
      ...args(dir, 'json').slice(2, -4),
      '--min-n',
      '4',
      '--format',
      'json',
    ]);
    expect(JSON.parse(four.stdout).conversions[0]).toMatchObject({
      from: 'ch@2014',
      records: 3,
      ratingsAtDroppedLevels: null,
    });
    expect(
      runCli(['--profiles', profiles, ...args(dir, 'md').slice(2, -4), '--min-n', '4', '--format', 'md']).stdout,
    ).toContain('ratings (number not shown: fewer than 4 records of ch@2014, so it would tell a few people');
    const said = 'levels dropped far (3 ratings at this level appear as "Not rated" and are left out of the shares).';
    for (const format of ['table', 'md']) expect(run(format).stdout, format).toContain(said);
    expect(run('html').stdout).toContain(said.replaceAll('"', '&quot;'));
    expect(run('csv').stdout).toContain(
      '"ch@2014",,"(none)","version",0,"(all)",,"version-level-dropped-ratings","","","","",3,',
    );
  });
  it('--as takes a profile file in a profile folder searched (as diff does), else says what to give', () => {
    const dir = recs();
    const profiles = mkdtempSync(join(tmpdir(), 'pp-asfile-'));
    cpSync(chain, profiles, { recursive: true });
    const file = join(profiles, 'ch/2026.yaml');
    const byFile = runCli([
      '--profiles',
      profiles,
      ...args(dir, 'json')
        .slice(2)
        .map((a) => (a === 'ch@2026' ? file : a)),
    ]);
    expect(byFile.code, byFile.stderr).toBe(0);
    const byRef = runCli(['--profiles', profiles, ...args(dir, 'json').slice(2)]);
    expect(JSON.parse(byFile.stdout)).toEqual(JSON.parse(byRef.stdout));
    // Not in a folder searched: a usage error that gives the --profiles and id@version to use.
    const outside = runCli(['summarize', dir, '--as', file]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(`--as ${file}: this file is not in the profile folders searched`);
    expect(outside.stderr).toContain(`--profiles ${profiles} --as ch@2026`);
    expect(runCli(['summarize', dir, '--as', join(profiles, 'ch/2099.yaml')]).code).toBe(2);
  });
  it('without --as there is nothing to convert: conversions is empty', () => {
    const s = JSON.parse(runCli(['--profiles', chain, 'summarize', recs(), '--min-n', '3', '--format', 'json']).stdout);
    expect(s.conversions).toEqual([]);
  });
});
