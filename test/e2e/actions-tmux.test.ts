// `profile actions` in a real terminal (tmux): edit a step's text, add a progress note, remove a step.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileOf, recordErrors } from '../unit/assess-helpers.js';
import { BIN, fixture, sandbox } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

/** `profile actions` at 80 columns on a copy of the mid-year Ohio record (rec.yaml in a fresh sandbox). */
function startOnOhioRecord() {
  const box = sandbox();
  const file = join(box.cwd, 'rec.yaml');
  copyFileSync(fixture('report', 'ohio-2025.yaml'), file);
  const t = new TmuxSession(
    `env XDG_CONFIG_HOME=${box.env.XDG_CONFIG_HOME} TERM=xterm-256color NO_COLOR=1 ${process.execPath} ${BIN} actions rec.yaml`,
    box.cwd,
    80,
  );
  sessions.push(t);
  return { box, file, t };
}

describe.skipIf(!hasTmux)('profile actions in a real terminal (tmux)', () => {
  it('edits a step, adds a progress note and removes a step; each saved, the file stays valid', async () => {
    const { file, t } = startOnOhioRecord();
    await t.waitFor((s) => s.includes('2. [ ] planned OVERDUE'), 'the list with the overdue step');
    expect(t.screen()).toContain('2 open of at most 3; you can add a step.');

    await t.answer('Change a step?', () => t.keys('2', 'Enter'));
    await t.answer('Step 2: Ask a partner', () => t.keys('5', 'Enter')); // Edit the text
    await t.answer('New text', () => t.type('Ask a partner to observe two meetings'));
    await t.waitFor((s) => s.includes('   Ask a partner to observe two meetings'), 'the edited list');

    await t.answer('Change a step?', () => t.keys('3', 'Enter'));
    await t.answer('Step 3: Keep a log', () => t.keys('4', 'Enter')); // Add a progress note
    await t.answer('Progress note', () => t.type('Shared the log with the team'));
    await t.answer('When?', () => t.keys('Enter')); // today

    await t.answer('Change a step?', () => t.keys('1', 'Enter'));
    await t.answer('Step 1: Plan three', () => t.keys('7', 'Enter')); // Remove this step
    await t.answer('Remove step 1', () => t.keys('2', 'Enter'));
    await t.waitFor(
      (s) => s.split('\n').some((l) => l.startsWith('1. [ ] planned OVERDUE')),
      'the list after the removal',
    );

    await t.answer('Change a step?', () => t.keys('4', 'Enter')); // Done (2 steps, then "Add a step")
    await t.waitFor(() => t.dead(), 'exit');

    const text = readFileSync(file, 'utf8');
    expect(recordErrors(text, profileOf('ohio-process-coaching'))).toEqual([]);
    const steps = parse(text).actionSteps;
    expect(steps.map((s: { text: string }) => s.text)).toEqual([
      'Ask a partner to observe two meetings',
      'Keep a log of questions that opened up the talk',
    ]);
    expect(steps[1].progress).toHaveLength(2);
    expect(steps[1].progress[1].text).toBe('Shared the log with the team');
    expect(text).toMatch(/date: "\d{4}-\d{2}-\d{2}"\n\s+text: Shared the log/);
    expect(text).toContain("# A coach's Ohio record mid-year");
  });

  it('adding a step: "<" at "Which priority" goes back to the text, which Enter keeps', async () => {
    const { file, t } = startOnOhioRecord();
    await t.answer('Change a step?', () => t.keys('4', 'Enter')); // Add a step
    await t.answer('What will you do?', () => t.type('Visit a peer coach'));
    await t.waitFor((s) => s.includes('? Which priority does it address?'), 'the priority question');
    t.keys('<'); // a list goes back at once, no Enter
    await t.waitFor((s) => s.lastIndexOf('? What will you do?') > s.lastIndexOf('Which priority'), 'the text again');
    await t.answer('What will you do?', () => t.keys('Enter')); // the text typed before
    await t.answer('Which priority does it address?', () => t.keys('Enter')); // 6. Powerful questioning
    await t.answer('Due date', () => t.keys('Enter'));
    await t.answer('Change a step?', () => t.keys('5', 'Enter')); // Finish
    await t.waitFor(() => t.dead(), 'exit');
    expect(parse(readFileSync(file, 'utf8')).actionSteps[3]).toEqual({
      text: 'Visit a peer coach',
      for: 'communication.questioning',
      status: 'planned',
    });
  });

  it("a step's menu: Enter opens the progress note for a planned and an in-progress step; '<' goes one back", async () => {
    const { file, t } = startOnOhioRecord();
    const before = readFileSync(file, 'utf8');
    // The question being asked: the last one on the screen (answered ones start with ✔).
    const asking = (what: string) => (s: string) =>
      s
        .split('\n')
        .filter((l) => /^[?✔] /.test(l))
        .at(-1)
        ?.startsWith(`? ${what}`) ?? false;
    for (const step of ['2', '3']) {
      await t.answer('Change a step?', () => t.keys(step, 'Enter'));
      await t.answer(`Step ${step}:`, () => t.keys('Enter')); // where the cursor starts: the same for both
      await t.waitFor(asking('Progress note'), `step ${step}: Progress note`);
      t.type('<');
      await t.waitFor(asking(`Step ${step}:`), `step ${step}'s menu, not the list`);
      t.keys('<');
      await t.waitFor(asking('Change a step?'), 'the list');
    }
    await t.answer('Change a step?', () => t.keys('2', 'Enter'));
    await t.answer('Step 2:', () => t.keys('5', 'Enter')); // Edit the text
    await t.waitFor(asking('New text'), 'New text');
    t.type('<');
    await t.waitFor(asking('Step 2:'), "step 2's menu again");
    t.keys('<');
    await t.answer('Change a step?', () => t.keys('5', 'Enter')); // Finish
    await t.waitFor(() => t.dead(), 'exit');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

if (!hasTmux) describe('profile actions in a real terminal', () => it.skip('skipped: tmux is not installed', () => {}));
