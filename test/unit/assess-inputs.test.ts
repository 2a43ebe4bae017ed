import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyChanges, checkChange } from '../../src/assess/actions.js';
import {
  applyKnownAnswers,
  completeWithoutPrompts,
  parseGroupFlags,
  readAnswersFile,
} from '../../src/assess/answers.js';
import { newDraft, nextQuestion } from '../../src/assess/flow.js';
import { defaultsFromRecord } from '../../src/assess/from.js';
import { loadRecord } from '../../src/assess/store.js';
import { serializeRecord } from '../../src/record/write.js';
import { profileOf, recordErrors } from './assess-helpers.js';

const fx = (f: string) => new URL(`../fixtures/assess/${f}`, import.meta.url).pathname;

describe('--from: last year as defaults, through the crosswalk', () => {
  it('maps sbic@2014 answers into sbic@2024 and drops items with no counterpart', () => {
    const p24 = profileOf('sbic@2024');
    const prev = loadRecord(fx('sbic-2014-complete.yaml'));
    const d = defaultsFromRecord(p24, prev, profileOf('sbic@2014'));
    expect(d.ratings).toEqual({ relationships: 'proficient', 'solution-dialogue': 'close-to-proficient' });
    expect(d.notes).toEqual({ 'solution-dialogue': 'Teams jump to solutions.' });
    expect(d.priorities).toEqual(['solution-dialogue']);
    // The step marked done last year stays there; the one still in progress is offered again.
    expect(d.actionSteps).toEqual([
      {
        text: 'Use the solution-dialogue protocol at every team meeting',
        for: 'solution-dialogue',
        was: { status: 'in-progress', notes: 0 },
      },
    ]);
    expect(d.group).toEqual({ state: 'MO', region: 'Southeast' });
    // The defaults are offered, not answered: the new draft starts at the first question with a new id.
    const draft = newDraft(p24, { defaults: d });
    expect(draft.rec.id).not.toBe(prev.id);
    expect(draft.rec.status).toBe('draft');
    expect(nextQuestion(p24, draft)).toEqual({ kind: 'context' });
  });
});

describe('--answers and the no-prompt path', () => {
  const ohio = profileOf('ohio-process-coaching');
  it('a full answers file gives a valid complete record', () => {
    const a = readAnswersFile(fx('ohio-answers.yaml'));
    const d = completeWithoutPrompts(ohio, applyKnownAnswers(ohio, newDraft(ohio), a));
    expect(d.rec.status).toBe('complete');
    expect(recordErrors(serializeRecord(d.rec), ohio)).toEqual([]);
    expect(d.rec.actionSteps?.[0]).toEqual({
      text: 'Plan three open questions before each team meeting',
      for: 'communication.questioning',
      due: '2026-01-31',
      status: 'planned',
    });
  });
  it('lists exactly what is missing', () => {
    const a = readAnswersFile(fx('ohio-partial.yaml'));
    expect(() => completeWithoutPrompts(ohio, applyKnownAnswers(ohio, newDraft(ohio), a))).toThrow(
      /ratings for 7 items \(in --answers, each goes under ratings: by the id in brackets\):\n {6}3\. Pausing to allow for active listening and processing time \[communication\.pausing\]\n {6}4\. Paraphrasing .*\[communication\.paraphrasing\]\n(?: {6}.*\n)* {6}9\. Feedback that positively reinforces, acknowledges and celebrates success \[communication\.feedback-success\]\n\s+- action steps: 0 given, at least 2 needed/,
    );
  });
  it('refuses answers the questions could not have given', () => {
    expect(() => applyKnownAnswers(ohio, newDraft(ohio), { ratings: { 'communication.method': 'blue' } })).toThrow(
      /"blue" is not a level/,
    );
    expect(() => applyKnownAnswers(ohio, newDraft(ohio), { ratings: { nope: 'green' } })).toThrow(
      /"nope" is not a rated item/,
    );
    expect(() => applyKnownAnswers(ohio, newDraft(ohio), { improvementAreas: ['made-up'] })).toThrow(
      /not an improvement area/,
    );
    expect(parseGroupFlags(['region=Southeast', 'district=Example R-I'])).toEqual({
      region: 'Southeast',
      district: 'Example R-I',
    });
    expect(() => parseGroupFlags(['region'])).toThrow(/key=value/);
  });
});

describe('profile actions: edits in place', () => {
  it('changes only the step asked for and keeps comments', () => {
    const text = readFileSync(fx('with-comments.yaml'), 'utf8');
    const out = applyChanges(text, [{ kind: 'status', step: 1, status: 'in-progress' }]);
    const diff = out.split('\n').filter((l, i) => l !== text.split('\n')[i]);
    // The step asked for, and the record's date, now quoted (a YAML 1.1 reader takes a plain one for a timestamp).
    expect(diff).toEqual(['date: "2025-10-01"', '    status: in-progress']);
    expect(out).toContain('# typed on the bus');
    const added = applyChanges(out, [
      { kind: 'add', step: { text: 'Visit a peer coach', for: 'communication.pausing', due: '2026-01-31' } },
    ]);
    expect(
      added.endsWith(
        '  - text: Visit a peer coach\n    for: communication.pausing\n    due: "2026-01-31"\n    status: planned\n',
      ),
    ).toBe(true);
    expect(recordErrors(added, profileOf('ohio-process-coaching'))).toEqual([]);
  });
  it('refuses a step that does not exist', () => {
    const rec = loadRecord(fx('with-comments.yaml'));
    expect(() => checkChange(rec, undefined, { kind: 'status', step: 3, status: 'done' })).toThrow(
      /no action step 3; this record has steps 1 to 2/,
    );
  });
});
