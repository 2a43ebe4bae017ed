// `npm run audit:privacy [summary.json ...]`: the exact privacy audit (test/support/privacy-audit.mjs)
// of summaries' JSON; with no file, of summaries of a generated realistic state and a small state, one
// cycle at a time, beside the utility measure of issue 8 (item rows that carry a number, by kind of
// group). Exits 1 on any leak or a utility target missed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { auditSummary, utility } from '../support/privacy-audit.mjs';
import { CYCLES, writeState } from '../support/state.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/profile.js');
let failed = false;

async function report(label, summary) {
  const t0 = Date.now();
  const r = await auditSummary(summary);
  const ms = Date.now() - t0;
  console.log(
    `${label}: ${r.leaks.length ? `${r.leaks.length} LEAK(S)` : 'no leak'} (${r.checked} quantities checked, ${r.zeroPins} zero pins, ${ms} ms)`,
  );
  for (const l of r.leaks.slice(0, 10))
    console.log(`  leak: ${l.report} ${l.cycle ?? ''} ${l.set}: ${l.what}${l.value !== null ? ` = ${l.value}` : ''}`);
  if (r.leaks.length) failed = true;
  return r;
}

const files = process.argv.slice(2);
if (files.length) {
  for (const f of files) await report(f, JSON.parse(readFileSync(f, 'utf8')));
  process.exit(failed ? 1 : 0);
}

const summarize = (dir, args) =>
  JSON.parse(
    execFileSync(process.execPath, [BIN, 'summarize', dir, '--format', 'json', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28,
    }),
  );
const pct = (e) => (e ? `${((100 * e.shown) / e.rows).toFixed(0)}% of ${e.rows} rows` : 'none');

function check(label, got, want) {
  const ok = got === undefined || got.shown / got.rows >= want;
  console.log(`  ${ok ? 'ok  ' : 'MISS'} ${label}: ${pct(got)} (target ${Math.round(want * 100)}%)`);
  if (!ok) failed = true;
}

const work = mkdtempSync(join(tmpdir(), 'pp-audit-'));
try {
  const dir = join(work, 'realistic');
  const { records } = writeState(dir, { seed: 20251125, kind: 'realistic' });
  for (const cycle of CYCLES) {
    // True district sizes in this cycle (people, as summarize counts them).
    const people = new Map();
    for (const r of records.filter((x) => x.cycle === cycle && x.group.district)) {
      const k = `${r.group.region}|${r.group.district.toLowerCase()}`;
      people.set(k, (people.get(k) ?? new Set()).add(r.respondent));
    }
    const s = summarize(dir, ['--cycle', cycle, '--by', 'region,district']);
    console.log(`\nrealistic state, ${cycle}: ${s.files.counted} people`);
    await report('  privacy', s);
    const u = utility(s, (g, depth) => {
      if (depth === 0) return 'state';
      if (depth === 1) return 'region';
      if (g.value === '(not given)') return undefined;
      return undefined;
    });
    const districts = new Map();
    const region = s.reports[0].tables[0].total;
    for (const reg of region.groups ?? []) {
      for (const d of reg.groups ?? []) {
        const n = people.get(`${reg.value}|${String(d.value).toLowerCase()}`)?.size ?? 0;
        const cls = n >= 10 ? 'districts of 10 or more' : n >= 5 ? 'districts of 5-9' : undefined;
        if (!cls) continue;
        const e = districts.get(cls) ?? { rows: 0, shown: 0 };
        e.rows += s.reports[0].items.length;
        if (d.n !== null) e.shown += d.items.filter((it) => it.share !== null || it.shareRange).length;
        districts.set(cls, e);
      }
    }
    check('state', u.get('state'), 1);
    check('every region', u.get('region'), 1);
    check('districts of 10 or more', districts.get('districts of 10 or more'), 0.8);
    check('districts of 5-9', districts.get('districts of 5-9'), 0.5);
  }

  const small = join(work, 'small');
  writeState(small, { seed: 7, kind: 'small' });
  for (const cycle of CYCLES) {
    const s = summarize(small, ['--cycle', cycle]);
    console.log(`\nsmall state, ${cycle}, no --by`);
    await report('  privacy', s);
    for (const r of s.reports) {
      const total = r.tables[0].total;
      const e = {
        rows: r.items.length,
        shown: total.n === null ? 0 : total.items.filter((it) => it.share !== null || it.shareRange).length,
      };
      check(`${r.profile} state rows with a share at or above target`, e, 1);
    }
    const byRegion = summarize(small, ['--cycle', cycle, '--by', 'region,district']);
    await report('  privacy, --by region,district', byRegion);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(failed ? '\nFAILED' : '\nall privacy and utility targets met');
process.exit(failed ? 1 : 0);
