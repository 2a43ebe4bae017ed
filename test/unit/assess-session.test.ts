import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { applyAnswer, newDraft, nextQuestion } from '../../src/assess/flow.js';
import { BACK, type Asker, type Choice } from '../../src/prompts/asker.js';
import { PlainAsker } from '../../src/prompts/plain-asker.js';
import { runSession } from '../../src/prompts/session.js';
import type { PracticeRecord } from '../../src/record/schema.js';
import { serializeRecord } from '../../src/record/write.js';
import { profileOf, recordErrors, scriptedAnswer } from './assess-helpers.js';

/** An Ohio draft with its context, every item rated Yellow (below target) and no improvement areas: at the priorities. */
function ohioRated() {
  const ohio = profileOf('ohio-process-coaching');
  const ids = ohio.sections.flatMap((s) => s.criteria).map((c) => c.id);
  const rec = newDraft(ohio).rec;
  rec.group = { state: 'OH' };
  for (const id of ids) rec.ratings[id] = 'yellow';
  rec.improvementAreas = [];
  return { ohio, ids, rec };
}

/** A coach who answers by what the question says, and goes back once at the third rating. */
function fakeCoach() {
  const log: string[] = [];
  let ratings = 0;
  let wentBack = false;
  let ownAreas = 0;
  const asker: Asker = {
    say: () => {},
    async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
      log.push(`select ${o.message}`);
      if (o.message.startsWith('Where is your practice')) {
        ratings++;
        if (ratings === 3 && !wentBack) {
          wentBack = true;
          return BACK;
        }
        return o.choices[ratings % 3].value;
      }
      if (o.message.startsWith('Priority')) return (o.choices.find((c) => c.value === '') ?? o.choices[0]).value;
      if (o.message.startsWith('Save, or change')) return 'save' as T;
      return o.default ?? o.choices[0].value;
    },
    async checkbox<T>(o: { message: string; choices: Choice<T>[] }) {
      log.push(`checkbox ${o.message}`);
      return [o.choices[0].value];
    },
    async input(o: { message: string; default?: string }) {
      log.push(`input ${o.message}`);
      if (o.message.startsWith('State')) return 'OH';
      if (o.message.startsWith('Cycle')) return '2025-26';
      if (o.message.startsWith('Add an improvement area')) return ownAreas++ === 0 ? 'Video feedback' : '';
      const step = /^Action step (\d)/.exec(o.message);
      if (step) return Number(step[1]) <= 2 ? `Do thing ${step[1]}` : '';
      if (o.message.startsWith('Private note') && ratings === 1) return 'Mine alone';
      return o.default ?? '';
    },
  };
  return { asker, log };
}

describe('the interactive session over a scripted asker', () => {
  it('walks a whole Ohio assessment, goes back once, autosaves every answer', async () => {
    const ohio = profileOf('ohio-process-coaching');
    const saves: PracticeRecord[] = [];
    const { asker, log } = fakeCoach();
    const d = await runSession({
      profile: ohio,
      draft: newDraft(ohio),
      asker,
      ch: new Chalk({ level: 0 }),
      save: (r) => {
        saves.push(structuredClone(r));
        return 'x.yaml';
      },
    });
    expect(d.rec.status).toBe('complete');
    expect(d.rec.group).toEqual({ state: 'OH' });
    expect(d.rec.cycle).toBe('2025-26');
    expect(d.rec.notes).toEqual({ 'communication.method': 'Mine alone' });
    expect(Object.keys(d.rec.ratings)).toHaveLength(9);
    expect(d.rec.improvementAreas).toEqual(['communication.methods-range', { text: 'Video feedback' }]);
    expect(d.rec.actionSteps?.map((s) => s.text)).toEqual(['Do thing 1', 'Do thing 2']);
    expect(d.rec.priorities?.length).toBeGreaterThan(0);
    // context + 9 ratings + rating 2 again (after Back, at its note) + areas + priorities + 3 step questions + review,
    // and each of those 10 ratings is also saved once before its note is asked, and the areas once when the
    // list is ticked and once when the own area is entered, the priorities once per pick, and each of the two
    // steps once when its text is entered and once when its link is chosen.
    expect(saves).toHaveLength(34);
    expect(saves.at(-1)?.status).toBe('complete');
    expect(saves.slice(0, -1).every((s) => s.status === 'draft')).toBe(true);
    // 9, and the one left with Back; Back lands on rating 2's note (its last part), so its level is not asked again
    expect(log.filter((l) => l.startsWith('select Where')).length).toBe(10);
    expect(log.filter((l) => l.startsWith('input Private note')).length).toBe(10); // 9, and rating 2's again
    expect(recordErrors(serializeRecord(d.rec), ohio)).toEqual([]);
  });
});

