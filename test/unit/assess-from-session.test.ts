// `assess --from` in the session (cold-trial fixes): last time's answers are shown, labelled, and never
// picked by Enter for a rating, a tick or a priority; Back from the ticks keeps them; --plain says what was
// chosen and keeps every number. Over a scripted asker and PlainAsker: no terminal.
import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { applyKnownAnswers, completeWithoutPrompts, readAnswersFile } from '../../src/assess/answers.js';
import { applyAnswer, newDraft, type Draft } from '../../src/assess/flow.js';
import { defaultsFromRecord } from '../../src/assess/from.js';
import { partialNote } from '../../src/assess/summary.js';
import { askQuestion, keptLastNote, noteQuestion } from '../../src/prompts/ask-question.js';
import { BACK, type Asker, type BackWithTicks, type Choice } from '../../src/prompts/asker.js';
import { PlainAsker } from '../../src/prompts/plain-asker.js';
import { runSession } from '../../src/prompts/session.js';
import { ratedItems } from '../../src/profile/model.js';
import { profileOf } from './assess-helpers.js';

const ohio = profileOf('ohio-process-coaching');
const fx = (f: string) => new URL(`../fixtures/assess/${f}`, import.meta.url).pathname;
const ch = new Chalk({ level: 0 });

/** Last year's complete Ohio record, and a new draft started --from it. */
function fromLastYear(): Draft {
  const last = completeWithoutPrompts(
    ohio,
    applyKnownAnswers(ohio, newDraft(ohio), readAnswersFile(fx('ohio-answers.yaml'))),
  );
  return newDraft(ohio, { defaults: defaultsFromRecord(ohio, last.rec, ohio) });
}

interface Seen {
  selects: { message: string; default?: unknown; labels: string[] }[];
  checkboxes: { checked?: unknown[]; labels: string[] }[];
  inputs: { message: string; default?: string }[];
  said: string[];
}

/** A coach who takes the first level everywhere and presses Enter on every text. */
function enterCoach(seen: Seen, onCheckbox?: (n: number) => unknown): Asker {
  let boxes = 0;
  let steps = 0;
  return {
    say: (t) => seen.said.push(t),
    async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
      seen.selects.push({ message: o.message, default: o.default, labels: o.choices.map(shown) });
      if (o.message.startsWith('Save, or change')) return 'save' as T;
      if (o.message.startsWith('Priority')) return (o.choices.find((c) => c.value === '') ?? o.choices[0]).value;
      return o.default ?? o.choices[0].value;
    },
    async checkbox<T>(o: { choices: Choice<T>[]; checked?: T[] }): Promise<T[] | BackWithTicks<T>> {
      seen.checkboxes.push({ checked: o.checked, labels: o.choices.map(shown) });
      return ((onCheckbox?.(boxes++) as T[] | BackWithTicks<T>) ?? o.checked ?? []) as T[] | BackWithTicks<T>;
    },
    async input(o: { message: string; default?: string }) {
      seen.inputs.push({ message: o.message, default: o.default });
      if (o.message.startsWith('Action step') && o.default === undefined)
        return steps++ < 2 && !o.message.includes('Enter with no text') ? 'A new step' : '';
      return o.default ?? '';
    },
  };
}

/** A choice as the list shows it: its label and its tag. */
const shown = <T>(c: Choice<T>) => (c.tag ? `${c.label} ${c.tag}` : c.label);

const newSeen = (): Seen => ({ selects: [], checkboxes: [], inputs: [], said: [] });

