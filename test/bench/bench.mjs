// `npm run bench`: start-up times, and summarize on 10,000 and 100,000 generated records beside a
// baseline measured in the same run (a plain loop that reads and parses the same files with `yaml`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus } from '../support/corpus.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/profile.js');
const HAS_TIME = existsSync('/usr/bin/time');
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);

/** Wall time (ms) and peak RSS (MB) of one command. */
function measure(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = HAS_TIME
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, ['-e', WRAP, cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  const m = HAS_TIME ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) : /MAXRSS (\d+)/.exec(r.stderr);
  return { ms, mb: m ? Number(m[1]) / 1024 : NaN };
}
// Fallback without /usr/bin/time: a child wrapper reports the grandchild's peak RSS.
const WRAP = `const r=require('child_process').spawnSync(process.argv[1],process.argv.slice(2),{stdio:['ignore','ignore','inherit']});process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n');process.exit(r.status)`;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const runs = (args, k = 5) => median(Array.from({ length: k }, () => measure(process.execPath, args).ms));
const fmt = (ms) => `${ms.toFixed(0).padStart(7)} ms`;

console.log(`node ${process.version}, ${HAS_TIME ? '/usr/bin/time -v' : 'resourceUsage()'} for peak memory\n`);
console.log('start-up (median of 5)');
console.log(`  node -e 0                 ${fmt(runs(['-e', '0']))}`);
console.log(`  profile --version         ${fmt(runs([BIN, '--version']))}`);
console.log(`  profile list              ${fmt(runs([BIN, 'list']))}`);

const work = mkdtempSync(join(tmpdir(), 'pp-bench-'));
const baseline = join(work, 'baseline.mjs');
writeFileSync(
  baseline,
  `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from ${JSON.stringify(join(ROOT, 'node_modules/yaml/dist/index.js'))};
let n = 0;
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name);
  if (e.isDirectory()) walk(p); else if (/\\.ya?ml$/.test(e.name)) { parse(readFileSync(p, 'utf8')); n++; } } };
walk(process.argv[2]);
console.log(n);
`,
);

const results = [];
try {
  for (const n of sizes) {
    const dir = join(work, `c${n}`);
    process.stdout.write(`\ngenerating ${n} records ... `);
    writeCorpus(dir, n, 42);
    console.log('done');
    // Warm the page cache so both sides read from memory.
    execFileSync(process.execPath, [baseline, dir]);
    const base = measure(process.execPath, [baseline, dir]);
    const sum = measure(process.execPath, [
      BIN,
      'summarize',
      dir,
      '--by',
      'region,district',
      '--format',
      'json',
      '--out',
      join(work, `out-${n}.json`),
      '--force',
    ]);
    results.push({ n, base, sum });
    console.log(`  baseline (yaml parse loop)  ${fmt(base.ms)}  ${base.mb.toFixed(0).padStart(5)} MB peak`);
    console.log(
      `  profile summarize           ${fmt(sum.ms)}  ${sum.mb.toFixed(0).padStart(5)} MB peak  (threads chosen by load: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
    );
    // For information only: the same run with worker threads forced on, whatever the machine's load.
    const forced = measure(process.execPath, [
      BIN,
      'summarize',
      dir,
      '--by',
      'region,district',
      '--format',
      'json',
      '--out',
      join(work, `out-${n}.json`),
      '--force',
      '--workers',
    ]);
    console.log(
      `  profile summarize --workers ${fmt(forced.ms)}  ${forced.mb.toFixed(0).padStart(5)} MB peak  (info, not a target)`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log('\ntargets');
let ok = true;
for (const r of results) {
  const pass = r.sum.ms <= r.base.ms;
  ok &&= pass;
  console.log(
    `  ${pass ? 'PASS' : 'FAIL'}  ${r.n} records: summarize ${r.sum.ms.toFixed(0)} ms <= baseline ${r.base.ms.toFixed(0)} ms`,
  );
}
const small = results.find((r) => r.n === 10000);
const big = results.find((r) => r.n === 100000);
if (small && big) {
  const ratio = big.sum.mb / small.sum.mb;
  const pass = ratio <= 1.5;
  ok &&= pass;
  console.log(
    `  ${pass ? 'PASS' : 'FAIL'}  peak memory 100,000 / 10,000 = ${ratio.toFixed(2)} (${big.sum.mb.toFixed(0)} MB / ${small.sum.mb.toFixed(0)} MB) <= 1.5`,
  );
}
process.exitCode = ok ? 0 : 1;
