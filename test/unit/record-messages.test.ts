// Messages about a record's fields name list entries as the coach knows them, from 1 ("action step 3,
// status"), not as 0-based paths ("actionSteps.2.status"); a value that is not one of a field's words says the
// word it most likely means (case, a typo).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswersFile } from '../../src/assess/answers.js';
import { checkRecordAgainstProfile } from '../../src/record/check.js';
import { recordPlace } from '../../src/record/places.js';
import { parseRecordText } from '../../src/record/read.js';
import { profileOf, tempDir } from './assess-helpers.js';

const REPORT = new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname; // 3 steps, 1 note
const text = () => readFileSync(REPORT, 'utf8');
/** "line:col message" of each diagnostic. */
const said = (t: string) => parseRecordText(t, 'h.yaml').diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`);

describe('recordPlace', () => {
  it('numbers list entries from 1, in words; keys stay as written', () => {
    expect(recordPlace(['actionSteps', 2, 'status'])).toBe('action step 3, status');
    expect(recordPlace(['actionSteps', 2, 'progress', 0, 'date'])).toBe('action step 3, progress note 1, date');
    expect(recordPlace(['priorities', 1])).toBe('priority 2');
    expect(recordPlace(['improvementAreas', 1, 'text'])).toBe('improvement area 2, text');
    expect(recordPlace(['ratings', 'communication.method'])).toBe('ratings.communication.method');
    expect(recordPlace(['actionSteps'])).toBe('actionSteps');
    expect(recordPlace([])).toBeUndefined();
  });
});

describe('record messages: the step as the coach calls it, file:line:col kept', () => {
  it('a status in capitals: action step 3, with "did you mean"', () => {
    const t = text().replace('    status: in-progress', '    status: Done');
    expect(said(t)).toEqual([
      '42:13 action step 3, status: must be "planned", "in-progress" or "done" (did you mean "done"?)',
    ]);
  });

  it('a close misspelling or a space for the hyphen', () => {
    expect(said(text().replace('    status: planned', '    status: planed'))).toEqual([
      '38:13 action step 2, status: must be "planned", "in-progress" or "done" (did you mean "planned"?)',
    ]);
    expect(said(text().replace('    status: planned', '    status: in progress'))).toEqual([
      '38:13 action step 2, status: must be "planned", "in-progress" or "done" (did you mean "in-progress"?)',
    ]);
    // Nothing close: no guess.
    expect(said(text().replace('    status: planned', '    status: finished'))).toEqual([
      '38:13 action step 2, status: must be "planned", "in-progress" or "done"',
    ]);
  });

  it('a progress note, an unknown field in a step, an own improvement area', () => {
    expect(said(text().replace('"2026-01-12"', '"2026-01-32"'))).toEqual([
      '44:15 action step 3, progress note 1, date: 2026-01-32 is not a day of the calendar (January 2026 has 31 days)',
    ]);
    expect(said(text().replace('    status: planned', '    stauts: planned'))).toEqual([
      '38:5 unknown field "stauts" in action step 2 (did you mean "status"?)',
    ]);
    expect(said(text().replace('  - text: Using video for feedback', '  - text: ""'))).toEqual([
      '27:11 improvement area 2, text: must not be empty',
    ]);
  });

  it('a step linked to an item the profile does not have: its number, and the item it most likely means', () => {
    const t = text().replace('    for: communication.rapport', '    for: communication.raport');
    const load = parseRecordText(t, 'h.yaml');
    const ds = checkRecordAgainstProfile(load.record!, profileOf('ohio-process-coaching'), load.source!);
    expect(ds.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '36:10 action step 2 is linked to "communication.raport", which is not a rated item of ohio-process-coaching@3.15 (did you mean "communication.rapport"?)',
    ]);
  });

  it('an answers file (assess --answers) says the step the same way', () => {
    const f = join(tempDir(), 'answers.yaml');
    writeFileSync(f, 'ratings: {}\nactionSteps:\n  - text: Visit a peer coach\n    status: Planned\n');
    expect(() => readAnswersFile(f)).toThrow(
      '--answers: action step 1, status: must be "planned", "in-progress" or "done" (did you mean "planned"?)',
    );
  });
});