describe('assess --from: last time is shown, never silently copied', () => {
  it('rating: the cursor is not on last time\'s level, which is marked; the note is offered as "last time\'s"', async () => {
    const seen = newSeen();
    const d = await runSession({
      profile: ohio,
      draft: fromLastYear(),
      asker: enterCoach(seen),
      ch,
      save: () => 'x.yaml',
    });
    const ratings = seen.selects.filter((s) => s.message === 'Where is your practice now?');
    expect(ratings).toHaveLength(9);
    expect(ratings.every((s) => s.default === undefined)).toBe(true);
    expect(ratings[2].labels).toContain('Yellow - moderately practising (last time)'); // pausing was yellow
    // Enter (the first level) gives Green everywhere: nothing of last year's Pink or Yellow slipped in.
    expect(new Set(Object.values(d.rec.ratings))).toEqual(new Set(['green']));
    expect(seen.said).toContain('Last time\'s note: "I tend to ask closed questions when we are short of time."');
    // Enter skips the note, as at every item: last time's note is not copied unasked.
    const note = seen.inputs.find((i) => i.message.includes("last time's note"));
    expect(note).toEqual({
      message: "Private note (optional; Enter to skip, type same to keep last time's note)",
      default: undefined,
    });
    expect(d.rec.notes).toBeUndefined();
  });

  it('"same" keeps last time\'s note, said back, and the review marks it as last time\'s', async () => {
    for (const plain of [false, true]) {
      const seen = newSeen();
      const coach = enterCoach(seen);
      const asker: Asker = {
        ...coach,
        plain,
        input: async (o) => (o.message.includes("type same to keep last time's note") ? 'Same' : coach.input(o)),
      };
      const d = await runSession({ profile: ohio, draft: fromLastYear(), asker, ch, save: () => 'x.yaml' });
      const item = Object.keys(d.rec.notes ?? {})[0];
      // Saved saying whose words they are, so the report a partner reads does not pass them off as this year's.
      expect(d.rec.notes).toEqual({
        [item]: "Last time's note (2025-09-20): I tend to ask closed questions when we are short of time.",
      });
      expect(seen.said).toContain("Kept last time's note.");
      const review = seen.said.find((t) => t.includes('Review your answers'))!;
      expect(review.replace(/[│\s]+/g, ' ')).toMatch(
        plain ? /Note: Last time's note \(2025-09-20\): I tend to ask closed questions/ : /note: Last time's note/,
      );
    }
  });

  it('areas: ticked last time = marked "(last time)", not ticked; last time\'s own area offered, not ticked', async () => {
    const seen = newSeen();
    await runSession({ profile: ohio, draft: fromLastYear(), asker: enterCoach(seen), ch, save: () => 'x.yaml' });
    const box = seen.checkboxes[0];
    expect(box.checked).toEqual([]);
    expect(box.labels.filter((l) => l.endsWith('(last time)'))).toEqual([
      'Learning and practising powerful questioning that draws out deeper thinking, especially on content that challenges current practices or habits of mind (last time)',
      'Using video for feedback (your own) (last time)',
    ]);
  });

  it("steps: last time's unfinished step is offered by name, Enter keeps it as the question says", async () => {
    const seen = newSeen();
    // Last year's steps are both planned (not done), so both come back.
    const d = await runSession({
      profile: ohio,
      draft: fromLastYear(),
      asker: enterCoach(seen),
      ch,
      save: () => 'x.yaml',
    });
    // Said wrapped to the width (80 when not a terminal): compared with the line breaks as spaces.
    expect(seen.said.map((s) => s.replace(/\s+/g, ' '))).toContain(
      'Last time\'s step, not done yet: "Plan three open questions before each team meeting"',
    );
    expect(seen.inputs.find((i) => i.message.startsWith('Action step 1'))?.message).toBe(
      "Action step 1: what will you do? (Enter keeps last time's step, - leaves it out, or type a new one)",
    );
    expect(d.rec.actionSteps?.map((s) => s.text)).toEqual([
      'Plan three open questions before each team meeting',
      'Ask a partner coach to observe one feedback conversation',
    ]);
  });
});

describe("last time's note, every time the note is asked", () => {
  it('"<" back to a note, and "Change rating" from the review: last time\'s note shown, "same" keeps it', async () => {
    for (const q of [{ atNote: true }, {}]) {
      const draft = fromLastYear();
      const item = Object.keys(draft.defaults!.notes!)[0];
      const items = ratedItems(ohio);
      const index = items.findIndex((i) => i.id === item);
      draft.rec.ratings[item] = 'yellow';
      const seen = newSeen();
      const coach = enterCoach(seen);
      const asker: Asker = {
        ...coach,
        input: async (o) => {
          if (!o.message.startsWith('Private note')) return coach.input(o);
          seen.inputs.push(o);
          return 'same';
        },
      };
      const got = await askQuestion(asker, ohio, draft, { kind: 'rating', item, index, total: items.length, ...q }, ch);
      expect(got).toEqual({
        kind: 'rating',
        level: 'yellow',
        note: `Last time's note (2025-09-20): ${draft.defaults!.notes![item]}`,
      });
      expect(seen.said.some((t) => t.startsWith("Last time's note:"))).toBe(true);
      expect(seen.inputs[0].message).toBe("Private note (optional; Enter to skip, type same to keep last time's note)");
    }
  });

  it('a kept note says so once, with the first date it was written', () => {
    expect(keptLastNote('Teams jump.', '2025-09-14')).toBe("Last time's note (2025-09-14): Teams jump.");
    expect(keptLastNote("Last time's note (2024-09-12): Teams jump.", '2025-09-14')).toBe(
      "Last time's note (2024-09-12): Teams jump.",
    );
  });

  it('the note question says what Enter keeps', () => {
    expect(noteQuestion(undefined, undefined)).toBe('Private note (optional, Enter to skip)');
    expect(noteQuestion('mine', undefined)).toBe('Private note (optional, Enter to keep, - to clear)');
    expect(noteQuestion('then', 'then')).toBe("Private note (optional; Enter keeps last time's note, - to clear)");
    expect(noteQuestion('mine', 'then')).toBe(
      "Private note (optional; Enter keeps yours, - to clear, same for last time's)",
    );
  });
});

