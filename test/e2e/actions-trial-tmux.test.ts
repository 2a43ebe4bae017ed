// `profile actions` in a real terminal after the second cold trial: a list changed in another window, and
// --plain (or TERM=dumb) for screen readers.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, fixture, runCli, sandbox } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function start(args: string, env = 'TERM=xterm-256color', width = 80) {
  const box = sandbox();
  const file = join(box.cwd, 'rec.yaml');
  copyFileSync(fixture('report', 'ohio-2025.yaml'), file);
  const t = new TmuxSession(
    `env XDG_CONFIG_HOME=${box.env.XDG_CONFIG_HOME} ${env} NO_COLOR=1 ${process.execPath} ${BIN} actions rec.yaml ${args}`,
    box.cwd,
    width,
  );
  sessions.push(t);
  return { box, file, t };
}
/** The screen with line breaks as spaces: messages are wrapped to the terminal's width. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const steps = (file: string) =>
  parse(readFileSync(file, 'utf8')).actionSteps as { text: string; status: string; done?: string }[];

describe.skipIf(!hasTmux)('profile actions: two windows, and --plain (tmux)', () => {
  it('a step removed in another window: "Mark done" on step 3 marks the step the coach chose', async () => {
    const { box, file, t } = start('');
    await t.waitFor((s) => s.includes('? Change a step?'), 'the menu');
    // Window 2, while the menu of window 1 is open.
    const other = runCli(['actions', file, '--remove', '1', '--yes'], box);
    expect(other.code).toBe(0);
    await t.answer('Change a step?', () => t.keys('3', 'Enter')); // "3. Keep a log ..." as window 1 shows it
    await t.answer('Step 3: Keep a log', () => t.keys('3', 'Enter')); // Mark done
    await t.answer('When was it done?', () => t.keys('Enter'));
    const s = flat(await t.waitFor((x) => flat(x).includes('now step 2 (it was step 3)'), 'the coach told'));
    expect(s).toContain('The list changed in another window: "Keep a log of questions that opened up the talk"');
    const now = steps(file);
    expect(now.map((x) => [x.text, x.status])).toEqual([
      ['Ask a partner to observe one meeting', 'planned'],
      ['Keep a log of questions that opened up the talk', 'done'],
    ]);
    // The menu is asked again on the list as it is now.
    await t.waitFor((x) => x.split('\n').some((l) => l.startsWith('❯ 1. Ask a partner')), 'the fresh menu');
  });

  it('the chosen step was edited in another window: nothing saved, the fresh list shown', async () => {
    const { box, file, t } = start('');
    await t.waitFor((s) => s.includes('? Change a step?'), 'the menu');
    expect(runCli(['actions', file, '--step', '2', '--text', 'Ask Sam to observe'], box).code).toBe(0);
    const before = readFileSync(file, 'utf8');
    await t.answer('Change a step?', () => t.keys('2', 'Enter'));
    await t.answer('Step 2: Ask a partner', () => t.keys('2', 'Enter')); // Mark in progress
    const s = flat(await t.waitFor((x) => flat(x).includes('choose the step again'), 'the refusal'));
    expect(s).toContain('Not saved: the action steps changed in another window (or by hand)');
    expect(s).toContain('step 2 is no longer "Ask a partner to observe one meeting", so nothing was saved');
    expect(s).toContain('Here is the list as it is now; choose the step again.');
    await t.waitFor((x) => x.includes('   Ask Sam to observe'), 'the fresh list');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  for (const [how, args, env] of [
    ['--plain', '--plain', 'TERM=xterm-256color'],
    ['TERM=dumb', '', 'TERM=dumb'],
  ] as const) {
    it(`${how}: numbered menu lines, a day asked for done work, each change said back`, async () => {
      const { file, t } = start(args, env, 100);
      await t.waitFor((s) => s.includes('Answer (a number from 1 to 5'), 'the numbered menu');
      const menu = t.screen();
      expect(menu).toContain('? Change a step?');
      expect(menu).toContain('   3) Keep a log of questions that opened up the talk');
      expect(menu).not.toContain('❯');
      t.type('3');
      await t.waitFor((s) => s.includes('Chosen: 3. Keep a log'), 'the choice said back');
      await t.waitFor((s) => s.includes('3) Mark done'), 'the step menu');
      t.type('3');
      await t.waitFor((s) => s.includes('? When was it done? (YYYY-MM-DD; Enter = today'), 'When?');
      t.type('2099-01-01');
      await t.waitFor((s) => s.includes('That is after today'), 'a future day refused');
      t.type('2025-12-01');
      await t.waitFor(
        (s) => s.includes('Step 3 ("Keep a log of questions that opened up the talk") is done (2025-12-01).'),
        'the change said back',
      );
      expect(steps(file)[2]).toMatchObject({ status: 'done', done: '2025-12-01' });
      await t.waitFor((s) => s.split('? Change a step?').length === 3, 'the menu again');
      t.type('done'); // not the way out: asked again
      await t.waitFor((s) => s.includes('Please type a number'), 'done refused');
      t.type('finish');
      await t.waitFor(() => t.dead(), 'exit');
      expect(t.screen()).not.toMatch(/\x1b\[/);
    });
  }
});

if (!hasTmux) describe('profile actions: two windows', () => it.skip('skipped: tmux is not installed', () => {}));
