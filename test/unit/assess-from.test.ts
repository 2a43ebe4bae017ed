// `assess --from` across versions: a step whose item has no counterpart stays unlinked (the prompt must
// not offer another priority as its default), and what cannot be carried over is reported.
import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { carryOverReport, defaultsFromRecord } from '../../src/assess/from.js';
import { newDraft } from '../../src/assess/flow.js';
import type { Asker, Choice } from '../../src/prompts/asker.js';
import { runSession } from '../../src/prompts/session.js';
import type { PracticeRecord } from '../../src/record/schema.js';
import { fixture } from '../helpers/cli.js';
import { profileOf } from './assess-helpers.js';

const prev = parse(readFileSync(fixture('assess', 'sbic-2014-orphan-step.yaml'), 'utf8')) as PracticeRecord;
const sbic2024 = profileOf('sbic@2024');
const sbic2014 = profileOf('sbic@2014');

describe('assess --from sbic@2014 into sbic@2024', () => {
  it('an unfinished step for an item with no counterpart is offered unlinked, not linked to another priority', async () => {
    const defaults = defaultsFromRecord(sbic2024, prev, sbic2014);
    const linkDefaults: Array<{ step: string; default: unknown }> = [];
    let step = '';
    const said: string[] = [];
    const asker: Asker = {
      say: (t) => said.push(t.replace(/\n\s*/g, ' ')),
      async select<T>(o: { message: string; choices: Choice<T>[]; default?: T }) {
        if (o.message.startsWith('Save, or change')) return 'save' as T;
        if (o.message.startsWith('Which priority')) linkDefaults.push({ step, default: o.default });
        // Ratings not carried over are rated below target, so there are priorities to link to.
        if (o.message.startsWith('Where is your practice')) return (o.default ?? 'close-to-proficient') as T;
        return o.default ?? o.choices[0].value;
      },
      async checkbox<T>(o: { choices: Choice<T>[]; checked?: T[] }) {
        return o.checked ?? [o.choices[0].value];
      },
      async input(o: { message: string; default?: string }) {
        if (o.message.startsWith('Action step')) step = o.default ?? '';
        return o.default ?? '';
      },
    };
    const d = await runSession({
      profile: sbic2024,
      draft: newDraft(sbic2024, { defaults }),
      asker,
      ch: new Chalk({ level: 0 }),
      save: () => 'x.yaml',
    });
    const orphan = 'Agree a response time with each partner teacher';
    expect(linkDefaults.find((l) => l.step === orphan)?.default).toBe('');
    expect(d.rec.actionSteps?.find((s) => s.text === orphan)).not.toHaveProperty('for');
    // The step whose item does carry over keeps its link.
    const kept = 'Use the solution-dialogue protocol at every team meeting';
    expect(linkDefaults.find((l) => l.step === kept)?.default).toBe('solution-dialogue');
    // The in-progress step restarts as planned; its two progress notes stay in last year's record, said.
    expect(said).toContain(
      'Last time\'s step, not done yet (it was in progress; its 2 progress notes stay in last time\'s record): "Use the solution-dialogue protocol at every team meeting"',
    );
    expect(d.rec.actionSteps?.find((s) => s.text === kept)).not.toHaveProperty('progress');
    // The orphan's link question says what it was for, not "not linked" (it was linked, to an item now gone).
    expect(said).toContain(
      'Last time: for 3. Communicating in a timely and responsive manner (not in sbic@2024, so not linked now)',
    );
  });
  it('reports what is dropped and which step is left unlinked', () => {
    expect(carryOverReport(sbic2024, prev, sbic2014)).toEqual({
      from: 'sbic@2014',
      to: 'sbic@2024',
      renamed: [],
      dropped: ['improvement-process', 'timely-communication'],
      levelDropped: [],
      unlinkedSteps: [['Agree a response time with each partner teacher', 'timely-communication']],
      steps: { carried: 2, inProgress: 2, due: 1, notes: 2 },
    });
  });
});
