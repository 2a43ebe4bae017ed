// Crosswalks on the built CLI: validate refuses a version change that would lose ratings; --as and
// --from follow the whole chain; --as to a version that carries nothing over is a usage error.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(r.stderr).toContain('ratings missing for: coaching-plan');
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
