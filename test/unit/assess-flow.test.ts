import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import {
  applyAnswer,
  belowTarget,
  isValidDay,
  missingAnswers,
  newDraft,
  nextQuestion,
  previousQuestion,
  questionList,
  type Draft,
  type Question,
} from '../../src/assess/flow.js';
import { DraftFile, findDrafts, loadDraft } from '../../src/assess/store.js';
import { ratedItems } from '../../src/profile/model.js';
import { profileOf, readText, recordErrors, scriptedAnswer, tempDir } from './assess-helpers.js';

function drive(ref: string, dir = tempDir()) {
  const profile = profileOf(ref);
  let d = newDraft(profile);
  const store = new DraftFile(dir);
  const asked: Question[] = [];
  for (let guard = 0; guard < 100 && d.rec.status !== 'complete'; guard++) {
    const q = nextQuestion(profile, d);
    asked.push(q);
    d = applyAnswer(profile, d, q, scriptedAnswer(profile, d, q));
    store.save(d.rec);
    expect(recordErrors(readText(store.file!), profile)).toEqual([]); // every autosave is a valid record
  }
  return { profile, d, asked, file: store.file!, dir };
}

describe('the assessment flow, scripted, for each shipped profile', () => {
  for (const ref of ['sbic@2014', 'sbic@2024', 'ohio-process-coaching@3.15']) {
    it(`${ref}: asks every step in order and saves a valid complete record`, () => {
      const { profile, d, asked, file } = drive(ref);
      const items = ratedItems(profile);
      expect(asked.map((q) => q.kind)).toEqual([
        'context',
        ...items.map(() => 'rating'),
        'areas',
        'priorities',
        'step',
        'step',
        'step',
        'review',
      ]);
      expect(d.rec.status).toBe('complete');
      const text = readText(file);
      expect(text).toMatch(/^status: complete$/m);
      expect(recordErrors(text, profile)).toEqual([]);
      expect(Object.keys(d.rec.ratings)).toEqual(items.map((i) => i.id));
      expect(d.rec.priorities).toEqual(belowTarget(profile, d.rec).map((i) => i.id));
      expect(d.rec.actionSteps).toHaveLength(profile.process.actionSteps.min);
      expect(d.rec.notes).toEqual({ [items[1].id]: 'We rarely agree on times.' });
      expect(d.rec.group).toEqual({ state: 'MO', region: 'Southeast' });
    });
  }
});

