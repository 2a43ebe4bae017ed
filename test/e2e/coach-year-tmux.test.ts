// The coach's year in a real terminal (tmux): history over three records, and `assess --from` showing
// last time's levels and priorities, with the context of the record it starts from.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, fixture, recordsIn, runCli, sandbox } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
/** The screen from the last line containing `mark`. */
const after = (s: string, mark: string) => s.slice(s.lastIndexOf(mark));
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function start(args: string, width = 120, box = sandbox()): { t: TmuxSession; box: ReturnType<typeof sandbox> } {
  const t = new TmuxSession(
    `env XDG_CONFIG_HOME=${box.env.XDG_CONFIG_HOME} TERM=xterm-256color NO_COLOR=1 ${process.execPath} ${BIN} ${args}`,
    box.cwd,
    width,
  );
  sessions.push(t);
  return { t, box };
}

describe.skipIf(!hasTmux)("the coach's year in a real terminal (tmux)", () => {
  for (const width of [60, 120]) {
    it(`history of three records at ${width} columns: side by side, trend, steps done, every line fits`, async () => {
      const { t } = start(`history ${fixture('history', 'coach')}`, width);
      const screen = await t.waitFor((s) => s.includes('Action steps done') && t.dead(), 'the history');
      for (const line of screen.split('\n')) expect(line.length, line).toBeLessThanOrEqual(width);
      expect(screen.replace(/\s+/g, ' ')).toContain(
        'Since 2024-09-12, on the 2 items rated both then and now: 2 up, 0 the same, 0 down; at or above target 0 of 2 then, 2 of 2 now.',
      );
      expect(screen).toContain('A  2024-09-12 · 2024-25 baseline · sbic@2014, through');
      if (width === 120)
        expect(screen).toMatch(/A ■ Far from Proficient +B ■ Close to Proficient +C ■ Proficient +↑ up since A\n/);
      else
        expect(screen).toMatch(/A ■ Far from Proficient\n +B ■ Close to Proficient\n +C ■ Proficient +↑ up since A\n/);
      // The marks say what they compare, once, under the reviews.
      expect(screen.replace(/\s+/g, ' ')).toContain(
        "↑ up, = same, ↓ down since A: your newest level (C) compared with A's.",
      );
      expect(screen).toContain('• Read the solution-dialogue protocol');
      expect(screen).toContain('(done 2024-10-30)');
    });
  }

  it("assess --from shows last time beside each question (never under the cursor) and the last priorities, with the record's context", async () => {
    // A remembered context from another session must not replace the record's own.
    const box = sandbox();
    mkdirSync(join(box.env.XDG_CONFIG_HOME!, 'practice-profile'), { recursive: true });
    writeFileSync(
      join(box.env.XDG_CONFIG_HOME!, 'practice-profile', 'config.yaml'),
      'lastContext:\n  group:\n    state: OH\n  cycle: remembered cycle\n',
    );
    const { t } = start(`assess sbic --from ${fixture('assess', 'sbic-2014-complete.yaml')}`, 120, box);
    await t.answer('State', () => t.type(''));
    const ctx = t.screen();
    expect(ctx).toMatch(/State.*MO/);
    expect(ctx).not.toContain('OH');
    await t.answer('Region', () => t.type(''));
    await t.answer('District', () => t.type(''));
    await t.answer('Building', () => t.type(''));
    await t.waitFor(
      (s) => s.includes('Cycle (e.g. 2025-26 baseline; last time: 2025-26 baseline)'),
      'the cycle with last time',
    );
    expect(t.screen()).not.toContain('remembered cycle');
    await t.answer('Cycle', () => t.type('2026-27 baseline'));
    await t.waitFor((s) => s.includes('Rating 1 of 5'), 'rating 1');
    // Last time's level is said and marked, but the cursor starts at the top: Enter never copies it unseen.
    await t.waitFor(
      (x) =>
        x.includes('Last time (2025-09-14, 2025-26 baseline): Proficient') &&
        x.includes('  ■ Proficient (last time)') &&
        /❯ ■ Exemplary\n/.test(x),
      'last time for item 1, marked, the cursor at the top',
    );
    await t.answer('Where is your practice now?', () => t.keys('Enter')); // Exemplary this time
    await t.answer('Private note', () => t.type(''));
    // Item 2 (feedback) is new in 2024: no level from last time, and that is said.
    await t.waitFor((x) => x.includes('Rating 2 of 5'), 'rating 2');
    let s = t.screen();
    // Said as such, not a silent gap: the item has no counterpart in the version of last time's record.
    expect(s.slice(s.lastIndexOf('Rating 2 of 5'))).toContain(
      'Last time (2025-09-14, 2025-26 baseline): not rated (not in sbic@2014)',
    );
    expect(s.slice(s.lastIndexOf('Rating 2 of 5'))).not.toContain('(last time)');
    await t.answer('Where is your practice now?', () => t.keys('Down', 'Enter'));
    await t.answer('Private note', () => t.type(''));
    await t.answer('Where is your practice now?', () => t.keys('Down', 'Down', 'Enter'));
    await t.answer('Private note', () => t.type(''));
    await t.waitFor(
      (x) =>
        x.includes('Last time (2025-09-14, 2025-26 baseline): Close to Proficient') &&
        x.includes('  ■ Close to Proficient (last time)') &&
        /❯ ■ Exemplary\n/.test(x),
      'last time for solution dialogue, marked, the cursor at the top',
    );
    await t.answer('Where is your practice now?', () => t.keys('Down', 'Down', 'Enter'));
    // Last time's note is shown as last time's; Enter would skip it (as everywhere): "same" keeps it.
    s = await t.waitFor((x) => after(x, 'Rating 4 of 5').includes('? Private note'), 'the note of item 4');
    expect(after(s, 'Rating 4 of 5')).toContain('Last time\'s note: "Teams jump to solutions."');
    expect(after(s, 'Rating 4 of 5')).toContain('✔ Where is your practice now? Close to Proficient\n'); // not "(last time)"
    expect(after(s, 'Rating 4 of 5')).toContain('? Private note (optional; Enter to skip, type same to keep');
    await t.answer('Private note', () => t.type('same'));
    await t.waitFor((x) => x.includes("Kept last time's note."), 'the note kept, said back');
    await t.answer('Where is your practice now?', () => t.keys('Down', 'Enter'));
    await t.answer('Private note', () => t.type(''));
    // Last time's own area is offered, marked, not ticked.
    s = await t.waitFor((x) => x.includes('? Tick those that apply'), 'the areas');
    expect(after(s, '? Tick those')).toMatch(/◯ Using video for feedback \(your own\) \(last time\)/);
    expect(after(s, '? Tick those')).not.toContain('◉');
    await t.answer('Tick those that apply', () => t.keys('Enter'));
    await t.answer('Add an improvement area', () => t.type(''));
    s = await t.waitFor((x) => x.includes('? Priority 1') && x.includes('(Close to Proficient)'), 'priorities');
    expect(s).toContain(
      // Last time's numbers: its priority 1 has no counterpart in sbic@2024, and says so; 2 stays 2.
      'Last time (2025-09-14, 2025-26 baseline) your priorities were:\n  1) 3. Communicating in a timely and responsive manner (not in sbic@2024: it could not come along)\n  2) 4. Use solution dialogue (then Close to Proficient)',
    );
    expect(s).toMatch(/4\. Use solution dialogue \(Close to Proficient\)/);
    await t.answer('Priority 1', () => t.keys('Enter'));
    await t.answer('Priority 2', () => t.keys('Enter')); // That is all
    // Last time's unfinished step, offered by name.
    s = await t.waitFor((x) => x.includes('? Action step 1'), 'step 1');
    expect(after(s, 'Action steps:')).toContain(
      'Last time\'s step, not done yet (it was in progress): "Use the solution-dialogue protocol at every team meeting"',
    );
    await t.answer('Action step 1', () => t.type(''));
    await t.answer('Which priority', () => t.keys('Enter'));
    await t.answer('Due date', () => t.type(''));
    await t.answer('Action step 2', () => t.type('Visit a peer coach'));
    await t.answer('Which priority', () => t.keys('Enter'));
    await t.answer('Due date', () => t.type(''));
    await t.answer('Action step 3', () => t.type(''));
    // The review says whose words the note is.
    s = await t.waitFor((x) => x.includes('? Save, or change an answer?'), 'the review');
    expect(after(s, 'Review your answers').replace(/[│\s]+/g, ' ')).toContain(
      "note: Last time's note (2025-09-14): Teams jump to solutions.",
    );
    await t.answer('Save, or change an answer?', () => t.keys('Enter'));
    await t.waitFor((x) => x.includes('Your action plan') && t.dead(), 'the summary');
    const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(rec.ratings).toEqual({
      relationships: 'exemplary',
      feedback: 'proficient',
      'coaching-plan': 'close-to-proficient',
      'solution-dialogue': 'close-to-proficient',
      'progress-monitoring': 'proficient',
    });
    // Kept with "same", the note says whose words it is: a report read by a partner shows it as last time's.
    expect(rec.notes).toEqual({ 'solution-dialogue': "Last time's note (2025-09-14): Teams jump to solutions." });
    expect(rec.actionSteps[0].text).toBe('Use the solution-dialogue protocol at every team meeting');
  });

  it("last time's level at the top of the list: Enter alone asks once more, in words, before taking it", async () => {
    const box = sandbox();
    const from = join(box.cwd, 'last-year.yaml');
    writeFileSync(
      from,
      readFileSync(fixture('assess', 'sbic-2014-complete.yaml'), 'utf8').replace(
        'relationships: proficient',
        'relationships: exemplary',
      ),
    );
    const { t } = start(`assess sbic --from ${from}`, 60, box);
    for (const m of ['State', 'Region', 'District', 'Building', 'Cycle']) await t.answer(m, () => t.type(''));
    await t.waitFor((x) => /❯ ■ Exemplary \(last time\)/.test(x), "the cursor on last time's level");
    t.keys('Enter');
    let s = await t.waitFor(
      (x) => x.replace(/\s+/g, ' ').includes('Is it still where your practice is now?'),
      'asked once more',
    );
    expect(s.replace(/\s+/g, ' ')).toContain('Exemplary is also your level from last time.');
    t.keys('Down', 'Enter'); // No, let me choose again
    await t.waitFor((x) => after(x, 'let me choose again').includes('? Where is your practice now?'), 'the list');
    t.keys('Down', 'Enter'); // Proficient
    await t.answer('Private note', () => t.type(''));
    // Moving the cursor to last time's level and back is a choice: not asked again.
    await t.waitFor((x) => x.includes('Rating 2 of 5'), 'rating 2');
    t.keys('Down', 'Up', 'Enter');
    s = await t.waitFor((x) => after(x, 'Rating 2 of 5').includes('? Private note'), 'the note of rating 2');
    expect(after(s, 'Rating 2 of 5')).not.toContain('Is it still');
    const draft = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(draft.ratings.relationships).toBe('proficient');
  });

  it('stopped at a step\'s link: --resume asks that link (not taken as "not linked"), the step\'s text kept', async () => {
    const box = sandbox();
    writeFileSync(
      join(box.cwd, 'a.yaml'),
      'ratings:\n  relationships: close-to-proficient\n  feedback: proficient\n  coaching-plan: proficient\n  solution-dialogue: proficient\n  progress-monitoring: proficient\nimprovementAreas: []\npriorities: [relationships]\n',
    );
    const { t } = start('assess sbic --answers a.yaml --cycle 2026-27', 60, box);
    for (const m of ['State', 'Region', 'District', 'Building', 'Cycle']) await t.answer(m, () => t.type(''));
    await t.answer('Action step 1', () => t.type('Plan three open questions'));
    await t.waitFor((x) => x.includes('? Which priority does it address?'), 'the link question');
    t.keys('C-c');
    await t.waitFor((x) => t.dead() && x.includes('To carry on'), 'the stop');
    const { t: t2 } = start('assess --resume', 60, box);
    const s = await t2.waitFor((x) => x.includes('? Which priority does it address?'), 'the link asked again');
    expect(s).toContain('Action step 1: "Plan three open questions"');
    expect(after(s, '? Which priority')).toMatch(/❯ 1\. Develop and maintain coaching relationships/);
  });

  it('a draft started with --from, stopped and resumed, still shows last time (60 columns)', async () => {
    const { t, box } = start(`assess sbic --from ${fixture('assess', 'sbic-2014-complete.yaml')}`, 60);
    for (const m of ['State', 'Region', 'District', 'Building', 'Cycle']) await t.answer(m, () => t.type(''));
    await t.waitFor((x) => x.includes('Rating 1 of 5') && x.includes('(last time)'), 'rating 1');
    process.kill(t.pid(), 'SIGKILL');
    await t.waitFor(() => t.dead(), 'the process to die');
    const { t: t2 } = start('assess --resume', 60, box);
    const s = await t2.waitFor((x) => x.includes('? Where is your practice now?'), 'the resumed rating 1');
    expect(s.replace(/\s+/g, ' ')).toContain('Last time (2025-09-14, 2025-26 baseline): Proficient');
    expect(s).toContain('  ■ Proficient (last time)');
    expect(s).toMatch(/❯ ■ Exemplary\n/);
    // The draft itself says what it started from: resumed with other settings (another computer, the
    // records folder synced), last time is still shown.
    const [draft] = recordsIn(join(box.cwd, 'records'));
    expect(readFileSync(draft, 'utf8')).toMatch(
      /^# Started from \S+sbic-2014-complete\.yaml \(profile assess --from\)/,
    );
    const other = sandbox();
    const { t: t3 } = start(`assess --resume ${draft}`, 60, {
      ...box,
      env: { ...box.env, XDG_CONFIG_HOME: other.env.XDG_CONFIG_HOME },
    });
    const s3 = await t3.waitFor((x) => x.includes('? Where is your practice now?'), 'resumed with other settings');
    expect(s3.replace(/\s+/g, ' ')).toContain('Last time (2025-09-14, 2025-26 baseline): Proficient');
  });
});

describe('assess --resume with --from', () => {
  it('is a usage error that says why (exit 2)', () => {
    const box = sandbox();
    const r = runCli(['assess', '--resume', '--from', fixture('assess', 'sbic-2014-complete.yaml')], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--resume and --from do not go together');
  });
});

if (!hasTmux)
  describe("the coach's year in a real terminal", () => it.skip('skipped: tmux is not installed', () => {}));
