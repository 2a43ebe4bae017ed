// The second cold trial of `profile assess`, the findings that need no terminal (built CLI, stdin closed).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixture, recordsIn, runCli, sandbox } from '../helpers/cli.js';

const run = (args: string[], box: { cwd: string; env: NodeJS.ProcessEnv }) => runCli(args, { ...box, timeout: 10_000 });
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('assess --from: which records it starts from', () => {
  it('a record of another profile is refused (exit 2), not treated as an older version', () => {
    const box = sandbox();
    const r = run(['assess', 'sbic', '--from', fixture('report', 'ohio-2025.yaml'), '--yes'], box);
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain('is a record of ohio-process-coaching@3.15, not of sbic');
    expect(r.stderr).not.toContain('Not carried over');
    expect(recordsIn(join(box.cwd, 'records'))).toEqual([]);
  });

  it('an unfinished draft is refused (exit 2), saying to finish it with --resume first', () => {
    const box = sandbox();
    const draft = join(box.cwd, 'draft.yaml');
    writeFileSync(
      draft,
      readFileSync(fixture('history', 'coach', '2026-09-10_sbic-2024_1a2b3c4d.yaml'), 'utf8').replace(
        'status: complete',
        'status: draft',
      ),
    );
    const r = run(['assess', 'sbic', '--from', draft, '--keep-ratings', '--yes'], box);
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain('draft.yaml is an unfinished draft: finish it first');
    expect(flat(r.stderr)).toContain('profile assess --resume draft.yaml');
  });

  it("another coach's respondent is said on screen, even with --yes, and shown in the saved summary's record", () => {
    const box = sandbox();
    const r = run(
      [
        'assess',
        '--from',
        fixture('report', 'ohio-2025.yaml'),
        '--keep-ratings',
        '--answers',
        fixture('assess', 'ohio-answers.yaml'),
        '--yes',
      ],
      box,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(flat(r.stderr)).toMatch(/Respondent: Jane Doe, from \S*ohio-2025\.yaml; --respondent to change\./);
    const [file] = recordsIn(join(box.cwd, 'records'));
    expect(parse(readFileSync(file, 'utf8')).respondent).toBe('Jane Doe');
    // --respondent given: nothing to say, the flag wins.
    const r2 = run(
      [
        'assess',
        '--from',
        fixture('report', 'ohio-2025.yaml'),
        '--keep-ratings',
        '--answers',
        fixture('assess', 'ohio-answers.yaml'),
        '--respondent',
        'Me',
        '--yes',
      ],
      box,
    );
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stderr).not.toContain('Respondent: Jane Doe');
  });
});