describe('plain mode', () => {
  it('asks questions line by line, numbered choices or names; < goes back, Enter takes the default', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    const a = new PlainAsker(input, output);
    input.write('x\n2\n<\n\n1,3\nhello\npink\nYEL\n');
    const choices = [
      { value: 'g', label: 'Green' },
      { value: 'y', label: 'Yellow', hint: 'moderately' },
      { value: 'p', label: 'Pink' },
    ];
    expect(await a.select({ message: 'Where?', choices, back: true })).toBe('y');
    expect(await a.select({ message: 'Where?', choices, back: true })).toBe(BACK);
    expect(await a.select({ message: 'Where?', choices, default: 'p' })).toBe('p');
    expect(await a.checkbox({ message: 'Tick', choices })).toEqual(['g', 'p']);
    expect(await a.input({ message: 'Note' })).toBe('hello');
    expect(await a.select({ message: 'Where?', choices })).toBe('p'); // a level typed by name
    expect(await a.select({ message: 'Where?', choices })).toBe('y');
    a.close();
    expect(text).toContain('? Where?\n   1) Green\n   2) Yellow\n        moderately\n   3) Pink\n');
    expect(text).toContain('? Note');
    expect(text).toContain('Please type a number from 1 to 3 or the start of a name, or < to go back.');
    expect(text).not.toMatch(/\u001b\[/); // no escape codes: nothing is redrawn
  });
  it('stops (does not hang) when input ends', async () => {
    const input = new PassThrough();
    const a = new PlainAsker(input, new PassThrough());
    input.end();
    await expect(a.input({ message: 'Note' })).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});

describe('review: any answer can be changed before saving', () => {
  it('changing a rating from the review re-asks the priorities, then returns to the review', async () => {
    const sbic = profileOf('sbic@2024');
    const asked: string[] = [];
    let reviews = 0;
    const asker: Asker = {
      say: () => {},
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        asked.push(o.message);
        if (o.message.startsWith('Save, or change')) return (reviews++ === 0 ? 'rating:0' : 'save') as T;
        if (o.message.startsWith('Where is your practice'))
          return (reviews === 1 ? 'far-from-proficient' : 'exemplary') as T;
        if (o.message.startsWith('Priority')) return (o.choices.find((c) => c.value === '') ?? o.choices[0]).value;
        return o.default ?? o.choices[0].value;
      },
      async checkbox() {
        return [];
      },
      async input(o: { message: string; default?: string }) {
        const step = /^Action step (\d)/.exec(o.message);
        if (step) return Number(step[1]) <= 2 ? `Step ${step[1]}` : '';
        return o.default ?? '';
      },
    };
    const d = await runSession({
      profile: sbic,
      draft: newDraft(sbic),
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
    });
    expect(d.rec.ratings.relationships).toBe('far-from-proficient');
    expect(d.rec.priorities).toEqual(['relationships']);
    expect(asked.filter((m) => m.startsWith('Save, or change'))).toHaveLength(2);
    expect(asked.filter((m) => m.startsWith('Priority 1'))).toHaveLength(1); // only asked once something was below target
    expect(recordErrors(serializeRecord(d.rec), sbic)).toEqual([]);
  });
});

describe('stopping at the note prompt', () => {
  it('keeps the rating just chosen (saved before the note is asked)', async () => {
    const sbic = profileOf('sbic@2014');
    const saves: PracticeRecord[] = [];
    const stop = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    const asker: Asker = {
      say: () => {},
      async select<T>(o: { message: string; choices: Choice<T>[] }) {
        return o.choices[2].value; // Close to Proficient
      },
      async checkbox() {
        return [];
      },
      async input(o: { message: string; default?: string }) {
        if (o.message.startsWith('Private note')) throw stop; // Ctrl-C
        return '';
      },
    };
    await expect(
      runSession({
        profile: sbic,
        draft: newDraft(sbic),
        asker,
        ch: new Chalk({ level: 0 }),
        save: (r) => {
          saves.push(structuredClone(r));
          return 'x.yaml';
        },
      }),
    ).rejects.toBe(stop);
    expect(saves.at(-1)?.ratings).toEqual({ relationships: 'close-to-proficient' });
  });
});

describe('a step that loses its priority', () => {
  it('is said on screen, not dropped silently', async () => {
    const sbic = profileOf('sbic@2014');
    // Everything answered by the scripted coach: two priorities, each with a linked step.
    let d = newDraft(sbic);
    for (let q = nextQuestion(sbic, d); q.kind !== 'review'; q = nextQuestion(sbic, d))
      d = applyAnswer(sbic, d, q, scriptedAnswer(sbic, d, q));
    const linked = d.rec.actionSteps!.map((s) => s.for);
    expect(linked.every(Boolean)).toBe(true);
    // In the review the coach picks the priorities again, keeping only the first one.
    const said: string[] = [];
    let reviews = 0;
    const asker: Asker = {
      say: (t) => said.push(t),
      async select<T>(o: { message: string; choices: Choice<T>[] }) {
        if (o.message.startsWith('Save, or change')) return (reviews++ === 0 ? 'priorities' : 'save') as T;
        if (o.message.startsWith('Priority 1')) return d.rec.priorities![0] as T;
        return (o.choices.find((c) => c.value === '') ?? o.choices[0]).value; // "That is all"
      },
      async checkbox() {
        return [];
      },
      async input(o: { default?: string }) {
        return o.default ?? '';
      },
    };
    const out = await runSession({ profile: sbic, draft: d, asker, ch: new Chalk({ level: 0 }), save: () => 'x.yaml' });
    expect(out.rec.priorities).toEqual([d.rec.priorities![0]]);
    expect(out.rec.actionSteps![1].for).toBeUndefined();
    expect(said.join('\n')).toContain('Action step 2 ("Step 2") is no longer linked to a priority');
  });
});

describe('a note left open with "<" is come back to, not skipped', () => {
  it('level 3 saved, "<" from its note and its level to rating 2\'s note; forward again asks note 3', async () => {
    const ohio = profileOf('ohio-process-coaching');
    const log: string[] = [];
    let rating = 0;
    let backs = 0;
    const asker: Asker = {
      say: (t) => log.push(`say ${t}`),
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Where is your practice')) {
          rating++;
          log.push(`rating ${rating}`);
          // The second asking of rating 3's level (after "<" from its note): "<" again, to rating 2.
          if (rating === 4 && backs === 1) {
            backs++;
            return BACK;
          }
          return o.default ?? o.choices[1].value;
        }
        if (o.message.startsWith('Priority')) return (o.choices.find((c) => c.value === '') ?? o.choices[0]).value;
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        return o.default ?? o.choices[0].value;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input(o: { message: string; default?: string }) {
        log.push(`input ${o.message}`);
        // Rating 3's note, the first time: "<" (to its level).
        if (o.message.startsWith('Private note') && rating === 3 && backs === 0) {
          backs++;
          return '<' as unknown as string;
        }
        if (o.message.startsWith('Private note')) return `note after rating ${rating}`;
        if (o.message.startsWith('Action step')) return /step [12]/.test(o.message) ? 'Do it' : '';
        return o.default ?? '';
      },
    };
    // "<" typed in a text answer is BACK: the asker's job; here the fake returns BACK itself.
    const real = asker.input;
    asker.input = async (o) => {
      const got = await real(o);
      return got === '<' ? BACK : got;
    };
    const d = await runSession({
      profile: ohio,
      draft: newDraft(ohio),
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
    });
    const items = Object.keys(d.rec.ratings);
    expect(items).toHaveLength(9);
    // Rating 3 has its note: asked again at its note ("Your rating (saved)") when going forward.
    const third = ohio.sections.flatMap((s) => s.criteria)[2].id;
    expect(d.rec.notes?.[third]).toBeDefined();
    expect(log.some((l) => l.startsWith('say Your rating (saved):'))).toBe(true);
  });
});

