// The third cold trial of `profile assess`: each finding replayed line by line through the --plain asker.
import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { completeWithoutPrompts, keepLastRatings } from '../../src/assess/answers.js';
import { newDraft, type Defaults, type Draft, type Question } from '../../src/assess/flow.js';
import { PlainAsker } from '../../src/prompts/plain-asker.js';
import { stopMessage } from '../../src/prompts/stop-message.js';
import { fromLeftOut } from '../../src/ui/assess-notices.js';
import { runSession } from '../../src/prompts/session.js';
import type { PracticeRecord } from '../../src/record/schema.js';
import { ratedItems } from '../../src/profile/model.js';
import { profileOf } from './assess-helpers.js';

const ohio = profileOf('ohio-process-coaching');
const AREAS = ohio.sections.flatMap((s) => s.improvementAreas).map((a) => a.id);
const CONTEXT = ['', '', '', '', '']; // State, Region, District, Building, Cycle
const rateAll = (level: string) => Array.from({ length: 9 }, () => [level, '']).flat();

/** A --plain session fed `lines`; the input ends after them (as Ctrl-C would stop it). */
async function plainRun(lines: string[], draft: Draft = newDraft(ohio), start?: Question) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (b: Buffer) => (text += b.toString()));
  const asker = new PlainAsker(input, output);
  input.write(`${lines.join('\n')}\n`);
  input.end();
  const saves: PracticeRecord[] = [];
  const result = await runSession({
    profile: ohio,
    draft,
    asker,
    ch: new Chalk({ level: 0 }),
    start,
    save: (r) => {
      saves.push(structuredClone(r));
      return 'x.yaml';
    },
  }).catch((e: Error) => e);
  asker.close();
  return { result, saves, text, last: saves.at(-1) };
}

describe('improvement areas are never lost', () => {
  it('ticks and an own area survive "<" to the ticks, "<" to the last rating, and forward again', async () => {
    const { last, text } = await plainRun([
      ...CONTEXT,
      ...rateAll('yellow'),
      '2,4',
      'Video feedback',
      '<', // own area -> the ticks (kept)
      '<', // ticks -> the last rating
      '', // its level kept
      '', // its note
      '', // the ticks again: Enter keeps them
      '', // no more own areas
    ]);
    expect(last?.improvementAreas).toEqual([AREAS[1], AREAS[3], { text: 'Video feedback' }]);
    // The tick list came back with them ticked, and Enter's ticks were said back.
    expect(text.slice(text.lastIndexOf('? Tick those that apply'))).toContain('Ticked 3: 2. ');
  });

  it('Ctrl-C at the next own-area prompt keeps the ticks and the own area entered', async () => {
    const { last, result } = await plainRun([...CONTEXT, ...rateAll('yellow'), '2,4,6', 'Co-teaching']);
    expect((result as Error).name).toBe('ExitPromptError');
    expect(last?.improvementAreas).toEqual([AREAS[1], AREAS[3], AREAS[5], { text: 'Co-teaching' }]);
  });

  it('the stop message at that prompt says the areas are saved, not that an answer was lost', () => {
    const m = stopMessage('x.yaml', true, false, true, true);
    expect(m).toContain('Your improvement areas so far (ticked and added) are saved');
    expect(m).not.toContain('The answer you were typing was not saved');
  });

  it('a tick list typed as numbers is said back', async () => {
    const { text } = await plainRun([...CONTEXT, ...rateAll('yellow'), '2,4']);
    expect(text).toMatch(/Ticked 2: 2\. .*; 4\. /);
  });
});

describe('back from the first rating', () => {
  it('goes to the last context question (Cycle), not the first', async () => {
    const { text, last } = await plainRun([...CONTEXT, '<', '2026-27', 'green']);
    const afterBack = text.slice(text.indexOf('Rating 1 of 9'));
    expect(afterBack.indexOf('? Cycle')).toBeGreaterThan(0);
    expect(afterBack).not.toContain('? State');
    expect(last?.cycle).toBe('2026-27');
    expect(last?.group).toBeUndefined();
  });
});

/** Ohio with everything up to the action steps answered: two priorities. */
function atSteps(defaults?: Defaults): Draft {
  const d = newDraft(ohio, { defaults });
  d.contextDone = true;
  for (const [i, item] of ratedItems(ohio).entries()) d.rec.ratings[item.id] = i < 2 ? 'yellow' : 'green';
  d.rec.improvementAreas = [];
  d.rec.priorities = ['communication.method', 'communication.rapport'];
  return d;
}

