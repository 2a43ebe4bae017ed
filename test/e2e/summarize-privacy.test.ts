// The built CLI on a generated realistic state (9 regions, ~70 districts, two cycles), one cycle:
// the exact audit finds no leak, and the utility targets of issue 8 hold.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/summary/model.js';
import { auditSummary, utility } from '../support/privacy-audit.mjs';
import { CYCLES, writeState } from '../support/state.mjs';
import { runCli } from '../helpers/cli.js';

let dir: string;
let records: ReturnType<typeof writeState>['records'];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pp-state-'));
  records = writeState(join(dir, 'realistic'), { seed: 20251125, kind: 'realistic' }).records;
  writeState(join(dir, 'small'), { seed: 7, kind: 'small' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summarize = (sub: string, ...args: string[]): Summary => {
  const run = runCli(['summarize', join(dir, sub), '--format', 'json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe('a realistic state, one cycle', () => {
  it('no leak, and numbers for every state and region row, most district rows', async () => {
    const cycle = CYCLES[0];
    const s = summarize('realistic', '--cycle', cycle, '--by', 'region,district');
    expect((await auditSummary(s)).leaks).toEqual([]);
    const u = utility(s, (_g, depth) => (depth === 0 ? 'state' : depth === 1 ? 'region' : undefined));
    expect(u.get('state')).toMatchObject({ rows: 5, shown: 5 });
    expect(u.get('region')!.shown).toBe(u.get('region')!.rows);
    // District sizes from the generator: people per district in this cycle.
    const people = new Map<string, Set<string>>();
    for (const r of records.filter((x) => x.cycle === cycle && x.group.district)) {
      const k = `${r.group.region}|${r.group.district.toLowerCase()}`;
      people.set(k, (people.get(k) ?? new Set()).add(r.respondent));
    }
    const tally = { big: { rows: 0, shown: 0 }, mid: { rows: 0, shown: 0 } };
    for (const region of s.reports[0].tables[0].total.groups ?? []) {
      for (const d of region.groups ?? []) {
        const n = people.get(`${region.value}|${String(d.value).toLowerCase()}`)?.size ?? 0;
        const t = n >= 10 ? tally.big : n >= 5 ? tally.mid : undefined;
        if (!t) continue;
        t.rows += 5;
        if (d.n !== null) t.shown += d.items!.filter((it) => it.share !== null || it.shareRange).length;
      }
    }
    expect(tally.big.rows).toBeGreaterThan(0);
    expect(tally.mid.rows).toBeGreaterThan(0);
    expect(tally.big.shown / tally.big.rows).toBeGreaterThanOrEqual(0.8);
    expect(tally.mid.shown / tally.mid.rows).toBeGreaterThanOrEqual(0.5);
  }, 240_000);

  it('a small state (80 records): every state-level item row shows at least its share at or above target', async () => {
    for (const cycle of CYCLES) {
      const s = summarize('small', '--cycle', cycle);
      expect(s.reports.map((r) => r.profile)).toEqual(['ohio-process-coaching@3.15', 'sbic@2024']);
      for (const r of s.reports) {
        const total = r.tables[0].total;
        expect(total.n).not.toBeNull();
        for (const it of total.items!)
          expect(it.share !== null || it.shareRange !== undefined, `${r.profile} ${it.id}`).toBe(true);
      }
      expect((await auditSummary(s)).leaks).toEqual([]);
    }
  }, 120_000);
});