describe('--resume in a note, then "<" twice and forward again', () => {
  it('the note left open when the last session stopped is asked again, not skipped as answered', async () => {
    const ohio = profileOf('ohio-process-coaching');
    const ids = ohio.sections.flatMap((s) => s.criteria).map((c) => c.id);
    const draft = newDraft(ohio);
    draft.rec.group = { state: 'OH' };
    draft.rec.cycle = '2025-26';
    draft.rec.ratings = { [ids[0]]: 'green', [ids[1]]: 'green', [ids[2]]: 'yellow' };
    draft.rec.notes = { [ids[0]]: 'one', [ids[1]]: 'two' };
    const notes: string[] = [];
    let backs = 0;
    const asker: Asker = {
      say: () => {},
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Where is your practice')) {
          if (backs === 1) {
            backs++;
            return BACK; // rating 3's level, reached with "<" from its note: "<" again
          }
          return o.default ?? o.choices[0].value;
        }
        if (o.message.startsWith('Priority')) return (o.choices.find((c) => c.value === '') ?? o.choices[0]).value;
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        return o.default ?? o.choices[0].value;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input(o: { message: string; default?: string }) {
        if (o.message.startsWith('Private note')) {
          notes.push(o.default ?? '');
          if (backs === 0) {
            backs++;
            return BACK; // the resumed note of rating 3: "<" to its level
          }
          return o.default ?? `new note ${notes.length}`;
        }
        if (o.message.startsWith('Action step')) return /step [12]/.test(o.message) ? 'Do it' : '';
        return o.default ?? '';
      },
    };
    const d = await runSession({
      profile: ohio,
      draft: { rec: draft.rec, contextDone: true },
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
      start: { kind: 'rating', item: ids[2], index: 2, total: ids.length, noteOpen: true },
    });
    // Back at rating 2's note ("two" kept), then forward: rating 3's note is asked, not skipped.
    expect(notes.slice(0, 3)).toEqual(['', 'two', '']);
    expect(d.rec.notes?.[ids[2]]).toBe('new note 3');
    expect(d.rec.ratings[ids[2]]).toBe('yellow');
  });
});