describe("last time's unfinished steps are never dropped unseen", () => {
  it('"-" leaves one out and the next is offered at the same step; the review names every one not in the plan', async () => {
    const draft = fromLastYear();
    draft.defaults!.actionSteps = [
      { text: 'Step A from last year' },
      { text: 'Step B from last year' },
      { text: 'Step C from last year' },
    ];
    const seen = newSeen();
    const coach = enterCoach(seen);
    const typed = ['', '-', 'A new step', '-', ''];
    const asker: Asker = {
      ...coach,
      input: async (o) => {
        if (!o.message.startsWith('Action step')) return coach.input(o);
        seen.inputs.push({ message: o.message, default: o.default });
        const t = typed.shift()!;
        return t === '' ? (o.default ?? '') : t;
      },
    };
    const d = await runSession({ profile: ohio, draft, asker, ch, save: () => 'x.yaml' });
    expect(d.rec.actionSteps?.map((s) => s.text)).toEqual(['Step A from last year', 'A new step']);
    const steps = seen.inputs.filter((i) => i.message.startsWith('Action step'));
    expect(steps.map((i) => [i.message.slice(0, 13), i.default])).toEqual([
      ['Action step 1', 'Step A from last year'],
      ['Action step 2', 'Step B from last year'],
      ['Action step 2', 'Step C from last year'], // B left out: C offered at the same step
      ['Action step 3', 'Step C from last year'], // a new text at 2: C offered again
      ['Action step 3', undefined], // C left out too: a step of your own, or Enter to finish
    ]);
    expect(steps[1].message).toContain("(Enter keeps last time's step, - leaves it out, or type a new one)");
    expect(seen.said).toContain('Left out of this plan: "Step B from last year" (it stays in last time\'s record).');
    const notIn = seen.said.find((t) => t.startsWith("Last time's unfinished steps not in this plan"));
    expect(notIn).toContain('  - Step B from last year');
    expect(notIn).toContain('  - Step C from last year');
  });
});

describe('Back from the improvement-area ticks keeps them', () => {
  it('the ticks made before "<" are saved and ticked again when the coach comes back', async () => {
    const seen = newSeen();
    const saves: unknown[] = [];
    const asker = enterCoach(seen, (n) =>
      n === 0 ? { back: BACK, ticked: ['communication.relationship-building'] } : undefined,
    );
    const d = await runSession({
      profile: ohio,
      draft: newDraft(ohio),
      asker,
      ch,
      save: (r) => {
        saves.push(structuredClone(r.improvementAreas));
        return 'x.yaml';
      },
    });
    // Back went to rating 9 at its note (its level not asked again), then the ticks came back with the tick.
    const asked = seen.selects.map((s) => s.message);
    expect(asked.filter((m) => m === 'Where is your practice now?')).toHaveLength(9);
    expect(seen.inputs.filter((i) => i.message.startsWith('Private note'))).toHaveLength(10);
    expect(seen.said).toContain('Your rating: Green - fully practising (< to change it)');
    expect(seen.checkboxes).toHaveLength(2);
    expect(seen.checkboxes[1].checked).toEqual(['communication.relationship-building']);
    expect(saves).toContainEqual(['communication.relationship-building']); // saved before going back
    expect(d.rec.improvementAreas).toEqual(['communication.relationship-building']);
  });
});

function plain(lines: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (b: Buffer) => (text += b.toString()));
  input.write(lines);
  return { a: new PlainAsker(input, output), text: () => text };
}