describe('going back, resuming, limits', () => {
  const ohio = profileOf('ohio-process-coaching');
  const items = ratedItems(ohio);
  const answerN = (n: number): Draft => {
    let d = newDraft(ohio);
    for (let i = 0; i < n; i++) {
      const q = nextQuestion(ohio, d);
      d = applyAnswer(ohio, d, q, scriptedAnswer(ohio, d, q));
    }
    return d;
  };

  it('goes back one question at a time, and an edit returns to the first unanswered question', () => {
    const d = answerN(4); // context + 3 ratings
    const q = nextQuestion(ohio, d);
    expect(q).toMatchObject({ kind: 'rating', item: items[3].id });
    const back = previousQuestion(ohio, d, q)!;
    expect(back).toMatchObject({ kind: 'rating', item: items[2].id });
    expect(previousQuestion(ohio, d, { kind: 'context' })).toBeUndefined();
    const edited = applyAnswer(ohio, d, back, { kind: 'rating', level: 'pink' });
    expect(edited.rec.ratings[items[2].id]).toBe('pink');
    expect(nextQuestion(ohio, edited)).toMatchObject({ kind: 'rating', item: items[3].id });
  });

  it('resumes a killed draft at the first unanswered question, with nothing lost', () => {
    const dir = tempDir();
    const d = answerN(4);
    const store = new DraftFile(dir);
    store.save(d.rec);
    const drafts = findDrafts(dir);
    expect(drafts.map((x) => x.file)).toEqual([store.file]);
    const resumed: Draft = { rec: loadDraft(store.file!) };
    expect(resumed.rec.ratings).toEqual(d.rec.ratings);
    expect(nextQuestion(ohio, resumed)).toMatchObject({ kind: 'rating', index: 3 });
  });

  it('offers only items rated below target as priorities', () => {
    let d = answerN(1 + items.length);
    const below = belowTarget(ohio, d.rec).map((i) => i.id);
    expect(below.length).toBeGreaterThan(0);
    const atTarget = items.find((i) => !below.includes(i.id))!.id;
    d = applyAnswer(ohio, d, { kind: 'areas' }, { kind: 'areas', areas: [] });
    expect(() => applyAnswer(ohio, d, { kind: 'priorities' }, { kind: 'priorities', priorities: [atTarget] })).toThrow(
      /below target/,
    );
    // All at target: the priorities question is not asked at all.
    let all = newDraft(ohio);
    for (const [index, it] of items.entries())
      all = applyAnswer(
        ohio,
        all,
        { kind: 'rating', item: it.id, index, total: items.length },
        { kind: 'rating', level: 'green' },
      );
    expect(questionList(ohio, all).some((q) => q.kind === 'priorities')).toBe(false);
  });

  it('a changed rating asks the priorities again, keeping the old order as the default', () => {
    let d = answerN(1 + items.length + 2); // ... areas, priorities
    expect(d.rec.priorities).toBeDefined();
    const green = items.find((i) => d.rec.ratings[i.id] === 'green')!;
    d = applyAnswer(
      ohio,
      d,
      { kind: 'rating', item: green.id, index: 0, total: items.length },
      { kind: 'rating', level: 'pink' },
    );
    expect(d.rec.priorities).toBeUndefined();
    expect(nextQuestion(ohio, d)).toEqual({ kind: 'priorities' });
  });

  it('keeps action steps between the profile min and max', () => {
    let d = answerN(1 + items.length + 2);
    const step = (index: number) => ({ kind: 'step' as const, index, optional: index >= 2 });
    expect(() => applyAnswer(ohio, d, step(0), { kind: 'step', step: null })).toThrow(/at least 2/);
    d = applyAnswer(ohio, d, step(0), { kind: 'step', step: { text: 'One' } });
    expect(missingAnswers(ohio, d)).toEqual(['action steps: 1 given, at least 2 needed']);
    expect(() => applyAnswer(ohio, d, { kind: 'review' }, { kind: 'review' })).toThrow(/not finished/);
    // A due date before the record's own day is a slip (a wrong year): refused.
    const year = Number(d.rec.date.slice(0, 4));
    expect(() =>
      applyAnswer(ohio, d, step(1), { kind: 'step', step: { text: 'Two', due: `${year - 1}-12-15` } }),
    ).toThrow(/due date \d{4}-12-15 is before this record's date/);
    d = applyAnswer(ohio, d, step(1), { kind: 'step', step: { text: 'Two', due: `${year + 1}-02-28` } });
    d = applyAnswer(ohio, d, step(2), { kind: 'step', step: { text: 'Three' } });
    expect(nextQuestion(ohio, d)).toEqual({ kind: 'review' }); // max reached: no fourth step offered
    expect(() => applyAnswer(ohio, d, step(3), { kind: 'step', step: { text: 'Four' } })).toThrow(/at most 3/);
    expect(() => applyAnswer(ohio, d, step(1), { kind: 'step', step: { text: 'x', due: '2026-02-30' } })).toThrow(
      'action step 2: 2026-02-30 is not a day of the calendar (February 2026 has 28 days)',
    );
    expect(isValidDay('2026-02-28')).toBe(true);
  });

  it('two drafts on one day get two files', () => {
    const dir = tempDir();
    const a = new DraftFile(dir);
    const b = new DraftFile(dir);
    a.save(newDraft(ohio).rec);
    b.save(newDraft(ohio).rec);
    expect(a.file).not.toBe(b.file);
    expect(findDrafts(dir)).toHaveLength(2);
  });
});

describe('drafts on disk', () => {
  it('--resume refuses a complete record and points at --from', () => {
    const { file } = drive('sbic@2014');
    expect(() => loadDraft(file)).toThrow(/already complete/);
  });
  it('autosave never replaces a file that now holds another record', () => {
    const ohio = profileOf('ohio-process-coaching');
    const dir = tempDir();
    const a = new DraftFile(dir);
    a.save(newDraft(ohio).rec);
    const other = new DraftFile(dir, a.file);
    expect(() => other.save(newDraft(ohio).rec)).toThrow(/holds another record, so it was left as it is/);
  });
  it('two windows both finish one draft: the second is told both are complete (no --resume advice), naming both files', () => {
    const ohio = profileOf('ohio-process-coaching');
    const dir = tempDir();
    const first = new DraftFile(dir);
    const rec = newDraft(ohio).rec;
    first.save(rec);
    const second = new DraftFile(dir, first.file);
    first.save({ ...rec, status: 'complete' }); // window 2 (here "first") finishes it
    let err: CliError | undefined;
    try {
      second.save({ ...rec, status: 'complete' }); // window 1 then saves and finishes
    } catch (e) {
      err = e as CliError;
    }
    const forked = readdirSync(dir)
      .map((f) => join(dir, f))
      .find((f) => f.endsWith('.yaml') && f !== first.file)!;
    expect(readFileSync(forked, 'utf8')).toMatch(/^status: complete$/m);
    expect(err?.message).toContain(`Your review is saved, complete, in ${forked}.`);
    expect(err?.message).toContain('there are now two reviews');
    expect(err?.hint).toContain(`Keep one and delete the other: compare them with profile report ${first.file}`);
    expect(`${err?.message} ${err?.hint}`).not.toContain('--resume');
  });
  it("a second session on the same draft never overwrites the first one's answers: it forks", () => {
    const ohio = profileOf('ohio-process-coaching');
    const dir = tempDir();
    const first = new DraftFile(dir);
    const rec = newDraft(ohio).rec;
    first.save(rec);
    const second = new DraftFile(dir, first.file); // the same draft resumed in another terminal
    first.save({ ...rec, status: 'complete' }); // the first session finishes
    const finished = readFileSync(first.file!, 'utf8');
    expect(() => second.save({ ...rec, ratings: { 'communication.method': 'green' } })).toThrow(
      /changed elsewhere .* Your answers so far are in/,
    );
    expect(readFileSync(first.file!, 'utf8')).toBe(finished);
    const drafts = findDrafts(dir);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].record.ratings).toEqual({ 'communication.method': 'green' });
    expect(drafts[0].record.id).not.toBe(rec.id);
  });
});
