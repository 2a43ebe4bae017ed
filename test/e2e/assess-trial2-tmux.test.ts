// The second cold trial of `profile assess` (issue 10 follow-up), each finding seen in a real terminal (tmux).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, fixture, recordsIn, sandbox } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function start(args: string, box = sandbox(), width = 60): { t: TmuxSession; box: ReturnType<typeof sandbox> } {
  const t = new TmuxSession(
    `env XDG_CONFIG_HOME=${box.env.XDG_CONFIG_HOME} TERM=xterm-256color NO_COLOR=1 ${process.execPath} ${BIN} ${args}`,
    box.cwd,
    width,
  );
  sessions.push(t);
  return { t, box };
}

async function emptyContext(t: TmuxSession): Promise<void> {
  for (const m of ['State', 'Region', 'District', 'Building', 'Cycle']) await t.answer(m, () => t.type(''));
}

/** The screen from the last line containing `mark`. */
const after = (s: string, mark: string) => s.slice(s.lastIndexOf(mark));
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(!hasTmux)('assess, second cold trial (tmux)', () => {
  for (const how of ['--resume', 'picker'] as const) {
    it(`Ctrl-C while typing a note, then resume (${how}): that note is asked again, and the stop message says it was not saved`, async () => {
      const { t, box } = start('assess sbic');
      await emptyContext(t);
      await t.answer('Where is your practice now?', () => t.keys('Enter'));
      await t.answer('Private note', () => t.type('First note'));
      await t.answer('Where is your practice now?', () => t.keys('Down', 'Enter'));
      await t.waitFor((s) => after(s, 'Rating 2 of 5').includes('? Private note'), 'the note');
      t.type('Half', false);
      await t.waitFor((s) => after(s, '? Private note').includes('Half'), 'the typed text');
      t.keys('C-c');
      const stopped = await t.waitFor((s) => t.dead() && s.includes('To carry on'), 'the stop message');
      expect(flat(stopped)).toContain('The note was open: anything typed in it was not saved');
      expect(flat(stopped)).not.toContain('Nothing was lost');
      const { t: t2 } = start(how === '--resume' ? 'assess --resume' : 'assess sbic', box);
      if (how === 'picker') await t2.answer('You have an unfinished assessment', () => t2.keys('Enter'));
      const s = await t2.waitFor((x) => x.includes('? Private note'), 'the resumed note');
      expect(s).toContain('stopped while you were writing a note');
      expect(s).toContain('Rating 2 of 5');
      expect(s).not.toContain('? Where is your practice now?');
      await t2.answer('Private note', () => t2.type('Written after the stop'));
      await t2.waitFor((x) => x.includes('Rating 3 of 5'), 'rating 3');
      const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
      expect(rec.ratings.feedback).toBe('proficient');
      expect(rec.notes).toEqual({ relationships: 'First note', feedback: 'Written after the stop' });
    });
  }

  it('two drafts each stopped in a note: resuming the first still asks its note (one pending note per draft)', async () => {
    const box = sandbox();
    const stopInNote = async (args: string) => {
      const { t } = start(args, box);
      await emptyContext(t);
      await t.answer('Where is your practice now?', () => t.keys('Enter'));
      await t.waitFor((s) => after(s, 'Rating 1 of').includes('? Private note'), 'the note');
      t.keys('C-c');
      await t.waitFor((s) => t.dead() && s.includes('To carry on'), 'the stop');
    };
    await stopInNote('assess ohio-process-coaching');
    const [ohioDraft] = recordsIn(join(box.cwd, 'records'));
    await stopInNote('assess sbic');
    const { t } = start(`assess --resume ${ohioDraft}`, box);
    const s = await t.waitFor((x) => x.includes('? Private note'), 'the resumed note');
    expect(s).toContain('stopped while you were writing a note');
    expect(s).toContain('Rating 1 of 9');
  });

  it('--from: Ctrl-C in a note, --resume offers last time\'s note again; "same" keeps it', async () => {
    const from = fixture('history', 'coach', '2025-09-14_sbic-2014_1a2b3c4d.yaml');
    const { t, box } = start(`assess sbic --from ${from}`, sandbox(), 120);
    await emptyContext(t);
    for (let i = 0; i < 3; i++) {
      await t.answer('Where is your practice now?', () => t.keys('Enter'));
      await t.answer('Private note', () => t.type(''));
    }
    await t.answer('Where is your practice now?', () => t.keys('Down', 'Enter'));
    await t.waitFor((s) => after(s, 'Rating 4 of 5').includes('? Private note'), 'the note of rating 4');
    t.keys('C-c');
    await t.waitFor((s) => t.dead() && s.includes('To carry on'), 'the stop');
    const { t: t2 } = start('assess --resume', box, 120);
    const s = await t2.waitFor((x) => x.includes('? Private note'), 'the resumed note');
    expect(s).toContain('Rating 4 of 5');
    const note = await t2.waitFor((x) => after(x, 'Rating 4 of 5').includes('? Private note'), 'the note');
    expect(after(note, 'Rating 4 of 5')).toContain('Last time\'s note: "Teams jump to solutions."');
    await t2.answer('Private note', () => t2.type('same'));
    await t2.waitFor((x) => x.includes('Rating 5 of 5'), 'rating 5');
    const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(rec.notes['solution-dialogue']).toBe("Last time's note (2025-09-14): Teams jump to solutions.");
  });

  it('--plain: after Ctrl-C the "To carry on" line keeps --plain, and resuming so asks the note again', async () => {
    const { t, box } = start('assess ohio-process-coaching --plain');
    for (const m of ['State', 'Region', 'District', 'Building', 'Cycle']) {
      await t.waitFor((s) => after(s, `? ${m}`).trimEnd().endsWith('>'), m);
      t.type('');
    }
    await t.waitFor((s) => after(s, 'Rating 1 of 9').includes('Answer ('), 'the first rating');
    t.type('green');
    await t.waitFor((s) => after(s, 'Rated:').includes('Private note'), 'the note');
    t.keys('C-c');
    const s = await t.waitFor((x) => t.dead() && x.includes('To carry on'), 'the stop');
    expect(flat(s)).toMatch(/To carry on: profile assess --resume \S+\.yaml --plain/);
    expect(flat(s)).toContain('The note was open: anything typed in it was not saved');
    // Resumed as the hint says (--plain): that note is asked again.
    const { t: t2 } = start(`assess --resume ${/--resume (\S+\.yaml)/.exec(flat(s))![1]} --plain`, box);
    const r = await t2.waitFor((x) => after(x, 'Rating 1 of 9').includes('? Private note'), 'the note again');
    expect(r).toContain('stopped while you were writing a note');
    expect(after(r, 'Rating 1 of 9')).toContain('Your rating (saved): Green');
    expect(after(r, 'Rating 1 of 9')).not.toContain('Answer (');
  });

  it("--from steps: the link defaults to last time's (said above it); < works at the due date; a due date before the record's is asked again", async () => {
    const from = fixture('history', 'coach', '2025-09-14_sbic-2014_1a2b3c4d.yaml');
    const { t, box } = start(`assess sbic --from ${from}`, sandbox(), 120);
    await emptyContext(t);
    for (let i = 0; i < 5; i++) {
      // relationships (1) and solution dialogue (4) below target; the others at the top level.
      await t.answer('Where is your practice now?', () =>
        t.keys(...(i === 0 || i === 3 ? ['Down', 'Down'] : []), 'Enter'),
      );
      await t.answer('Private note', () => t.type(''));
    }
    await t.answer('Tick those that apply', () => t.keys('Enter'));
    await t.answer('Add an improvement area', () => t.type(''));
    await t.answer('Priority 1', () => t.keys('Enter')); // 1. relationships
    await t.answer('Priority 2', () => t.keys('Enter')); // 4. solution dialogue
    await t.answer('Action step 1', () => t.type('')); // Enter keeps last time's step
    const link = await t.waitFor((x) => x.includes('? Which priority does it address?'), 'the link');
    expect(after(link, "Last time's step")).toContain('Last time: for 4. Use solution dialogue');
    await t.answer('Which priority does it address?', () => t.keys('Enter'));
    expect(after(t.screen(), 'Action step 1')).toContain('✔ Which priority does it address? 4. Use solution dialogue');
    const due = await t.waitFor((x) => x.includes('? Due date'), 'the due date');
    expect(after(due, '? Due date')).toContain('(< to go back)');
    await t.answer('Due date', () => t.type('<'));
    await t.waitFor((x) => after(x, '✔ Due date').includes('? Which priority does it address?'), 'the link again');
    await t.answer('Which priority does it address?', () => t.keys('Enter')); // the cursor on the current answer
    expect(after(t.screen(), '✔ Due date')).toContain('✔ Which priority does it address? 4. Use solution dialogue');
    await t.waitFor((x) => after(x, '✔ Which priority').includes('? Due date'), 'the due date again');
    t.type('2025-12-15');
    await t.waitFor((x) => after(x, '? Due date').includes("is before this record's date"), 'the slip said');
    t.keys(...Array(10).fill('BSpace'));
    await t.answer('Due date', () => t.type('2999-01-31'));
    // Step 2: not linked; back from its due date, the cursor is on "Not linked to a priority" still.
    await t.answer('Action step 2', () => t.type('Second step'));
    // The cursor starts on priority 1 (not on priority 2 for step 2): down twice to "Not linked to a priority".
    await t.answer('Which priority does it address?', () => t.keys('Down', 'Down', 'Enter'));
    await t.answer('Due date', () => t.type('<'));
    await t.answer('Which priority does it address?', () => t.keys('Enter'));
    await t.answer('Due date', () => t.type(''));
    await t.answer('Action step 3', () => t.type(''));
    await t.waitFor((x) => x.includes('Save, or change an answer?'), 'the review');
    const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(rec.actionSteps).toEqual([
      {
        text: 'Use the solution-dialogue protocol at every team meeting',
        for: 'solution-dialogue',
        due: '2999-01-31',
        status: 'planned',
      },
      { text: 'Second step', status: 'planned' },
    ]);
  });

  it('the tick list says what "a" does: it ticks all, and unticks all when all are ticked', async () => {
    const { t } = start('assess ohio-process-coaching', sandbox(), 120);
    await emptyContext(t);
    for (let i = 0; i < 9; i++) {
      await t.answer('Where is your practice now?', () => t.keys('Down', 'Enter'));
      await t.answer('Private note', () => t.type(''));
    }
    const s = await t.waitFor((x) => x.includes('? Tick those that apply'), 'the tick list');
    expect(after(s, '? Tick those')).toContain('a to tick or untick all');
    t.keys('a');
    t.keys('a');
    await t.answer('Tick those that apply', () => t.keys('Enter'));
    expect(after(t.screen(), '✔ Tick those')).toContain('none ticked');
  });

  it('errors at 60 columns are wrapped by words, never inside a word or a file name', async () => {
    const box = sandbox();
    mkdirSync(join(box.cwd, 'records'));
    const done = 'records/2026-09-10_sbic-2024_1a2b3c4d.yaml';
    copyFileSync(fixture('history', 'coach', '2026-09-10_sbic-2024_1a2b3c4d.yaml'), join(box.cwd, done));
    const { t } = start(`assess --resume ${done}`, box, 60);
    await t.waitFor((s) => t.dead() && flat(s).includes('is already complete'), 'the error');
    const rows = t
      .rows()
      .split('\n')
      .filter((r) => !r.startsWith('Pane is dead')); // tmux's own line
    for (const r of rows) expect(r.length, r).toBeLessThanOrEqual(60);
    // The file name is whole on a row, in the message and in the hint, and no row ends inside a word.
    expect(rows.filter((r) => r.includes(done)).length).toBe(2);
    expect(flat(rows.join('\n'))).toContain('already complete');
    // Every word on the screen is a whole word of the message: a terminal's break would leave halves.
    const words = new Set(
      `error: ${done} is already complete To start a new assessment from its answers: profile assess --from ${done}`.split(
        ' ',
      ),
    );
    for (const w of rows.join(' ').split(/\s+/).filter(Boolean)) expect(words.has(w), w).toBe(true);
  });

  it('--cycle given: the context (remembered state, region ...) is still asked, with those values shown', async () => {
    const box = sandbox();
    mkdirSync(join(box.env.XDG_CONFIG_HOME!, 'practice-profile'), { recursive: true });
    writeFileSync(
      join(box.env.XDG_CONFIG_HOME!, 'practice-profile', 'config.yaml'),
      'contexts:\n  ohio-process-coaching:\n    group:\n      state: OH\n      region: Region 5\n',
    );
    const { t } = start('assess ohio-process-coaching --cycle "2026-27 review" --date 2024-09-14', box, 120);
    const s = await t.waitFor((x) => x.includes('? State'), 'the context asked');
    expect(s).toContain('This record is dated 2024-09-14 (not today).');
    expect(after(s, '? State')).toContain('(OH)');
    await t.answer('State', () => t.type(''));
    await t.answer('Region', () => t.type('-')); // cleared: the coach decides what goes in
    await t.answer('District', () => t.type(''));
    await t.answer('Building', () => t.type(''));
    const c = await t.waitFor((x) => x.includes('? Cycle'), 'the cycle');
    expect(after(c, '? Cycle')).toContain('(2026-27 review)');
    await t.answer('Cycle', () => t.type(''));
    await t.answer('Where is your practice now?', () => t.keys('Enter'));
    await t.waitFor((x) => x.includes('? Private note'), 'the note');
    const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(rec.group).toEqual({ state: 'OH' });
    expect(rec.cycle).toBe('2026-27 review');
    expect(rec.date).toBe('2024-09-14');
  });

  it("last session's cycle is shown beside the question, never offered as the answer (Enter would file it there)", async () => {
    const box = sandbox();
    mkdirSync(join(box.env.XDG_CONFIG_HOME!, 'practice-profile'), { recursive: true });
    writeFileSync(
      join(box.env.XDG_CONFIG_HOME!, 'practice-profile', 'config.yaml'),
      'contexts:\n  ohio-process-coaching:\n    group:\n      state: OH\n    cycle: 2024-25 baseline\n',
    );
    const { t } = start('assess ohio-process-coaching', box, 120);
    for (const m of ['State', 'Region', 'District', 'Building']) await t.answer(m, () => t.type(''));
    const c = await t.waitFor((x) => x.includes('? Cycle'), 'the cycle');
    const line = after(c, '? Cycle');
    expect(line).toContain('last time: 2024-25 baseline');
    expect(line).not.toContain('(2024-25 baseline)');
    await t.answer('Cycle', () => t.type(''));
    await t.answer('Where is your practice now?', () => t.keys('Enter'));
    await t.waitFor((x) => x.includes('? Private note'), 'the note');
    const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(rec.group).toEqual({ state: 'OH' });
    expect(rec.cycle).toBeUndefined();
  });
});
