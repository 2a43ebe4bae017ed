// README.md's terminal samples are what the built CLI prints. test/support/readme-samples.mjs runs every
// `$ profile ...` sample in a copy of test/fixtures/readme/ (COLUMNS=100, no colour, today fixed at 2026-11-26)
// and compares; this runs it as `npm run readme:check` does, on the README and on a copy with samples changed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const CHECKER = join(ROOT, 'test', 'support', 'readme-samples.mjs');
const README = join(ROOT, 'README.md');
const tmp = mkdtempSync(join(tmpdir(), 'pp-readme-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(readme = README): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [CHECKER, readme], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('README samples (built CLI)', () => {
  it('every non-interactive sample in README.md is what the CLI prints', { timeout: 150_000 }, () => {
    const r = check();
    expect(r.out).not.toContain('DIFFERS');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/\n\d+ samples: \d+ OK, 0 differ/);
    expect(r.out.match(/ {2}OK {2}/g)?.length ?? 0).toBeGreaterThanOrEqual(9);
    // The sessions that need a terminal are listed, not silently passed.
    const skipped = r.out
      .split('\n')
      .filter((l) => l.includes('skipped (interactive'))
      .map((l) => l.slice(l.indexOf('$ ')));
    expect(skipped).toEqual([
      '$ profile assess ohio-process-coaching',
      '$ profile assess sbic --from records/2025-09-14_sbic-2014_3f2b8c1e.yaml',
      '$ profile actions records/2025-09-20_ohio-process-coaching-3.15_5c1d2e3f.yaml --plain',
    ]);
  });

  it('a changed sample fails, with README line and the real one; a left-out line without … too', {
    timeout: 150_000,
  }, () => {
    const text = readFileSync(README, 'utf8');
    const due = 'Step 2 ("Ask a partner to observe one meeting") is due 2026-12-15.';
    const since = 'Since the last review (2025-09-14): 2 up, 0 the same, 0 down.\n';
    expect(text).toContain(due);
    expect(text).toContain(since);
    const changed = join(tmp, 'README.md');
    writeFileSync(changed, text.replace(due, due.replace('2026-12-15', '2026-12-16')).replace(since, ''));
    const r = check(changed);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain(`    README: ${due.replace('2026-12-15', '2026-12-16')}\n    real:   ${due}\n`);
    expect(r.out).toContain(`    README: \n    real:   ${since}`);
    expect(r.out).toMatch(/\n\d+ samples: \d+ OK, 2 differ/);
  });
});