describe('action steps', () => {
  it('"Which priority" starts on the first priority for every step, and the default taken is said', async () => {
    const { text, last } = await plainRun(['Step one', '', '', 'Step two', '', ''], atSteps());
    const link2 = text.slice(text.lastIndexOf('? Which priority'));
    expect(link2.replace(/\s+/g, ' ')).toMatch(
      /1\) Identifying[^)]*\) appropriate to the situation \(item 1\) \(default\) 2\)/,
    );
    expect(link2).toContain('Linked: Identifying');
    expect(last?.actionSteps?.map((s) => s.for)).toEqual(['communication.method', 'communication.method']);
  });

  it('--plain: a typed due date is said back, and so is none', async () => {
    const { text } = await plainRun(['Step one', '', '2099-01-31', 'Step two', '', ''], atSteps());
    expect(text).toContain('Due 2099-01-31.');
    expect(text).toContain('No due date.');
  });

  it('--plain: "not" picks "Not linked to a priority", said back as "Not linked."', async () => {
    const { text, last } = await plainRun(['Step one', 'not', '', 'Step two', '', ''], atSteps());
    expect(text).toContain('Not linked to a priority');
    expect(text).toContain('   Not linked.');
    expect(last?.actionSteps?.[0]).not.toHaveProperty('for');
  });

  it("--from: a new text does not use up last time's step; it is offered at the next step, its link only for it", async () => {
    const defaults: Defaults = {
      lastTime: { date: '2025-09-14', ratings: {}, priorities: [] },
      actionSteps: [{ text: 'Co-plan with the team', for: 'communication.rapport' }],
    };
    const { text, last } = await plainRun(['My new step', '', '', '', '', '', ''], atSteps(defaults));
    const step1 = text.slice(text.indexOf('? Action step 1'), text.indexOf('? Action step 2'));
    expect(step1.replace(/\s+/g, ' ')).toContain(
      `Last time's step "Co-plan with the team" is not in this plan; it is offered again`,
    );
    expect(step1).not.toContain('Last time: for');
    const step2 = text.slice(text.indexOf('? Due date'));
    expect(step2).toContain('Last time\'s step, not done yet: "Co-plan with the team"');
    expect(step2).toContain('Kept: Co-plan with the team');
    expect(last?.actionSteps?.map((s) => [s.text, s.for])).toEqual([
      ['My new step', 'communication.method'],
      ['Co-plan with the team', 'communication.rapport'],
    ]);
  });

  it('plain priorities keep the item numbers', async () => {
    const { text } = await plainRun([...CONTEXT, 'yellow', '', 'yellow', '', ...rateAll('green').slice(4), '0', '']);
    expect(text.slice(text.indexOf('? Priority 1')).replace(/\s+/g, ' ')).toMatch(
      /1\) Identifying.* to the situation \(item 1\), Yellow[^)]* 2\) Building and maintaining rapport \(item 2\)/,
    );
  });
});

describe('resuming', () => {
  it('a note left open is asked straight away (its rating is saved)', async () => {
    const d = atSteps();
    delete d.rec.priorities;
    d.rec.improvementAreas = undefined;
    const start: Question = { kind: 'rating', item: 'communication.method', index: 0, total: 9, noteOpen: true };
    const { text, last } = await plainRun(['Written now'], d, start);
    expect(text.indexOf('? Private note')).toBeGreaterThan(0);
    expect(text.slice(0, text.indexOf('? Private note'))).not.toContain('? Where is your practice now?');
    expect(last?.notes).toEqual({ 'communication.method': 'Written now' });
  });

  it('this session\'s saved rating is "(your answer)", not "(last time) (default)"', async () => {
    const d = atSteps({
      lastTime: { date: '2025-09-14', ratings: { 'communication.method': 'yellow' }, priorities: [] },
    });
    const start: Question = { kind: 'rating', item: 'communication.method', index: 0, total: 9 };
    const { text } = await plainRun([], d, start);
    expect(text).toMatch(/Yellow[^\n]*\(last time\) \(your answer\)/);
    expect(text).not.toContain('(last time) (default)');
  });
});

describe('--from --keep-ratings --yes', () => {
  it("keeps ratings only: last time's notes, areas and priorities are not this year's answers, and it says so", () => {
    const ratings = Object.fromEntries(ratedItems(ohio).map((i, k) => [i.id, k < 2 ? 'yellow' : 'green']));
    const defaults: Defaults = {
      lastTime: { date: '2025-09-14', ratings, priorities: ['communication.rapport'] },
      ratings,
      notes: { 'communication.method': 'last year' },
      improvementAreas: [AREAS[0], { text: 'Old own area' }],
      priorities: ['communication.rapport'],
      actionSteps: [{ text: 'Unfinished', for: 'communication.rapport' }, { text: 'Another' }],
    };
    const d = completeWithoutPrompts(ohio, keepLastRatings(ohio, newDraft(ohio, { defaults })));
    expect(d.rec.ratings).toEqual(ratings);
    expect(d.rec.notes).toBeUndefined();
    expect(d.rec.improvementAreas).toEqual([]);
    expect(d.rec.priorities).toEqual(['communication.method', 'communication.rapport']);
    expect(d.rec.actionSteps?.map((s) => s.text)).toEqual(['Unfinished', 'Another']);
    const said = fromLeftOut(d, {}).replace(/\s+/g, ' ');
    expect(said).toContain('Not kept from last time: its notes, improvement areas and priorities');
  });
});
