// `profile actions` after the second cold trial (issue 10): changes land on the step the coach chose, dates
// are not in the future, done work is not removed by the way, --for takes what the coach sees.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkChanges,
  checkDoneDay,
  checkDueDay,
  resolveFor,
  resolveSeen,
  saveChanges,
  type ActionChange,
} from '../../src/assess/actions.js';
import { loadRecord } from '../../src/assess/store.js';
import { profileOf, tempDir } from './assess-helpers.js';

const REPORT = new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname; // date 2025-09-20, step 1 done
const ohio = profileOf('ohio-process-coaching');
const TODAY = '2026-11-26';

function put(text = readFileSync(REPORT, 'utf8')): string {
  const file = join(tempDir(), 'rec.yaml');
  writeFileSync(file, text);
  return file;
}
const steps = (file: string) => parse(readFileSync(file, 'utf8')).actionSteps as { text: string; status: string }[];

describe('a change goes to the step the coach chose, found again under the lock', () => {
  const LOG = 'Keep a log of questions that opened up the talk';

  it('step 1 removed in another window: "mark step 3 done" marks the log step, now step 2', () => {
    const file = put();
    saveChanges(file, ohio, [{ kind: 'remove', step: 1 }], TODAY, { yes: true }); // the other window
    const r = saveChanges(file, ohio, [{ kind: 'status', step: 3, status: 'done', seen: LOG }], TODAY);
    const s = steps(file);
    expect(s.map((x) => x.status)).toEqual(['planned', 'done']);
    expect(s[1].text).toBe(LOG);
    expect(r.said[0]).toMatch(/list changed in another window: "Keep a log.*" is now step 2 \(it was step 3\)/);
  });

  it('the chosen step is gone (or was edited): nothing is saved, the coach is told', () => {
    const file = put();
    saveChanges(file, ohio, [{ kind: 'text', step: 3, text: 'Keep a short log' }], TODAY);
    const before = readFileSync(file, 'utf8');
    for (const c of [
      { kind: 'status', step: 3, status: 'done', seen: LOG },
      { kind: 'note', step: 3, text: 'x', on: TODAY, seen: LOG },
      { kind: 'remove', step: 3, seen: LOG },
      { kind: 'text', step: 3, text: 'y', seen: LOG },
    ] as ActionChange[]) {
      expect(() => saveChanges(file, ohio, [c], TODAY)).toThrow(/changed in another window.*nothing was saved/);
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('two steps with the same text at other places: refused, not guessed', () => {
    const rec = loadRecord(REPORT);
    rec.actionSteps = [rec.actionSteps![1], rec.actionSteps![2], rec.actionSteps![2]];
    expect(() => resolveSeen(rec, [{ kind: 'due', step: 1, due: null, seen: LOG }])).toThrow(/more than one step/);
    // At its own place it is taken, even if another step has the same text.
    expect(resolveSeen(rec, [{ kind: 'due', step: 2, due: null, seen: LOG }]).said).toEqual([]);
  });
});

describe('dates', () => {
  const rec = () => loadRecord(REPORT);

  it('a done date or a progress note after today is refused', () => {
    expect(() =>
      checkChanges(rec(), ohio, [{ kind: 'status', step: 3, status: 'done', on: '2027-05-01' }], { today: TODAY }),
    ).toThrow('--on 2027-05-01 is after today (2026-11-26): step 3 done cannot be dated in the future');
    expect(() =>
      checkChanges(rec(), ohio, [{ kind: 'note', step: 3, text: 'x', on: '2026-11-27' }], { today: TODAY }),
    ).toThrow(/after today/);
    expect(() =>
      checkChanges(rec(), ohio, [{ kind: 'note', step: 3, text: 'x', on: TODAY }], { today: TODAY }),
    ).not.toThrow();
  });

  it('re-marking a done step with another date says what changes', () => {
    const file = put();
    const r = saveChanges(file, ohio, [{ kind: 'status', step: 1, status: 'done', on: '2025-11-20' }], TODAY);
    expect(r.said).toEqual([
      'Step 1 ("Plan three open questions before each team meeting") was done on 2025-11-18; its done date is now 2025-11-20.',
    ]);
    expect(parse(readFileSync(file, 'utf8')).actionSteps[0].done).toBe('2025-11-20');
    const same = saveChanges(file, ohio, [{ kind: 'status', step: 1, status: 'done' }], TODAY);
    expect(same.said[0]).toMatch(/was already done, on 2025-11-20; unchanged/);
  });

  it("a due date before the record's own date is refused (it would be overdue at once)", () => {
    expect(() => checkChanges(rec(), ohio, [{ kind: 'due', step: 2, due: '2025-09-19' }])).toThrow(
      "--due 2025-09-19 is before this record's date (2025-09-20): the step would be overdue from the day it was planned",
    );
    expect(() => checkChanges(rec(), ohio, [{ kind: 'add', step: { text: 'x', due: '2024-01-01' } }])).toThrow(
      /before this record's date/,
    );
    expect(checkDueDay(rec(), '2025-09-19')).toMatch(/before this record's date/);
    expect(checkDueDay(rec(), '2025-09-20')).toBe(true);
  });

  it('the "When?" answer: a real day, from the record\'s date to today', () => {
    expect(checkDoneDay(rec(), '2026-02-30', TODAY)).toMatch(/2026-02-30 is not a day of the calendar/);
    expect(checkDoneDay(rec(), '2025-09-19', TODAY)).toMatch(/before this record's date \(2025-09-20\)/);
    expect(checkDoneDay(rec(), '2026-11-27', TODAY)).toMatch(/after today \(2026-11-26\)/);
    expect(checkDoneDay(rec(), '2026-11-26', TODAY)).toBe(true);
  });
});

describe('removing done work', () => {
  it('a done step among the removed ones needs yes; named, nothing removed', () => {
    const file = put();
    const before = readFileSync(file, 'utf8');
    const all: ActionChange[] = [1, 2, 3].map((step) => ({ kind: 'remove', step }));
    expect(() => saveChanges(file, ohio, all, TODAY)).toThrow(
      'step 1 ("Plan three open questions before each team meeting") is done: your done work, which profile history lists; nothing was removed',
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    saveChanges(file, ohio, [{ kind: 'remove', step: 2 }], TODAY); // an open step: no question
    saveChanges(file, ohio, [{ kind: 'remove', step: 1 }], TODAY, { yes: true });
    expect(steps(file).map((s) => s.text)).toEqual(['Keep a log of questions that opened up the talk']);
  });
});

describe('--for as the coach sees the item', () => {
  const rec = () => loadRecord(REPORT); // priorities: questioning (6), rapport (2)

  it('by number, title, start of a title, or id', () => {
    expect(resolveFor(ohio, rec(), '6')).toEqual({ id: 'communication.questioning' });
    expect(resolveFor(ohio, rec(), '6.')).toEqual({ id: 'communication.questioning' });
    expect(resolveFor(ohio, rec(), 'building and maintaining rapport')).toEqual({ id: 'communication.rapport' });
    expect(resolveFor(ohio, rec(), 'Powerful')).toEqual({ id: 'communication.questioning' });
    expect(resolveFor(ohio, rec(), 'communication.rapport')).toEqual({ id: 'communication.rapport' });
  });

  it('by a word in the title when no title starts so ("solution" for "Use solution dialogue")', () => {
    const sbic = profileOf('sbic');
    const r = { ...rec(), profile: 'sbic@2024', priorities: ['solution-dialogue'] };
    expect(resolveFor(sbic, r, 'solution')).toEqual({ id: 'solution-dialogue' });
    expect(resolveFor(sbic, r, ' Solution Dialogue ')).toEqual({ id: 'solution-dialogue' });
    expect(resolveFor(ohio, rec(), 'questioning')).toEqual({ id: 'communication.questioning' });
    expect(() => resolveFor(sbic, r, 'lution')).toThrow(/not an item/); // the start of a word, not any part
  });

  it('an unknown or ambiguous item lists the choices with numbers and titles', () => {
    expect(() => resolveFor(ohio, rec(), 'feedback')).toThrow(/could be any of: 7\. Feedback.*; 8\. Feedback.*; 9\./);
    try {
      resolveFor(ohio, rec(), 'coaching-plan');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe('--for "coaching-plan" is not an item of ohio-process-coaching@3.15');
      expect((e as { hint: string }).hint).toContain('\n  6. Powerful questioning that deepens and extends thinking');
    }
  });

  it('an item that is not a priority is taken with a warning', () => {
    expect(resolveFor(ohio, rec(), '3').warning).toMatch(/"3\. Pausing.*" is not one of this record's priorities/);
  });
});

describe('a record that does not match its profile is not changed', () => {
  it('a misspelled level: refused with its line and column, file unchanged', () => {
    const text = readFileSync(REPORT, 'utf8').replace('communication.method: green', 'communication.method: gren');
    const file = put(text);
    try {
      saveChanges(file, ohio, [{ kind: 'status', step: 3, status: 'done' }], TODAY);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/"gren" is not a level of ohio-process-coaching@3.15.*did you mean "green"/);
      expect((e as { location: { line: number; column: number } }).location).toMatchObject({ line: 14 });
      expect((e as { exitCode: number }).exitCode).toBe(1);
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
