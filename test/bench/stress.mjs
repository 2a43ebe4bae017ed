// `npm run stress`: the hardening checks under load, on the built CLI. Not part of `npm test` (minutes).
//  1. 20 concurrent `profile actions --add` on one record: every run that says "Updated" must have its step.
//  2. 10 concurrent `assess --resume --answers --yes` on one draft: every run's answers must be somewhere
//     (saved, or in the fork the run names); a run that says nothing was saved must say why.
//  3. `summarize` on 10,000 generated records while another process adds files to the folder.
//  4. Hostile records near the 1 MB cap (a key flood, a flow flood, long lists, deep nesting, an alias
//     bomb): each read on its own, timed.
// Prints the lost updates (must be 0) and the longest single-file time; exit 1 if either target fails.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { writeCorpus } from '../support/corpus.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/profile.js');
const work = mkdtempSync(join(tmpdir(), 'pp-stress-'));
const env = { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: join(work, '.config') };

function cli(args) {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr, ms: performance.now() - t0 }));
  });
}
const yamlFiles = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f));
const leftovers = (dir) => readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));

let lost = 0;
const problems = [];

async function concurrentActions(n = 20) {
  // A profile that allows n + 2 steps, so every run can add one.
  const profiles = join(work, 'profiles', 'ohio-process-coaching');
  mkdirSync(profiles, { recursive: true });
  const shipped = readFileSync(join(ROOT, 'profiles/ohio-process-coaching/3.15.yaml'), 'utf8');
  writeFileSync(
    join(profiles, '3.15.yaml'),
    shipped.replace('actionSteps: { min: 2, max: 3 }', `actionSteps: { min: 2, max: ${n + 2} }`),
  );
  const file = join(work, 'r.yaml');
  copyFileSync(join(ROOT, 'test/fixtures/assess/with-comments.yaml'), file);
  const runs = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      cli(['--profiles', join(work, 'profiles'), 'actions', file, '--add', `stress step ${i}`]),
    ),
  );
  const texts = new Set(parse(readFileSync(file, 'utf8')).actionSteps.map((s) => s.text));
  let ok = 0;
  let missing = 0;
  runs.forEach((r, i) => {
    if (r.code === 0) {
      ok++;
      if (!texts.has(`stress step ${i}`)) missing++;
    } else problems.push(`actions run ${i}: exit ${r.code}: ${r.stderr.trim()}`);
  });
  if (leftovers(work).length) problems.push(`actions left ${leftovers(work).join(', ')}`);
  lost += missing;
  console.log(
    `  ${n} concurrent actions --add: ${ok} updated, ${n - ok} refused, ${missing} lost; slowest run ${Math.max(...runs.map((r) => r.ms)).toFixed(0)} ms`,
  );
}

async function concurrentResume(n = 10) {
  const dir = join(work, 'drafts');
  mkdirSync(dir);
  const draft = join(dir, 'draft.yaml');
  writeFileSync(
    draft,
    `kind: practice-profile-record\nformat: 1\nid: 0b0e4a4e-6c55-4b43-9d0c-2f8f7d5b3a11\nprofile: ohio-process-coaching@3.15\nstatus: draft\ndate: 2025-10-01\nratings:\n  communication.method: green\n`,
  );
  const answers = readFileSync(join(ROOT, 'test/fixtures/assess/ohio-answers.yaml'), 'utf8');
  for (let i = 0; i < n; i++)
    writeFileSync(join(work, `answers-${i}.yaml`), answers.replace('cycle: 2025-26 baseline', `cycle: run ${i}`));
  const runs = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      cli(['assess', '--resume', draft, '--answers', join(work, `answers-${i}.yaml`), '--yes', '--dir', dir]),
    ),
  );
  const cycles = new Set(yamlFiles(dir).map((f) => parse(readFileSync(f, 'utf8')).cycle));
  const tally = { saved: 0, forked: 0, refused: 0, lost: 0 };
  runs.forEach((r, i) => {
    const kept = cycles.has(`run ${i}`);
    if (r.code === 0) tally[kept ? 'saved' : 'lost']++;
    else if (/changed elsewhere/.test(r.stderr)) tally[kept ? 'forked' : 'lost']++;
    else if (/already complete/.test(r.stderr))
      tally.refused++; // came after another run finished the draft
    else {
      tally.lost++;
      problems.push(`assess run ${i}: exit ${r.code}: ${r.stderr.trim()}`);
    }
  });
  if (leftovers(dir).length) problems.push(`assess left ${leftovers(dir).join(', ')}`);
  lost += tally.lost;
  console.log(
    `  ${n} concurrent assess --resume: ${tally.saved} saved, ${tally.forked} forked to a new file (and said so), ${tally.refused} refused as already complete, ${tally.lost} lost`,
  );
}

