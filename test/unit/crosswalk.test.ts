// One crosswalk for every reader: the whole `replaces` chain, items and levels; `--from` and `--as` agree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultsFromRecord } from '../../src/assess/from.js';
import { checkConversionTarget, conversionReport, crosswalkChain, crosswalkTo } from '../../src/profile/crosswalk.js';
import { loadRegistry, resolveProfile } from '../../src/profile/registry.js';
import { parseRecordText } from '../../src/record/read.js';
import { makeReadContext, readRecordResult } from '../../src/summary/read/read-record.js';
import { CliError } from '../../src/errors.js';
import { fixture } from '../helpers/cli.js';

const reg = loadRegistry({ profiles: fixture('crosswalk', 'chain'), env: {} });
const get = (ref: string) => resolveProfile(reg, ref).profile;
const lookup = (ref: string) => reg.entries.find((e) => e.ref === ref)?.profile;
const recordFile = fixture('crosswalk', 'records', 'ch-2014.yaml');

describe('crosswalk chain (ch@2014 -> ch@2024 -> ch@2026)', () => {
  it('maps items and levels through both steps', () => {
    const chain = crosswalkChain(get('ch@2026'), lookup);
    expect([...chain.keys()]).toEqual(['ch@2024', 'ch@2014']);
    const m = chain.get('ch@2014')!;
    expect(m.via).toEqual(['ch@2024']);
    expect(
      ['relationships', 'planning', 'feedback', 'progress-monitoring', 'relationships.rapport'].map(m.item),
    ).toEqual(['relationships', null, 'feedback', 'monitoring', 'relationships.trust']);
    expect(['exemplary', 'proficient', 'emerging', 'far', 'nonsense'].map(m.level)).toEqual([
      'exemplary',
      'proficient',
      'not-yet',
      'not-yet',
      null,
    ]);
  });
  it('an id still in the newer version keeps its ratings, whatever its crosswalk says', () => {
    const newer = structuredClone(get('ch@2026'));
    newer.crosswalk = { ...newer.crosswalk, feedback: null, relationships: 'monitoring' };
    newer.levelCrosswalk = { ...newer.levelCrosswalk, proficient: null };
    const m = crosswalkTo(newer, 'ch@2024', lookup)!;
    expect(['feedback', 'relationships'].map(m.item)).toEqual(['feedback', 'relationships']);
    expect(m.level('proficient')).toBe('proficient');
    const r = conversionReport(get('ch@2024'), m);
    expect(r.dropped).not.toContain('feedback');
    expect(r.levelsDropped).toEqual([]);
  });
  it('says what records of the earliest version become', () => {
    const r = conversionReport(get('ch@2014'), crosswalkTo(get('ch@2026'), 'ch@2014', lookup)!);
    expect(r.dropped).toEqual(['planning']);
    expect(r.renamed).toEqual([
      ['progress-monitoring', 'monitoring'],
      ['relationships.rapport', 'relationships.trust'],
    ]);
    expect(r.levelsRenamed).toEqual([
      ['emerging', 'not-yet'],
      ['far', 'not-yet'],
    ]);
  });
  it('another profile or a later version is not in the chain', () => {
    expect(crosswalkTo(get('ch@2014'), 'ch@2026', lookup)).toBeUndefined();
    expect(crosswalkTo(get('ch@2026'), 'sbic@2014', lookup)).toBeUndefined();
  });
});

describe('--from and --as agree', () => {
  it('a record two versions back gives the same ratings, priorities and areas both ways', () => {
    const target = get('ch@2026');
    const rec = parseRecordText(readFileSync(recordFile, 'utf8'), recordFile).record!;
    const fromDefaults = defaultsFromRecord(target, rec, lookup(rec.profile), lookup);
    const ctx = makeReadContext(
      reg.entries.map((e) => e.profile),
      { keys: [], as: 'ch@2026', includeText: false },
    );
    const res = readRecordResult(recordFile, ctx);
    if (res.kind !== 'record') throw new Error(`not read as a record: ${JSON.stringify(res)}`);
    const asRatings = Object.fromEntries(res.contrib.ratings.map(([item, level]) => [item, level]));
    expect(asRatings).toEqual({ relationships: 'proficient', feedback: 'not-yet', monitoring: 'exemplary' });
    expect(fromDefaults.ratings).toEqual(asRatings);
    expect(fromDefaults.priorities).toEqual(res.contrib.priorities);
    expect(fromDefaults.improvementAreas).toEqual(res.contrib.areas);
  });
});

describe('--as target', () => {
  const all = reg.entries.map((e) => e.profile);
  it('the latest version of a chain is a fine target', () => {
    expect(checkConversionTarget(get('ch@2026'), all)).toBe('ch@2026');
  });
  it('a first version, or a profile with no earlier version, is a usage error', () => {
    for (const ref of ['ch@2014', 'ohio-process-coaching@3.15']) {
      let err: unknown;
      try {
        checkConversionTarget(get(ref), all);
      } catch (e) {
        err = e;
      }
      expect(err, ref).toBeInstanceOf(CliError);
      expect((err as CliError).exitCode).toBe(2);
    }
  });
});
