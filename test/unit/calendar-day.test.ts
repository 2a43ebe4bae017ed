// A date the coach types that has the right shape but is no day (2027-02-30) is told so, with the month's
// length; a wrongly shaped one keeps the example and quotes what was typed. Every place a coach types a date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkChanges, checkDoneDay, checkDueDay } from '../../src/assess/actions.js';
import { dueDateProblem, recordDateProblem } from '../../src/assess/flow.js';
import { loadRecord } from '../../src/assess/store.js';
import { PlainAsker } from '../../src/prompts/plain-asker.js';
import { runActions } from '../../src/prompts/run-actions.js';
import { dayProblem } from '../../src/record/day.js';
import { ActionStep } from '../../src/record/schema.js';
import { profileOf, tempDir } from './assess-helpers.js';

const fx = (f: string) => new URL(`../fixtures/${f}`, import.meta.url).pathname;
const ohio = profileOf('ohio-process-coaching');

describe('a day that is not on the calendar', () => {
  it('says the day does not exist and how long the month is', () => {
    expect(dayProblem('2027-02-30')).toBe('2027-02-30 is not a day of the calendar (February 2027 has 28 days)');
    expect(dayProblem('2028-02-30')).toBe('2028-02-30 is not a day of the calendar (February 2028 has 29 days)');
    expect(dayProblem('2027-04-31')).toBe('2027-04-31 is not a day of the calendar (April 2027 has 30 days)');
    expect(dayProblem('2027-04-00')).toBe('2027-04-00 is not a day of the calendar (April 2027 has days 01 to 30)');
    expect(dayProblem('2100-02-29')).toContain('February 2100 has 28 days');
    expect(dayProblem('2000-02-29')).toBeUndefined();
    expect(dayProblem('2027-13-01')).toBe(
      '2027-13-01 is not a day of the calendar (there is no month 13: months go from 01 to 12, as in 2026-01-31)',
    );
  });

  it('a wrong shape keeps the example and quotes what was typed', () => {
    expect(dayProblem('31/01/2027')).toBe('"31/01/2027" is not a date; a date looks like 2026-01-31');
    expect(dayProblem('2027-2-3', '2024-09-14')).toBe('"2027-2-3" is not a date; a date looks like 2024-09-14');
    expect(dayProblem('2027-01-31')).toBeUndefined();
  });

  it("profile assess: a step's due date and the record's --date", () => {
    expect(dueDateProblem('2027-02-30', '2026-09-01')).toBe(
      '2027-02-30 is not a day of the calendar (February 2027 has 28 days)',
    );
    expect(dueDateProblem('next week', '2026-09-01')).toBe('"next week" is not a date; a date looks like 2026-01-31');
    expect(recordDateProblem('2025-02-29', '2026-01-01')).toBe(
      '2025-02-29 is not a day of the calendar (February 2025 has 28 days)',
    );
    expect(recordDateProblem('14.9.2024', '2026-01-01')).toBe(
      '"14.9.2024" is not a date; a date looks like 2024-09-14',
    );
  });

  it('profile actions: --due and --on, and the dates typed at its prompts', () => {
    const rec = loadRecord(fx('assess/with-comments.yaml')); // date 2025-10-01
    const add = { kind: 'add' as const, step: { text: 'x', due: '2027-02-30' } };
    expect(() => checkChanges(rec, ohio, [add])).toThrow(
      '--due 2027-02-30 is not a day of the calendar (February 2027 has 28 days)',
    );
    expect(() => checkChanges(rec, ohio, [{ kind: 'status', step: 1, status: 'done', on: '2025-11-31' }])).toThrow(
      '--on 2025-11-31 is not a day of the calendar (November 2025 has 30 days)',
    );
    expect(checkDueDay(rec, '2027-02-30')).toBe('2027-02-30 is not a day of the calendar (February 2027 has 28 days).');
    expect(checkDueDay(rec, '30/02/2027')).toBe('"30/02/2027" is not a date; a date looks like 2026-01-31.');
    expect(checkDoneDay(rec, '2025-11-31', '2026-02-01')).toBe(
      '2025-11-31 is not a day of the calendar (November 2025 has 30 days).',
    );
  });

  it('a due or done day in an --answers file (the record schema) says so too', () => {
    const r = ActionStep.safeParse({ text: 'x', due: '2027-02-30' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      '2027-02-30 is not a day of the calendar (February 2027 has 28 days)',
    ]);
  });
});

describe('profile actions --plain: "When?" with a day that does not exist', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is asked again, the message saying the day is not on the calendar', async () => {
    const file = join(tempDir(), 'rec.yaml');
    writeFileSync(file, readFileSync(fx('report/ohio-2025.yaml'), 'utf8'));
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // Step 2, "Mark done", a day that does not exist, then a real one; then Finish by its whole word.
    input.write('2\nmark done\n2025-11-31\n2025-11-30\nfinish\n');
    await runActions({ file, today: '2026-02-01', asker: new PlainAsker(input, output) });
    expect(text).toContain('2025-11-31 is not a day of the calendar (November 2025 has 30 days).');
    expect(text).not.toContain('A date looks like');
    expect(readFileSync(file, 'utf8')).toContain('done: "2025-11-30"');
  });
});