async function summarizeWhileAdding(n = 10_000) {
  const dir = join(work, 'corpus');
  writeCorpus(dir, n, 7);
  // Another process copies records in (plain writes, as a file manager would) while summarize runs.
  const adder = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `
    import { writeFileSync } from 'node:fs';
    import { makeRecord, prng, recordYaml } from ${JSON.stringify(join(ROOT, 'test/support/corpus.mjs'))};
    const rng = prng(99);
    let i = 0;
    const tick = () => { for (let k = 0; k < 20; k++, i++) writeFileSync(${JSON.stringify(dir)} + '/added-' + i + '.yaml', recordYaml(makeRecord(rng, 100000 + i))); setTimeout(tick, 5); };
    tick();`,
    ],
    { stdio: 'ignore' },
  );
  const r = await cli(['summarize', dir, '--by', 'region', '--format', 'json', '--min-n', '5']);
  adder.kill();
  await new Promise((done) => adder.on('close', done));
  const counted = /(\d+) file\(s\) found, (\d+) record\(s\) counted/.exec(r.stderr);
  if (r.code !== 0 || /bug/.test(r.stderr))
    problems.push(`summarize while adding: exit ${r.code}: ${r.stderr.slice(-500)}`);
  if (counted && Number(counted[2]) < n)
    problems.push(`summarize while adding counted ${counted[2]} of the ${n} records that were there from the start`);
  console.log(
    `  summarize ${n} records while another process adds files: exit ${r.code}, ${counted ? `${counted[1]} found, ${counted[2]} counted` : 'counts hidden'}, ${(r.ms / 1000).toFixed(1)} s; ${readdirSync(dir).filter((f) => f.startsWith('added-')).length} files added by the other process`,
  );
  // Per-file times over the corpus, read the way summarize reads them.
  return timeFiles(yamlFiles(dir).slice(0, 2000), 'corpus (first 2,000)');
}

/** Hostile records just under the 1 MB cap. */
function hostileRecords() {
  const dir = join(work, 'hostile');
  mkdirSync(dir);
  const head =
    '# hostile\nkind: practice-profile-record\nformat: 1\nid: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\nprofile: ohio-process-coaching@3.15\nstatus: complete\ndate: 2025-10-01\n';
  const keys = (n) => Array.from({ length: n }, (_, i) => i.toString(36));
  const files = {
    'key-flood.yaml': `${head}group:\n${keys(86_000)
      .map((k) => `  k${k}: v\n`)
      .join('')}`,
    'flow-flood.yaml': `${head}group: {${keys(110_000)
      .map((k) => `k${k}`)
      .join(', ')}}\n`,
    'json-flood.yaml': `${head}group: {${keys(70_000)
      .map((k) => `"k${k}":1`)
      .join(',')}}\n`,
    'list-flood.yaml': `${head}priorities:\n${'  - a\n'.repeat(170_000)}`,
    'long-line.yaml': `${head}cycle: ${'x'.repeat(1_000_000)}\n`,
    'deep.yaml': `${head}group: ${'['.repeat(200_000)}\n`,
    'alias-bomb.yaml': `${head}a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from(
      { length: 20 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
    ).join('\n')}\n`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text.slice(0, 1024 * 1024 - 1));
  return dir;
}

async function timeFiles(files, label) {
  const { makeReadContext, readRecordResult } = await import(join(ROOT, 'dist/summary/read/read-record.js'));
  const { loadRegistry } = await import(join(ROOT, 'dist/profile/registry.js'));
  const ctx = makeReadContext(
    loadRegistry({}).entries.map((e) => e.profile),
    { keys: ['region'], includeText: false },
  );
  let worst = { ms: 0, file: '' };
  for (const f of files) {
    const t0 = performance.now();
    const r = readRecordResult(f, ctx);
    const ms = performance.now() - t0;
    if (ms > worst.ms) worst = { ms, file: f, kind: r.kind };
  }
  console.log(
    `  ${label}: longest single file ${worst.ms.toFixed(1)} ms (${worst.file.split('/').pop()}, ${worst.kind})`,
  );
  return worst;
}

try {
  console.log('concurrent writes');
  await concurrentActions();
  await concurrentResume();
  console.log('\nsummarize under load');
  const corpusWorst = await summarizeWhileAdding();
  console.log('\nhostile records near 1 MB');
  const dir = hostileRecords();
  const hostileWorst = await timeFiles(yamlFiles(dir), 'summarize reader');
  let cliWorst = { ms: 0, file: '' };
  for (const f of yamlFiles(dir)) {
    const r = await cli(['validate', f]);
    // long-line.yaml is a record (with warnings); the others are refused. None may hang or crash.
    if (r.code === null || r.code > 1 || /bug/.test(r.stderr))
      problems.push(`validate ${f}: exit ${r.code}: ${r.stderr.slice(-300)}`);
    if (r.ms > cliWorst.ms) cliWorst = { ms: r.ms, file: f };
  }
  console.log(
    `  profile validate (whole run, start-up included): longest ${cliWorst.ms.toFixed(0)} ms (${cliWorst.file.split('/').pop()})`,
  );
  const s = await cli(['summarize', dir]);
  console.log(`  profile summarize on all of them: ${s.ms.toFixed(0)} ms, exit ${s.code}`);

  const longest = Math.max(corpusWorst.ms, hostileWorst.ms);
  console.log('\nresult');
  console.log(`  lost updates: ${lost}`);
  console.log(`  longest single-file time: ${longest.toFixed(1)} ms`);
  for (const p of problems) console.log(`  problem: ${p}`);
  process.exitCode = lost === 0 && longest < 1000 && problems.length === 0 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