describe('priorities are saved pick by pick', () => {
  it('each pick is saved at once; resumed in the question, the saved picks stay picked', async () => {
    const { ohio, rec } = ohioRated();
    const saves: (string[] | undefined)[] = [];
    let picks = 0;
    const defaults: (string | undefined)[] = [];
    const priorityAsker = (stopAfter: number): Asker => ({
      say: () => {},
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Priority')) {
          defaults.push(o.default as string | undefined);
          if (++picks > stopAfter) throw Object.assign(new Error('stopped'), { name: 'ExitPromptError' });
          return o.choices.filter((c) => c.value !== '')[1].value;
        }
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        return o.default ?? o.choices[0].value;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input(o: { message: string; default?: string }) {
        if (o.message.startsWith('Action step')) return /step [12]/.test(o.message) ? 'Do it' : '';
        return o.default ?? '';
      },
    });
    const save = (r: PracticeRecord) => {
      saves.push(r.priorities && [...r.priorities]);
      return 'x.yaml';
    };
    // Two picks, then Ctrl-C at the third: both picks are on disk.
    await expect(
      runSession({
        profile: ohio,
        draft: { rec: structuredClone(rec), contextDone: true },
        asker: priorityAsker(2),
        ch: new Chalk({ level: 0 }),
        save,
        start: { kind: 'priorities' },
      }),
    ).rejects.toThrow('stopped');
    const saved = saves.at(-1)!;
    expect(saved).toHaveLength(2);
    // Resumed in the question: the two stay picked, the next pick is priority 3.
    picks = 0;
    const d = await runSession({
      profile: ohio,
      draft: { rec: { ...structuredClone(rec), priorities: saved }, contextDone: true },
      asker: priorityAsker(1),
      ch: new Chalk({ level: 0 }),
      save,
      start: { kind: 'priorities', resumed: true },
    }).catch((e) => e);
    expect(d).toBeInstanceOf(Error); // stopped again at priority 4, after one more pick
    // The cursor of the resumed question started on an item, not on "That is all my priorities".
    expect(defaults.at(-2)).not.toBe('');
    expect(saves.at(-1)).toHaveLength(3);
    expect(saves.at(-1)!.slice(0, 2)).toEqual(saved);
  });
});

