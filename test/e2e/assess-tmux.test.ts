// Real-terminal runs of `profile assess` in tmux: a whole Ohio assessment, and a SIGKILL half-way then --resume.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { profileOf, recordErrors } from '../unit/assess-helpers.js';
import { BIN, recordsIn, sandbox } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function start(args: string, box: { cwd: string; env: NodeJS.ProcessEnv }): TmuxSession {
  const env = `env XDG_CONFIG_HOME=${box.env.XDG_CONFIG_HOME} TERM=xterm-256color NO_COLOR=1`;
  const s = new TmuxSession(`${env} ${process.execPath} ${BIN} ${args}`, box.cwd);
  sessions.push(s);
  return s;
}

/** A due date after today's record, whenever the test runs (an earlier one is refused as a slip). */
const DUE = `${new Date().getFullYear() + 1}-01-31`;
const LEVEL_KEYS: Record<string, string[]> = { green: [], yellow: ['Down'], pink: ['Down', 'Down'] };
const RATINGS = ['green', 'yellow', 'green', 'yellow', 'green', 'pink', 'green', 'yellow', 'green'];

async function context(t: TmuxSession): Promise<void> {
  await t.answer('State', () => t.type('OH'));
  await t.answer('Region', () => t.type('Region 5'));
  await t.answer('District', () => t.type('Example City'));
  await t.answer('Building', () => t.type(''));
  await t.answer('Cycle', () => t.type('2025-26 baseline'));
}

async function rate(t: TmuxSession, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i++) {
    await t.waitFor((s) => s.includes(`Rating ${i + 1} of 9`), `rating ${i + 1}`);
    await t.answer('Where is your practice now?', () => t.keys(...LEVEL_KEYS[RATINGS[i]], 'Enter'));
    await t.answer('Private note', () => t.type(i === 1 ? 'Push-back in the fall' : ''));
  }
}

async function finish(t: TmuxSession): Promise<void> {
  await t.answer('Tick those that apply', () => t.keys('Down', 'Down', 'Down', 'Space', 'Enter'));
  await t.answer('Add an improvement area', () => t.type('Using video for feedback'));
  await t.answer('Add an improvement area', () => t.type(''));
  // Below target: 2, 4, 6, 8 (the cursor starts on the first one left).
  await t.answer('Priority 1', () => t.keys('Down', 'Down', 'Enter')); // 6. questioning
  await t.answer('Priority 2', () => t.keys('Enter')); // 2. rapport
  await t.answer('Priority 3', () => t.keys('Down', 'Down', 'Enter')); // after 4 and 8: "That is all"
  await t.answer('Action step 1', () => t.type('Plan three open questions before each team meeting'));
  await t.answer('Which priority', () => t.keys('Enter'));
  await t.answer('Due date', () => t.type(DUE));
  await t.answer('Action step 2', () => t.type('Ask a partner to observe one meeting'));
  await t.answer('Which priority', () => t.keys('Down', 'Enter')); // the cursor starts on priority 1
  await t.answer('Due date', () => t.type(''));
  await t.answer('Action step 3', () => t.type(''));
  await t.answer('Save, or change an answer?', () => t.keys('Enter'));
  await t.waitFor((s) => s.includes('Your action plan') && t.dead(), 'the summary and exit');
}

function checkRecord(file: string): Record<string, any> {
  const text = readFileSync(file, 'utf8');
  expect(recordErrors(text, profileOf('ohio-process-coaching'))).toEqual([]);
  const rec = parse(text);
  expect(rec.status).toBe('complete');
  expect(Object.values(rec.ratings)).toEqual(RATINGS);
  expect(rec.notes).toEqual({ 'communication.rapport': 'Push-back in the fall' });
  expect(rec.group).toEqual({ state: 'OH', region: 'Region 5', district: 'Example City' });
  expect(rec.improvementAreas).toEqual(['communication.powerful-questioning', { text: 'Using video for feedback' }]);
  expect(rec.priorities).toEqual(['communication.questioning', 'communication.rapport']);
  expect(rec.actionSteps).toEqual([
    {
      text: 'Plan three open questions before each team meeting',
      for: 'communication.questioning',
      due: DUE,
      status: 'planned',
    },
    { text: 'Ask a partner to observe one meeting', for: 'communication.rapport', status: 'planned' },
  ]);
  return rec;
}

describe.skipIf(!hasTmux)('profile assess in a real terminal (tmux)', () => {
  it('types a whole Ohio assessment through to the saved record', async () => {
    const box = sandbox();
    const t = start('assess ohio-process-coaching', box);
    await context(t);
    await rate(t, 0, 9);
    await finish(t);
    const [file] = recordsIn(join(box.cwd, 'records'));
    checkRecord(file);
    const screen = t.screen();
    expect(screen).toContain(`Saved records/`);
    expect(screen).toMatch(/Stretch areas.*\n.*6\. Powerful questioning/);
    // The context typed at a terminal is remembered for next time; the respondent never is.
    const config = parse(readFileSync(join(box.env.XDG_CONFIG_HOME!, 'practice-profile', 'config.yaml'), 'utf8'));
    expect(config).toEqual({
      contexts: {
        'ohio-process-coaching': {
          group: { state: 'OH', region: 'Region 5', district: 'Example City' },
          cycle: '2025-26 baseline',
        },
      },
    });
  });

  it('survives kill -9 half-way: --resume continues at the first unanswered question, nothing lost', async () => {
    const box = sandbox();
    const t = start('assess ohio-process-coaching', box);
    await context(t);
    await rate(t, 0, 4);
    await t.waitFor((s) => s.includes('Rating 5 of 9'), 'rating 5');
    process.kill(t.pid(), 'SIGKILL');
    await t.waitFor(() => t.dead(), 'the process to die');
    const [draft] = recordsIn(join(box.cwd, 'records'));
    expect(parse(readFileSync(draft, 'utf8'))).toMatchObject({
      status: 'draft',
      ratings: { 'communication.rapport': 'yellow' },
    });

    const t2 = start('assess --resume', box);
    await t2.waitFor(
      (s) => s.replace(/\s+/g, ' ').includes('4 of 9 rated so far') && s.includes('Rating 5 of 9'),
      'resume at rating 5',
    );
    expect(t2.screen()).not.toContain('Rating 4 of 9');
    await rate(t2, 4, 9);
    await finish(t2);
    expect(recordsIn(join(box.cwd, 'records'))).toEqual([draft]); // the same file, now complete
    checkRecord(draft);
  });
});

if (!hasTmux) describe('profile assess in a real terminal', () => it.skip('skipped: tmux is not installed', () => {}));