describe('--plain (screen readers)', () => {
  it('says the level chosen: "Rated: ..."', async () => {
    const { a, text } = plain('yel\n\n');
    const d = applyAnswer(ohio, newDraft(ohio), { kind: 'context' }, { kind: 'context' });
    const got = await askQuestion(a, ohio, d, { kind: 'rating', item: 'communication.method', index: 0, total: 9 }, ch);
    a.close();
    expect(got).toEqual({ kind: 'rating', level: 'yellow', note: '' });
    expect(text()).toContain('   Rated: Yellow - moderately practising\n');
  });

  it('the tick list takes "a" for all', async () => {
    const { a, text } = plain('a\n');
    const choices = [
      { value: 'x', label: 'One' },
      { value: 'y', label: 'Two' },
    ];
    expect(await a.checkbox({ message: 'Tick', choices, back: true })).toEqual(['x', 'y']);
    a.close();
    expect(text()).toContain('a for all'); // plain: a ticks all (never unticks)
  });

  it('priorities keep their numbers for the whole question; a picked one says so', async () => {
    let d = applyAnswer(ohio, newDraft(ohio), { kind: 'context' }, { kind: 'context' });
    const levels = ['yellow', 'pink', 'yellow', 'green', 'green', 'green', 'green', 'green', 'green'];
    ohio.sections[0].criteria.forEach((c, index) => {
      d = applyAnswer(
        ohio,
        d,
        { kind: 'rating', item: c.id, index, total: 9 },
        { kind: 'rating', level: levels[index] },
      );
    });
    // 2, then 2 again (already picked), then 1, then 4 = "That is all" (3 items, so it is number 4).
    const { a, text } = plain('2\n2\n1\n4\n');
    const got = await askQuestion(a, ohio, d, { kind: 'priorities' }, ch);
    a.close();
    expect(got).toEqual({ kind: 'priorities', priorities: ['communication.rapport', 'communication.method'] });
    const lists = text().split('? Priority').slice(1);
    expect(lists).toHaveLength(4);
    for (const l of lists) {
      expect(l.replace(/\s+/g, ' ')).toMatch(
        / 1\) Identifying .*?\(item 1\), Yellow - moderately practising( \(already priority 2\))? 2\) Building and maintaining rapport \(item 2\), Pink - not meeting( \(already priority 1\))? 3\) Pausing .*?\(item 3\), Yellow - moderately practising/,
      );
    }
    expect(lists[1].replace(/\s+/g, ' ')).toContain(
      '2) Building and maintaining rapport (item 2), Pink - not meeting (already priority 1)',
    );
    expect(lists[1]).toContain('That one is already priority 1');
    // The refusal only: no "Priority 2: ..." said back for a pick that was not taken.
    expect(lists[1]).not.toContain('Priority 2: Building');
    expect(text()).not.toMatch(/Priority 2: .*already priority 1/);
    expect(lists[3]).toMatch(/ {3}4\) That is all my priorities/);
    expect(text()).toContain('   Priority 1: Building and maintaining rapport (item 2), Pink - not meeting\n');
  });
});

describe('a re-asked rating (< from its note) shows its heading and last time again', () => {
  it('plain: "Rating 1 of 9" and "Last time (...)" before each asking', async () => {
    const { a, text } = plain('yel\n<\ngreen\n\n');
    const d = applyAnswer(ohio, fromLastYear(), { kind: 'context' }, { kind: 'context' });
    const got = await askQuestion(
      a,
      ohio,
      d,
      { kind: 'rating', item: 'communication.pausing', index: 2, total: 9 },
      ch,
    );
    a.close();
    expect(got).toEqual({ kind: 'rating', level: 'green', note: '' });
    const askings = text().split('? Where is your practice now?');
    expect(askings).toHaveLength(3);
    for (const before of askings.slice(0, 2)) {
      expect(before).toContain('Rating 3 of 9');
      expect(before).toContain('Last time (');
    }
  });
});

describe('the partial-profile notice', () => {
  it("is the profile's note for coaches (one or two plain sentences), not the maintainers' note", () => {
    expect(partialNote(ohio)).toBe(
      'Only part I of this profile (Effective Communication) could be found: you rate its 9 criteria, and the rest of your process coaching is not covered this time.',
    );
    // sbic@2024 has all its functions; what it lacks is the rubric text below Exemplary.
    expect(partialNote(profileOf('sbic@2024'))).toMatch(/^For the levels below Exemplary, the rubric text/);
    for (const ref of ['ohio-process-coaching', 'sbic@2014', 'sbic@2024']) {
      const note = partialNote(profileOf(ref));
      expect(note.split(/[.:] /).length, note).toBeLessThanOrEqual(3);
      expect(note.length, note).toBeLessThan(200);
    }
  });
});