describe('going back, then forward again', () => {
  it('walks through the questions stepped back over (answers as defaults), not past them', async () => {
    const ohio = profileOf('ohio-process-coaching');
    const heard: string[] = [];
    let levels = 0;
    let notes = 0;
    const script: Record<string, 'back'> = { 'level 3': 'back', 'note 3': 'back', 'level 4': 'back' };
    const asker: Asker = {
      say: (t) => {
        const m = /Rating (\d) of 9/.exec(t);
        if (m) heard.push(`rating ${m[1]}`);
      },
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Where is your practice')) {
          levels++;
          heard.push(`level${o.default ? ' (default)' : ''}`);
          if (script[`level ${levels}`]) return BACK;
          return o.default ?? o.choices[1].value;
        }
        if (o.message.startsWith('Priority')) return (o.choices.find((c) => c.value === '') ?? o.choices[0]).value;
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        return o.default ?? o.choices[0].value;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input(o: { message: string; default?: string }) {
        if (o.message.startsWith('Private note')) {
          notes++;
          heard.push('note');
          if (script[`note ${notes}`]) return BACK;
          return o.default ?? `note ${notes}`;
        }
        if (o.message.startsWith('Action step')) return /step [12]/.test(o.message) ? 'Do it' : '';
        return o.default ?? '';
      },
    };
    await runSession({
      profile: ohio,
      draft: { rec: { ...newDraft(ohio).rec, group: { state: 'OH' } }, contextDone: true },
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
    });
    // 1, 2, then "<" at 3 (to 2's note), "<" (2's level), "<" (1's note); forward: 2 again, then 3.
    expect(heard.slice(0, 16)).toEqual([
      'rating 1',
      'level',
      'note',
      'rating 2',
      'level',
      'note',
      'rating 3',
      'level',
      'rating 2',
      'note',
      'rating 2',
      'level (default)',
      'rating 1',
      'note',
      'rating 2',
      'level (default)',
    ]);
    expect(heard[16]).toBe('note');
    expect(heard[17]).toBe('rating 3');
  });
});

