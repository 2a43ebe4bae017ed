// `profile actions` by flags after the second cold trial (issue 10), on the built CLI.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixture, runCli, sandbox } from '../helpers/cli.js';

function setup(edit: (t: string) => string = (t) => t) {
  const box = sandbox();
  mkdirSync(join(box.cwd, 'records'));
  const file = join(box.cwd, 'records', 'rec.yaml');
  copyFileSync(fixture('report', 'ohio-2025.yaml'), file);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const run = (...args: string[]) => runCli(['actions', 'records/rec.yaml', ...args], { ...box, timeout: 10_000 });
  return { box, file, run };
}

describe('profile actions by flags (trial findings)', () => {
  it('a done date after today is refused (exit 2), the file unchanged', () => {
    const { file, run } = setup();
    const before = readFileSync(file, 'utf8');
    const r = run('--done', '3', '--on', '2999-05-01');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /error: --on 2999-05-01 is after today \(\d{4}-\d{2}-\d{2}\): step 3 done cannot be dated/,
    );
    expect(run('--step', '3', '--note', 'x', '--on', '2999-05-01').code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('--done on a done step with another day says the done date changes', () => {
    const { run } = setup();
    const r = run('--done', '1', '--on', '2026-01-05');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Step 1 ("Plan three open questions before each team meeting") was done on 2025-11-18; its done date is now 2026-01-05.',
    );
  });

  it('--for takes the number or title shown; not a priority: a warning', () => {
    const { file, run } = setup();
    let r = run('--remove', '2'); // room for a step
    expect(r.code).toBe(0);
    r = run('--add', 'Watch a video of a meeting', '--for', '3');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning: "3. Pausing to allow for active listening and processing time" is not one of this record\'s priorities',
    );
    expect(parse(readFileSync(file, 'utf8')).actionSteps[2].for).toBe('communication.pausing');
    r = run('--add', 'x', '--for', 'coaching-plan');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: --for "coaching-plan" is not an item of ohio-process-coaching@3.15');
    expect(r.stderr).toContain('  6. Powerful questioning that deepens and extends thinking');
  });

  it('--remove of everything: done steps need --yes; the hint names the real file', () => {
    const { run } = setup();
    let r = run('--remove', '1,2,3');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/step 1 \(".*"\) is done: your done work/);
    r = run('--remove', '1,2,3', '--yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No action steps yet. Add one with: profile actions records/rec.yaml --add "text"');
  });

  it("a due date before the record's date is refused", () => {
    const { run } = setup();
    const r = run('--step', '2', '--due', '2025-01-31');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--due 2025-01-31 is before this record's date (2025-09-20)");
  });

  it('a misspelled level: refused with file:line:col as report gives, the file unchanged', () => {
    const { box, file, run } = setup((t) => t.replace('communication.method: green', 'communication.method: gren'));
    const before = readFileSync(file, 'utf8');
    const r = run('--done', '3');
    const report = runCli(['report', 'records/rec.yaml'], box);
    expect(r.code).toBe(report.code);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(report.stderr.split('\n')[0]);
    expect(r.stderr).toMatch(/error: records\/rec\.yaml:14:\d+: "gren" is not a level/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('a record with more open steps than its profile allows (steps added by hand)', () => {
  // Steps 2 and 3 are open, step 1 done: with two more, 4 open of at most 3.
  const fourth = (t: string) =>
    `${t}  - text: Visit a peer coach\n    status: planned\n  - text: Film one meeting\n    status: in-progress\n`;
  const WARNING =
    'warning: this record has 4 open action steps; its profile (ohio-process-coaching@3.15) allows 3 at a time: mark one done or remove one (--done N or --remove N).';

  it('the list: said once on stderr, exit 0; a change that leaves it so: said again; one that fixes it: not', () => {
    const { file, run } = setup(fourth);
    const list = run();
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('4. [ ] planned\n   Visit a peer coach');
    expect(list.stderr.replace(/\s+/g, ' ').trim()).toBe(WARNING);
    const edit = run('--step', '4', '--text', 'Visit two peer coaches');
    expect(edit.code).toBe(0);
    expect(edit.stderr.replace(/\s+/g, ' ').trim()).toBe(WARNING);
    const done = run('--done', '5');
    expect(done.code).toBe(0);
    expect(done.stderr).toBe('');
    expect(parse(readFileSync(file, 'utf8')).actionSteps[4]).toMatchObject({ status: 'done' });
  });

  it('within the maximum: nothing said', () => {
    const { run } = setup();
    expect(run().stderr).toBe('');
  });
});

describe('a mistyped option', () => {
  it('--dn 1: "Did you mean --done?" (the typed letters in order), not --on; exit 2, nothing changed', () => {
    const { file, run } = setup();
    const before = readFileSync(file, 'utf8');
    const r = run('--dn', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: unknown option '--dn'\n(Did you mean --done?)\n");
    expect(r.stderr).not.toContain('--on');
    expect(readFileSync(file, 'utf8')).toBe(before);
    // A typo commander's own suggestion finds stays as it was.
    expect(run('--plian').stderr).toContain('(Did you mean one of --plain, --plan?)');
  });
});
