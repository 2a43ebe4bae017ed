// `profile actions` on the built CLI: the reviewer's reproductions, as a user would run them.
import { chmodSync, copyFileSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileOf, recordErrors } from '../unit/assess-helpers.js';
import { fixture as fixtureIn, runCli, sandbox } from '../helpers/cli.js';

const fixture = (f: string) => fixtureIn('assess', f);
const run = (args: string[], box: { cwd: string; env: NodeJS.ProcessEnv }) => runCli(args, { ...box, timeout: 10_000 });
const ohio = profileOf('ohio-process-coaching');
const LONG = 'Plan three open questions before each team meeting and write them down in the notebook';

function copy(box: { cwd: string }, edit: (t: string) => string = (t) => t): string {
  const file = join(box.cwd, 'w.yaml');
  copyFileSync(fixture('with-comments.yaml'), file);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return file;
}

describe('profile actions --add (built CLI)', () => {
  it('a long step leaves a valid record that keeps its comments and permissions', () => {
    const box = sandbox();
    const file = copy(box);
    chmodSync(file, 0o640);
    const r = run(['actions', file, '--add', LONG], box);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(recordErrors(text, ohio)).toEqual([]);
    expect(text).toContain('# typed on the bus');
    expect(text).toContain('# My own notes at the top');
    expect(parse(text).actionSteps[2].text).toBe(LONG);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(run(['validate', file], box).code).toBe(0);
  });

  it('a step with a line break leaves a valid record', () => {
    const box = sandbox();
    const file = copy(box);
    expect(run(['actions', file, '--add', 'Visit a peer coach\nand take notes'], box).code).toBe(0);
    expect(recordErrors(readFileSync(file, 'utf8'), ohio)).toEqual([]);
  });

  it('goes into actionSteps when it is not the last key, through a symlink', () => {
    const box = sandbox();
    const file = copy(box, (t) => {
      const line = /^priorities:.*\n/m.exec(t)![0];
      return t.replace(line, '') + line;
    });
    const link = join(box.cwd, 'link.yaml');
    symlinkSync(file, link);
    const r = run(
      ['actions', link, '--add', 'Visit a peer coach', '--for', 'communication.pausing', '--due', '2026-03-01'],
      box,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const v = parse(readFileSync(file, 'utf8'));
    expect(v.actionSteps).toHaveLength(3);
    expect(v.priorities).toEqual(['communication.questioning', 'communication.pausing']);
    expect(recordErrors(readFileSync(file, 'utf8'), ohio)).toEqual([]);
  });

  it('refuses a fourth step (profile maximum 3) with exit 2', () => {
    const box = sandbox();
    const file = copy(box);
    expect(run(['actions', file, '--add', 'Third'], box).code).toBe(0);
    const before = readFileSync(file, 'utf8');
    const r = run(['actions', file, '--add', 'Fourth'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('allows at most 3');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses empty text and impossible dates with exit 2', () => {
    const box = sandbox();
    const file = copy(box);
    const before = readFileSync(file, 'utf8');
    const empty = run(['actions', file, '--add', ''], box);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('needs the text');
    const feb30 = run(['actions', file, '--add', 'x', '--due', '2025-02-30'], box);
    expect(feb30.code).toBe(2);
    expect(feb30.stderr).toContain('2025-02-30');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a --due or --on day that does not exist is told so, with the length of the month', () => {
    const box = sandbox();
    const file = copy(box);
    const before = readFileSync(file, 'utf8');
    const due = run(['actions', file, '--add', 'x', '--due', '2027-02-30'], box);
    expect(due.code).toBe(2);
    expect(due.stderr).toBe('error: --due 2027-02-30 is not a day of the calendar (February 2027 has 28 days)\n');
    const on = run(['actions', file, '--done', '1', '--on', '2025-11-31'], box);
    expect(on.code).toBe(2);
    expect(on.stderr).toContain('--on 2025-11-31 is not a day of the calendar (November 2025 has 30 days)');
    const shape = run(['actions', file, '--done', '1', '--on', '31/10/2025'], box);
    expect(shape.stderr).toContain('--on "31/10/2025" is not a date; a date looks like 2026-01-31');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('profile actions refusals (built CLI)', () => {
  it('two statuses for one step is exit 2 and changes nothing', () => {
    const box = sandbox();
    const file = copy(box);
    const before = readFileSync(file, 'utf8');
    const r = run(['actions', file, '--done', '1', '--start', '1'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('step 1 cannot be both');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a draft is exit 2 with a pointer to assess --resume', () => {
    const box = sandbox();
    const file = copy(box, (t) => t.replace('status: complete', 'status: draft'));
    const before = readFileSync(file, 'utf8');
    const r = run(['actions', file, '--done', '1'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`profile assess --resume ${file}`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('profile actions: edits by flags (built CLI)', () => {
  it('--step edits text and due, --note adds a dated note, --done --on records the day, --remove drops a step', () => {
    const box = sandbox();
    const file = copy(box);
    let r = run(
      [
        'actions',
        file,
        '--step',
        '2',
        '--text',
        'Count to five, every time',
        '--due',
        '2026-03-01',
        '--note',
        'Tried it twice',
        '--on',
        '2026-01-10',
      ],
      box,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    r = run(['actions', file, '--done', '1', '--on', '2026-01-12'], box);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('done 2026-01-12');
    let text = readFileSync(file, 'utf8');
    expect(text).toContain('    due: "2026-03-01"');
    expect(text).toContain('    done: "2026-01-12"');
    expect(parse(text).actionSteps[1]).toEqual({
      text: 'Count to five, every time',
      for: 'communication.pausing',
      due: '2026-03-01',
      status: 'planned',
      progress: [{ date: '2026-01-10', text: 'Tried it twice' }],
    });
    // One done, so two are open: a third and a fourth step fit under the maximum of 3 open.
    expect(run(['actions', file, '--add', 'Third'], box).code).toBe(0);
    r = run(['actions', file, '--add', 'Fourth'], box);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3 open of at most 3; mark one done to add another.');
    r = run(['actions', file, '--add', 'Fifth'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/3 open action steps.*at most 3 open at a time/);
    // Step 1 is done: the coach's done work goes only with --yes.
    r = run(['actions', file, '--remove', '1,3'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /step 1 \("Plan three open questions"\) is done.*nothing was removed\nTo remove it all the same, add --yes/,
    );
    r = run(['actions', file, '--remove', '1,3', '--yes'], box);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Removed step 1 ("Plan three open questions").\nRemoved step 3 ("Third").\nSteps 2 and 4 are now 1 and 2.\n',
    );
    text = readFileSync(file, 'utf8');
    expect(parse(text).actionSteps.map((s: { text: string }) => s.text)).toEqual([
      'Count to five, every time',
      'Fourth',
    ]);
    expect(recordErrors(text, ohio)).toEqual([]);
    expect(text).toContain('# My own notes at the top');
  });

  it('says which flag is missing or misplaced', () => {
    const box = sandbox();
    const file = copy(box);
    expect(run(['actions', file, '--text', 'x'], box).stderr).toMatch(/--text goes with --step <n>/);
    expect(run(['actions', file, '--step', '1'], box).stderr).toMatch(
      /--step 1: say what to change with --text, --due or --note/,
    );
    expect(run(['actions', file, '--on', '2026-01-01'], box).stderr).toMatch(/--on goes with --done or --note/);
    expect(run(['actions', file, '--step', '9', '--text', 'x'], box).stderr).toMatch(/no action step 9/);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(fixture('with-comments.yaml'), 'utf8'));
  });
});
