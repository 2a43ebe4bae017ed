// A real terminal (a pty through `script`): a progress bar on stderr for long scans; none when piped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../support/corpus.mjs';
import { ROOT, runCli } from '../helpers/cli.js';

describe.skipIf(!existsSync('/usr/bin/script'))('summarize on a terminal', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pp-tty-'));
    writeCorpus(dir, 600, 11);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows a progress bar on a terminal', () => {
    const out = join(dir, '..', `pp-tty-${process.pid}.json`);
    try {
      const cmd = `node ${ROOT}bin/profile.js summarize ${dir} --format json --out ${out} --force`;
      const seen = execFileSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(seen).toMatch(/reading records \[#*-*\] \d+\/600/);
    } finally {
      rmSync(out, { force: true });
    }
  });

  it('writes no progress when stderr is not a terminal', () => {
    const run = runCli(['summarize', dir, '--format', 'json']);
    expect(run.stderr).not.toMatch(/reading records/);
  });
});