describe('"<" lands on the last part of the question before', () => {
  it("from step 2 to step 1's due date; from step 1 to the priorities, the picks kept", async () => {
    const { ohio, ids, rec } = ohioRated();
    const heard: string[] = [];
    // What the coach does at each asking, in order; Enter (the default) when the list runs out.
    const script: unknown[] = [
      ids[0], // Priority 1
      '', // Priority 2: That is all
      'Step one', // Action step 1 text
      ids[0], // the priority it addresses
      '2099-01-01', // its due date
      BACK, // Action step 2 text: "<" -> step 1's due date
      BACK, // step 1's due date: "<" -> its link
      BACK, // its link: "<" -> its text
      BACK, // step 1's text: "<" -> the priorities, picks kept
    ];
    const next = (o: { message: string; default?: unknown }) => {
      heard.push(o.message.replace(/ \(.*$/, '').replace(/\?.*$/, ''));
      return script.length ? script.shift() : o.default;
    };
    const asker: Asker = {
      say: (t) => {
        if (t.startsWith('Your priorities so far')) heard.push(t);
      },
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        const got = next(o);
        if (got === undefined && o.message.startsWith('Priority')) return '' as T; // That is all
        return (got ?? o.choices[0].value) as T;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input(o: { message: string; default?: string }) {
        const got = next(o);
        return (got ?? (/Action step [12]/.test(o.message) ? 'Do it' : '')) as string;
      },
    };
    await runSession({
      profile: ohio,
      draft: { rec, contextDone: true },
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
      start: { kind: 'priorities' },
    });
    expect(heard.slice(0, 11)).toEqual([
      'Priority 1',
      'Priority 2',
      'Action step 1: what will you do',
      'Which priority does it address',
      'Due date',
      'Action step 2: what will you do',
      'Due date', // step 1's, its last part
      'Which priority does it address',
      'Action step 1: what will you do',
      expect.stringMatching(/^Your priorities so far: 1\) /),
      'Priority 2', // the pick kept; "That is all" or "<" from here
    ]);
  });
});

