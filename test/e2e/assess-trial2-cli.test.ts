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

describe('assess: the record’s own date (a paper profile typed in later)', () => {
  it('--date sets it, date: in --answers is honoured, a future day is refused; never replaced by today silently', () => {
    const box = sandbox();
    const r = run(['assess', 'ohio-process-coaching', '--answers', fixture('assess', 'ohio-answers.yaml')], box);
    expect(r.code, r.stderr).toBe(0);
    const [fromFile] = recordsIn(join(box.cwd, 'records'));
    expect(fromFile).toMatch(/2025-09-20_ohio-process-coaching/);
    expect(parse(readFileSync(fromFile, 'utf8')).date).toBe('2025-09-20');

    const box2 = sandbox();
    const r2 = run(
      ['assess', 'sbic@2024', '--answers', fixture('assess', 'sbic-2024-answers.yaml'), '--date', '2024-09-14'],
      box2,
    );
    expect(r2.code, r2.stderr).toBe(0);
    const [flagFile] = recordsIn(join(box2.cwd, 'records'));
    expect(parse(readFileSync(flagFile, 'utf8')).date).toBe('2024-09-14');

    const r3 = run(
      ['assess', 'sbic@2024', '--answers', fixture('assess', 'sbic-2024-answers.yaml'), '--date', '2999-01-01'],
      box2,
    );
    expect(r3.code).toBe(2);
    expect(flat(r3.stderr)).toContain('--date 2999-01-01 is in the future');
    const r4 = run(['assess', 'sbic@2024', '--date', '2024-02-30', '--yes'], box2);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toContain('--date 2024-02-30 is not a day of the calendar (February 2024 has 29 days)');
  });

  it("a step's done: day and status in --answers are kept, and checked against the record's date", () => {
    const box = sandbox();
    const text = readFileSync(fixture('assess', 'sbic-2024-answers.yaml'), 'utf8').replace(
      '    due: 2025-12-01\n',
      '    due: 2025-12-01\n    done: "2025-11-20"\n',
    );
    writeFileSync(join(box.cwd, 'a.yaml'), text);
    const r = run(['assess', 'sbic@2024', '--answers', 'a.yaml'], box);
    expect(r.code, r.stderr).toBe(0);
    const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(rec.actionSteps[0]).toMatchObject({ done: '2025-11-20', status: 'done' });
    writeFileSync(join(box.cwd, 'b.yaml'), text.replace('done: "2025-11-20"', 'done: "2025-01-20"'));
    const bad = run(['assess', 'sbic@2024', '--answers', 'b.yaml'], box);
    expect(bad.code).toBe(2);
    expect(flat(bad.stderr)).toContain("done 2025-01-20 is before this record's date (2025-09-14)");
  });

  it('a due date before the record date is refused without a terminal (a wrong-year slip)', () => {
    const box = sandbox();
    const text = readFileSync(fixture('assess', 'sbic-2024-answers.yaml'), 'utf8').replace(
      'due: 2025-12-01',
      'due: 2024-12-15',
    );
    writeFileSync(join(box.cwd, 'a.yaml'), text);
    const r = run(['assess', 'sbic@2024', '--answers', 'a.yaml'], box);
    expect(r.code).toBe(2);
    expect(flat(r.stderr)).toContain("due date 2024-12-15 is before this record's date (2025-09-14)");
  });
});
