// The fixes from the coach's trial of `profile assess`, each seen in a real terminal (tmux) at 60 columns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, recordsIn, sandbox } from '../helpers/cli.js';
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

/** Lines of the screen from the last one containing `mark`. */
const after = (s: string, mark: string) => s.slice(s.lastIndexOf(mark));

describe.skipIf(!hasTmux)('assess trial fixes in a real terminal (tmux, 60 columns)', () => {
  it('partial notice, cards wrapped by words, < from a note, checkbox without Back, levels in priorities, pasted lines kept, review fits', async () => {
    const { t, box } = start('assess ohio-process-coaching');
    const first = await t.waitFor((s) => s.includes('? State'), 'the first question');
    // For a coach, in two plain sentences: what is there and what that means (not the maintainers' note).
    expect(first.replace(/\s+/g, ' ')).toContain(
      'Only part I of this profile (Effective Communication) could be found: you rate its 9 criteria, and the rest of your process coaching is not covered this time.',
    );
    expect(first).not.toContain('maintainer');
    expect(first.indexOf('Only part I of this profile')).toBeLessThan(first.indexOf('? State'));
    // "<" in the context goes back a field, keeping what was typed there.
    await t.answer('State', () => t.type('OH'));
    await t.answer('Region', () => t.type('<'));
    await t.answer('State', () => t.type('')); // Enter keeps OH
    for (const m of ['Region', 'District', 'Building', 'Cycle']) await t.answer(m, () => t.type(''));

    // Rating 1: green; in the note, "<" goes back to this item's level instead of being saved.
    await t.answer('Where is your practice now?', () => t.keys('Enter'));
    await t.answer('Private note', () => t.type('<'));
    await t.waitFor((s) => after(s, 'Private note').includes('? Where is your practice now?'), 'the level again');
    await t.answer('Where is your practice now?', () => t.keys('Down', 'Enter')); // yellow after all
    // A pasted note of two lines keeps both.
    await t.waitFor((s) => after(s, 'Rating 1 of 9').includes('? Private note'), 'the note again');
    t.paste('First line of my note\nsecond line');
    await t.waitFor((s) => s.includes('all are kept, joined into one'), 'the paste message');
    for (let i = 1; i < 9; i++) {
      await t.waitFor((s) => s.includes(`Rating ${i + 1} of 9`), `rating ${i + 1}`);
      await t.answer('Where is your practice now?', () => t.keys(...(i % 3 === 0 ? ['Down'] : []), 'Enter'));
      await t.answer('Private note', () => t.type(''));
    }
    const cards = t.screen();
    // Criterion 4 is longer than 60 columns: wrapped by words, the rest indented under the text.
    const lines = cards.split('\n');
    const at = lines.findIndex((l) => l.startsWith('4. Paraphrasing'));
    expect(lines[at].length).toBeLessThanOrEqual(60);
    expect(lines[at + 1]).toMatch(/^ {3}\S/);

    // Improvement areas: "a" ticks all, and nothing sends the coach back.
    await t.waitFor((s) => s.includes('? Tick those that apply'), 'the areas');
    expect(after(t.screen(), '? Tick those')).not.toContain('← Back');
    // The prompt's own line is wrapped by words at 60 columns (inquirer would cut words at the edge).
    const tickLines = after(t.screen(), '? Tick those').split('\n');
    expect(tickLines[0].length, tickLines[0]).toBeLessThanOrEqual(60);
    expect(tickLines[1]).toMatch(/^ {2}\(?[a-z]/);
    // "<" goes back from the checkbox too: to the last rating, then on again, keeping the tick made here.
    t.keys('Space');
    await t.waitFor((s) => after(s, '? Tick those').includes('◉'), 'the first area ticked');
    t.keys('<');
    // To the last rating at its last part, the note; "<" there goes on to its level.
    await t.waitFor((s) => after(s, 'Tick those that apply').includes('? Private note'), 'rating 9 again');
    expect(after(t.screen(), 'Tick those that apply')).toContain('(< to change it)');
    await t.answer('Private note', () => t.type(''));
    await t.waitFor((s) => after(s, 'Private note').includes('? Tick those that apply'), 'the areas again');
    const again = after(t.screen(), '? Tick those').split('\n');
    expect(again.filter((l) => l.includes('◉'))).toHaveLength(1); // the tick made before "<", kept
    expect(again.find((l) => l.includes('◉'))).toContain('Widening the range');
    await t.answer('Tick those that apply', () => t.keys('a', 'Enter'));
    // "<" in an own area goes back to the ticks (kept), not saved as an area.
    await t.waitFor((s) => after(s, 'Tick those that apply').includes('? Add an improvement area'), 'own area');
    const own = after(t.screen(), '? Add an improvement area').split('\n');
    expect(own[0].length, own[0]).toBeLessThanOrEqual(60);
    expect(own[0]).toMatch(/\S$/); // ends on a whole word
    await t.answer('Add an improvement area', () => t.type('<'));
    await t.answer('Tick those that apply', () => t.keys('Enter'));
    await t.answer('Add an improvement area', () => t.type(''));
    // Priorities show each item's level.
    const prio = await t.waitFor(
      (s) => s.includes('? Priority 1') && after(s, 'Priorities:').includes('practising)'),
      'the priorities',
    );
    const offered = after(prio, 'Priorities:');
    expect(offered).toMatch(
      /1\. Identifying and using the communication method[\s\S]*\(Yellow - moderately\s+practising\)/,
    );
    // Each choice is wrapped by words (no line of it is cut inside a word).
    expect(offered).toContain('❯ 1. Identifying and using the communication method (e.g.\n  email, phone, in person)');
    await t.answer('Priority 1', () => t.keys('Enter'));
    await t.answer('Priority 2', () => t.keys('Down', 'Down', 'Enter')); // 4, 7, then "That is all"
    await t.answer('Action step 1', () => t.type('Plan three open questions'));
    await t.answer('Which priority', () => t.keys('Enter'));
    await t.answer('Due date', () => t.type(''));
    await t.answer('Action step 2', () => t.type('Ask a partner to observe'));
    await t.answer('Which priority', () => t.keys('Enter'));
    await t.answer('Due date', () => t.type(''));
    await t.answer('Action step 3', () => t.type(''));
    const review = await t.waitFor((s) => s.includes('? Save, or change an answer?'), 'the review');
    for (const l of after(review, 'Review your answers')
      .split('\n')
      .filter((x) => /[│┌└├]/.test(x)))
      expect(l.length, l).toBeLessThanOrEqual(60);
    await t.answer('Save, or change an answer?', () => t.keys('Enter'));
    const end = await t.waitFor((s) => s.includes('Your action plan') && t.dead(), 'the summary');
    // Prompt lines and the typed answers beside them are wrapped by words: the terminal never cuts one.
    const promptLines = end.split('\n').filter((l) => l.startsWith('✔ '));
    expect(promptLines.length).toBeGreaterThan(20);
    for (const l of promptLines) expect(l.length, l).toBeLessThanOrEqual(60);
    expect(end).toContain('✔ Action step 1: what will you do? (< to go back) Plan\n  three open questions');
    expect(after(end, 'Saved').replace(/\s+/g, ' ')).toContain(
      'Note: ohio-process-coaching@3.15 is partial: parts of the source were not found',
    );
    const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(rec.ratings['communication.method']).toBe('yellow');
    expect(rec.notes).toEqual({ 'communication.method': 'First line of my note second line' });
    expect(rec.improvementAreas).toHaveLength(6);
    expect(rec.group).toEqual({ state: 'OH' });
  });

  it('after a crash during a note, --resume asks that note again', async () => {
    const { t, box } = start('assess ohio-process-coaching');
    await emptyContext(t);
    await t.answer('Where is your practice now?', () => t.keys('Enter'));
    await t.answer('Private note', () => t.type(''));
    await t.answer('Where is your practice now?', () => t.keys('Down', 'Enter'));
    await t.waitFor((s) => after(s, 'Rating 2 of 9').includes('? Private note'), 'the second note');
    process.kill(t.pid(), 'SIGKILL');
    await t.waitFor(() => t.dead(), 'the process to die');
    const { t: t2 } = start('assess --resume', box);
    // The note itself, straight away: its rating is saved (said, not asked again).
    const s = await t2.waitFor((x) => x.includes('? Private note'), 'the resumed note');
    expect(s).toContain('stopped while you were writing a note');
    expect(s).toContain('Rating 2 of 9');
    expect(s).toContain('Your rating (saved): Yellow');
    expect(s).not.toContain('? Where is your practice now?');
    await t2.answer('Private note', () => t2.type('Written after the crash'));
    await t2.waitFor((x) => x.includes('Rating 3 of 9'), 'rating 3');
    const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(rec.ratings['communication.rapport']).toBe('yellow');
    expect(rec.notes).toEqual({ 'communication.rapport': 'Written after the crash' });
  });

  it('--plain: no box table, no ■, no "space to tick", levels by name, Enter picks no priority, priorities numbered once', async () => {
    const { t, box } = start('assess ohio-process-coaching --plain');
    // Type only once the question is new on the screen (a fresh copy of it, with its answer line), as a person would.
    const seen = new Map<string, number>();
    const answer = async (prompt: string, text: string) => {
      const n = seen.get(prompt) ?? 0;
      await t.waitFor(
        (s) =>
          s.split(prompt).length - 1 > n &&
          (after(s, prompt).includes('Answer (') || after(s, prompt).includes('   > ')),
        `plain prompt ${prompt}`,
      );
      seen.set(prompt, n + 1);
      t.type(text);
    };
    for (const m of ['State', 'Region', 'District', 'Building', 'Cycle']) {
      await t.waitFor((s) => after(s, `? ${m}`).endsWith('> ') || after(s, `? ${m}`).trimEnd().endsWith('>'), m);
      t.type('');
    }
    for (let i = 0; i < 9; i++) {
      await t.waitFor(
        (s) => s.split('Rating ').length > i + 1 && after(s, `Rating ${i + 1} of 9`).includes('Answer ('),
        `rating ${i + 1}`,
      );
      t.type(i === 5 ? 'pink' : i % 3 === 0 ? 'yel' : 'green');
      await t.waitFor((s) => after(s, `Rating ${i + 1} of 9`).includes('? Private note'), `note ${i + 1}`);
      // Nothing is redrawn, so the choice is said back.
      expect(after(t.screen(), `Rating ${i + 1} of 9`)).toContain(
        i === 5 ? 'Rated: Pink - not meeting' : i % 3 === 0 ? 'Rated: Yellow - moderately practising' : 'Rated: Green',
      );
      if (i === 0) {
        t.paste('Pasted first line\nand the second\n'); // kept whole, not sent on to the next question
        await t.waitFor((s) => s.includes('The pasted text had 2 lines: all are kept'), 'the paste message');
      } else t.type('');
    }
    await answer('? Tick those that apply', '1');
    const tick = after(t.screen(), '? Tick those');
    expect(tick).not.toContain('space to tick');
    expect(tick).toContain('a for all');
    await answer('? Add an improvement area', '');
    await t.waitFor((s) => after(s, '? Priority 1').includes('Answer ('), 'priority 1');
    const p1 = after(t.screen(), '? Priority 1');
    expect(p1).toMatch(
      / {3}\d\) Identifying and using the communication method[\s\S]*\(item 1\), Yellow - moderately\s+practising/,
    );
    expect(p1).toMatch(/ {3}\d\) Powerful questioning/); // the option's number, then the title; its own number after it (item 6)
    expect(p1).not.toContain('(default)');
    t.type(''); // Enter alone picks nothing
    await t.waitFor((s) => after(s, '? Priority 1').includes('Please type'), 'the request for a number');
    t.type('powerful'); // by name
    // Priority 2: the same four items under the same numbers (the one picked says so), then 5 = That is all.
    await t.waitFor((s) => after(s, '? Priority 2').includes('Answer ('), 'priority 2');
    const p2 = after(t.screen(), '? Priority 2');
    const numbered = (x: string) => [...x.matchAll(/ {3}(\d)\) (\S+ \S+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(numbered(p2).slice(0, 4)).toEqual(numbered(p1));
    expect(p2.replace(/\s+/g, ' ')).toMatch(
      /Powerful questioning [^()]*\(item 6\), Pink - not meeting \(already priority 1\)/,
    );
    await answer('? Priority 2', '5');
    await answer('? Action step 1', 'Plan three open questions');
    await answer('? Which priority', '1');
    await answer('? Due date', '');
    await answer('? Action step 2', 'Ask a partner to observe');
    await answer('? Which priority', '1');
    await answer('? Due date', '');
    await answer('? Action step 3', '');
    await t.waitFor((s) => after(s, 'Review your answers').includes('Answer ('), 'the review');
    const review = after(t.screen(), 'Review your answers');
    expect(review).not.toMatch(/[┌│└─■]/);
    expect(review).toContain('Priorities, in order: Powerful questioning');
    t.type('1');
    const end = await t.waitFor((s) => s.includes('Your action plan') && t.dead(), 'the summary');
    expect(after(end, 'Saved ')).not.toContain('■');
    // Every line fits 60 columns, prompts and "Answer (...)" lines included: nothing is cut by the terminal.
    for (const line of end.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    const rec = parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));
    expect(rec.ratings['communication.method']).toBe('yellow');
    expect(rec.ratings['communication.questioning']).toBe('pink');
    expect(rec.priorities).toEqual(['communication.questioning']);
    expect(rec.notes).toEqual({ 'communication.method': 'Pasted first line and the second' });
  });
});

if (!hasTmux)
  describe('assess trial fixes in a real terminal', () => it.skip('skipped: tmux is not installed', () => {}));