describe('going back never discards a step typed but not yet finished', () => {
  it('step 2 typed, "<" back past its text to step 1: forward again, step 2 comes back as the default', async () => {
    const { ohio, ids, rec } = ohioRated();
    rec.priorities = [ids[0]];
    const defaults: Record<string, unknown[]> = {};
    const script: unknown[] = [
      'Step one',
      ids[0],
      '2099-01-01', // step 1
      'Step two',
      ids[0],
      BACK,
      BACK,
      BACK, // step 2: typed and linked, then "<" at its due, link and text
      undefined, // step 1's due date again: Enter
      undefined,
      undefined,
      '2099-02-01', // step 2: Enter keeps its text and link; a due date
      '', // step 3: none
    ];
    const next = (o: { message: string; default?: unknown }) => {
      const k = o.message.replace(/[:?(].*$/, '').trim();
      (defaults[k] ??= []).push(o.default);
      const got = script.length ? script.shift() : undefined;
      return got === undefined ? o.default : got;
    };
    const asker: Asker = {
      say: () => {},
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        return (next(o) ?? o.choices[0].value) as T;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input(o: { message: string; default?: string }) {
        return (next(o) ?? '') as string;
      },
    };
    const d = await runSession({
      profile: ohio,
      draft: { rec, contextDone: true },
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
      start: { kind: 'step', index: 0, optional: false },
    });
    expect(defaults['Action step 2']).toEqual([undefined, 'Step two', 'Step two']);
    expect(d.rec.actionSteps?.map((s) => [s.text, s.due])).toEqual([
      ['Step one', '2099-01-01'],
      ['Step two', '2099-02-01'],
    ]);
  });
});

describe('"<" in the priorities', () => {
  it('undoing a pick puts the cursor back on it, so Enter does not swap the top priority', async () => {
    const { ohio, ids, rec } = ohioRated();
    const seen: { message: string; default?: unknown }[] = [];
    const script: unknown[] = [ids[2], BACK, undefined, ''];
    const asker: Asker = {
      say: () => {},
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        if (o.message.startsWith('Priority')) {
          seen.push({ message: o.message, default: o.default });
          const got = script.shift();
          return (got === undefined ? o.default : got) as T;
        }
        return o.default ?? o.choices[0].value;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input(o: { message: string; default?: string }) {
        return o.default ?? (/Action step [12]/.test(o.message) ? 'Do it' : '');
      },
    };
    const d = await runSession({
      profile: ohio,
      draft: { rec, contextDone: true },
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
      start: { kind: 'priorities' },
    });
    expect(seen[2]).toEqual({ message: 'Priority 1', default: ids[2] });
    expect(d.rec.priorities).toEqual([ids[2]]);
  });
});

describe('an action step is saved as soon as its text is entered', () => {
  it('Ctrl-C at its priority link: the text is in the draft already', async () => {
    const { ohio, ids, rec } = ohioRated();
    rec.priorities = [ids[0]];
    const saves: PracticeRecord[] = [];
    const asker: Asker = {
      say: () => {},
      async select<T>(o: { message: string }) {
        if (o.message.startsWith('Which priority'))
          throw Object.assign(new Error('stopped'), { name: 'ExitPromptError' });
        return undefined as T;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input() {
        return 'Ask teams for one data point each meeting';
      },
    };
    await expect(
      runSession({
        profile: ohio,
        draft: { rec, contextDone: true },
        asker,
        ch: new Chalk({ level: 0 }),
        save: (r) => {
          saves.push(structuredClone(r));
          return 'x.yaml';
        },
        start: { kind: 'step', index: 0, optional: false },
      }),
    ).rejects.toThrow('stopped');
    expect(saves.at(-1)?.actionSteps?.map((s) => s.text)).toEqual(['Ask teams for one data point each meeting']);
  });
});

describe('"-" at one of last time\'s steps, then "<"', () => {
  it('offers the step left out again at the same place', async () => {
    const draft = newDraft(profileOf('ohio-process-coaching'));
    const ohio = profileOf('ohio-process-coaching');
    const ids = ohio.sections.flatMap((s) => s.criteria).map((c) => c.id);
    draft.rec.group = { state: 'OH' };
    for (const id of ids) draft.rec.ratings[id] = 'yellow';
    draft.rec.improvementAreas = [];
    draft.rec.priorities = [ids[0]];
    draft.contextDone = true;
    draft.defaults = {
      lastTime: { date: '2025-09-14', ratings: {}, priorities: [] },
      actionSteps: [{ text: 'Step A' }, { text: 'Step B' }],
    };
    const offered: (string | undefined)[] = [];
    const script: unknown[] = ['-', BACK, undefined];
    const asker: Asker = {
      say: () => {},
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        return (o.default ?? o.choices[0].value) as T;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input(o: { message: string; default?: string }) {
        if (o.message.startsWith('Action step 1')) {
          offered.push(o.default);
          const got = script.length ? script.shift() : undefined;
          return (got === undefined ? o.default : got) as string;
        }
        if (o.message.startsWith('Action step 2')) return o.default ?? 'Another';
        return o.default ?? '';
      },
    };
    const d = await runSession({
      profile: ohio,
      draft,
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
      start: { kind: 'step', index: 0, optional: false },
    });
    expect(offered.slice(0, 3)).toEqual(['Step A', 'Step B', 'Step A']);
    expect(d.rec.actionSteps?.[0].text).toBe('Step A');
  });
});

describe("--resume after a stop at a step's link", () => {
  it('asks that step\'s link (not taken as "not linked") and due date, then goes on', async () => {
    const { ohio, ids, rec } = ohioRated();
    rec.priorities = [ids[0]];
    rec.actionSteps = [{ text: 'Plan three open questions', status: 'planned' }];
    const asked: { message: string; default?: unknown }[] = [];
    const asker: Asker = {
      say: () => {},
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        asked.push({ message: o.message, default: o.default });
        return (o.default ?? o.choices[0].value) as T;
      },
      async checkbox<T>() {
        return [] as T[];
      },
      async input(o: { message: string; default?: string }) {
        asked.push({ message: o.message.replace(/ \(.*$/, ''), default: o.default });
        if (o.message.startsWith('Due date')) return '2099-01-01';
        return o.default ?? (o.message.startsWith('Action step 2') ? 'Second' : '');
      },
    };
    const d = await runSession({
      profile: ohio,
      draft: { rec, contextDone: true },
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
      start: { kind: 'step', index: 0, optional: false, atLink: true },
    });
    expect(asked[0]).toEqual({ message: 'Which priority does it address?', default: ids[0] });
    expect(asked[1].message).toBe('Due date');
    expect(d.rec.actionSteps?.[0]).toMatchObject({ text: 'Plan three open questions', for: ids[0], due: '2099-01-01' });
  });
});
