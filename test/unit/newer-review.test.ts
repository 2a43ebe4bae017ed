// Which newer review carries a record's unfinished steps on (profile actions says so once): same folder, same
// profile, complete, the same day or later, one of this record's open steps among its steps by text.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findNewerReview, newerReviewNote } from '../../src/assess/newer-review.js';
import { parseRecordText } from '../../src/record/read.js';
import { runActions } from '../../src/prompts/run-actions.js';
import { StoppedError, type Asker } from '../../src/prompts/asker.js';
import { tempDir } from './assess-helpers.js';

const OLD = readFileSync(new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname, 'utf8');
const OLD_NAME = '2025-09-20_ohio-process-coaching-3.15_5c1d2e3f.yaml';
const STEPS_OLD_OPEN = `actionSteps:
  - text: Ask a partner to observe one meeting
    status: planned
  - text: Keep a log of questions that opened up the talk
    status: planned
`;

/** A newer review as assess --from writes it: another id and date, this year's steps. */
function review(o: {
  date: string;
  id?: string;
  status?: string;
  profile?: string;
  cycle?: string;
  steps?: string;
  respondent?: string;
}) {
  let t = OLD.replace(/^id: .*$/m, `id: ${o.id ?? '9e1e0ca3-1111-4222-8333-444455556666'}`)
    .replace(/^date: .*$/m, `date: "${o.date}"`)
    .replace(/^cycle: .*$/m, o.cycle ? `cycle: ${o.cycle}` : '')
    .replace(/^status: .*$/m, `status: ${o.status ?? 'complete'}`)
    .replace(/^respondent: .*$/m, `respondent: ${o.respondent ?? 'Jane Doe'}`)
    .replace(/^actionSteps:[\s\S]*$/m, o.steps ?? STEPS_OLD_OPEN);
  if (o.profile) t = t.replace(/^profile: .*$/m, `profile: ${o.profile}`);
  return t;
}

function folder(others: Record<string, string>, old = OLD): string {
  const dir = tempDir();
  writeFileSync(join(dir, OLD_NAME), old);
  for (const [name, text] of Object.entries(others)) writeFileSync(join(dir, name), text);
  return join(dir, OLD_NAME);
}
const rec = (file: string) => parseRecordText(readFileSync(file, 'utf8'), file).record!;

describe('findNewerReview', () => {
  it('a later complete review with the open steps: found, and said with its date, cycle and the command', () => {
    const file = folder({
      '2026-11-26_ohio-process-coaching-3.15_9e1e0ca3.yaml': review({ date: '2026-11-26', cycle: '2026-27 baseline' }),
    });
    const r = findNewerReview(file, rec(file))!;
    expect(r).toMatchObject({ date: '2026-11-26', cycle: '2026-27 baseline', steps: [2, 3], all: true, unsure: false });
    expect(newerReviewNote(r, 'records/new.yaml')).toBe(
      "A newer review, records/new.yaml (2026-11-26, 2026-27 baseline), carries this record's unfinished steps on: to keep this year's plan up, use profile actions records/new.yaml. Changes made here stay in this record.",
    );
  });

  it('only some of the open steps carried: named by number', () => {
    const steps = 'actionSteps:\n  - text: Keep a log of questions that opened up the talk\n    status: planned\n';
    const file = folder({ 'b.yaml': review({ date: '2026-11-26', steps }) });
    const r = findNewerReview(file, rec(file))!;
    expect(r.steps).toEqual([3]);
    expect(newerReviewNote(r, 'b.yaml')).toContain('carries step 3 of this record on');
  });

  it('not counted: a draft, another profile, an earlier review, no shared step, another respondent, a copy of itself', () => {
    const other = { date: '2026-11-26' };
    for (const text of [
      review({ ...other, status: 'draft' }),
      review({ ...other, profile: 'sbic@2024' }).replace(/^ratings:[\s\S]*?^notes:/m, 'ratings: {}\nnotes:'),
      review({ date: '2025-09-01' }),
      review({ ...other, steps: 'actionSteps:\n  - text: Something else\n    status: planned\n' }),
      review({ ...other, respondent: 'Pat Lee' }),
      review({ ...other, id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' }),
    ]) {
      const file = folder({ 'x.yaml': text });
      expect(findNewerReview(file, rec(file))).toBeUndefined();
    }
  });

  it('a record with no unfinished step: the folder is not read at all', () => {
    const done = OLD.replace(/status: (planned|in-progress)/g, 'status: done\n    done: "2025-12-01"');
    const file = folder({ 'b.yaml': review({ date: '2026-11-26' }) }, done);
    expect(findNewerReview(file, rec(file))).toBeUndefined();
  });

  it('the same day: the review with a step of its own came second; cycles decide when both have one', () => {
    const plus = `${STEPS_OLD_OPEN}  - text: Film one meeting\n    status: planned\n`;
    const sameDay = OLD.replace(/^cycle: .*$/m, '');
    const file = folder({ 'b.yaml': review({ date: '2025-09-20', steps: plus }) }, sameDay);
    expect(findNewerReview(file, rec(file))).toMatchObject({ unsure: false, steps: [2, 3] });
    // Seen from the second review: the first is not newer.
    const dir = join(file, '..');
    expect(findNewerReview(join(dir, 'b.yaml'), rec(join(dir, 'b.yaml')))).toBeUndefined();
    // Neither says which came first: "another review of the same day".
    const twin = folder(
      { 'b.yaml': review({ date: '2025-09-20' }) },
      sameDay
        .replace(/status: in-progress/, 'status: planned')
        .replace(/^ {2}- text: Plan three[\s\S]*?(?=^ {2}- text: Ask)/m, ''),
    );
    const t = findNewerReview(twin, rec(twin))!;
    expect(t.unsure).toBe(true);
    expect(newerReviewNote(t, 'b.yaml')).toMatch(
      /^Another review of the same day, b\.yaml \(2025-09-20\), has this record's unfinished steps too/,
    );
    // Cycles: "2025-26 baseline" before "2026-27 baseline", whatever the steps say.
    const cyc = folder({ 'b.yaml': review({ date: '2025-09-20', cycle: '2024-25 end' }) });
    expect(findNewerReview(cyc, rec(cyc))).toBeUndefined();
  });
});

describe('profile actions, interactive: the note comes first, on screen, and the menu still works', () => {
  afterEach(() => vi.restoreAllMocks());
  it('before the list; the record can still be changed', async () => {
    const file = folder({
      '2026-11-26_ohio-process-coaching-3.15_9e1e0ca3.yaml': review({ date: '2026-11-26', cycle: '2026-27 baseline' }),
    });
    let screen = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      screen += String(s);
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const answers: unknown[] = ['3', 'in-progress', 'quit'];
    const next = async () => {
      if (!answers.length) throw new StoppedError('User force closed the prompt');
      return answers.shift();
    };
    const asker = { select: next, checkbox: next, input: next, say: () => {} } as unknown as Asker;
    await runActions({ file, asker, today: '2026-11-27' });
    const flat = screen.replace(/\s+/g, ' ');
    expect(flat.indexOf('A newer review,')).toBe(0);
    expect(flat).toContain("(2026-11-26, 2026-27 baseline), carries this record's unfinished steps on");
    expect(flat.split('A newer review')).toHaveLength(2); // once, not at every list
    expect(err).not.toHaveBeenCalled();
    expect(readFileSync(file, 'utf8')).toMatch(
      /Keep a log of questions that opened up the talk[\s\S]*?status: in-progress/,
    );
  });
});
