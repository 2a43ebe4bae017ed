// `profile actions` after the third cold trial: a step's menu starts on the same choice whatever the step's
// status, "<" goes one question back (to the step's menu, not to the list of all steps), and a record with more
// open steps than its profile allows is said to be so, once, and still worked on.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { BACK, StoppedError, type Asker } from '../../src/prompts/asker.js';
import { runActions } from '../../src/prompts/run-actions.js';
import { tempDir } from './assess-helpers.js';

const REPORT = new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname; // steps: done, planned, in progress
const TODAY = '2026-02-01';

function put(text = readFileSync(REPORT, 'utf8')): string {
  const file = join(tempDir(), 'rec.yaml');
  writeFileSync(file, text);
  return file;
}

interface Asked {
  message: string;
  default?: unknown;
}

/** Answers every question in turn from `answers`, noting what was asked; after the script, Ctrl-C. */
function recording(answers: unknown[]): { asker: Asker; asked: Asked[] } {
  const asked: Asked[] = [];
  const next = async (o: Asked) => {
    asked.push({ message: o.message, default: o.default });
    if (!answers.length) throw new StoppedError('User force closed the prompt');
    return answers.shift();
  };
  return { asker: { select: next, checkbox: next, input: next, say: () => {} } as unknown as Asker, asked };
}

afterEach(() => vi.restoreAllMocks());

describe("a step's menu: the cursor starts on the same choice every time", () => {
  it('"Add a progress note" for a planned, an in-progress and a done step alike', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const { asker, asked } = recording(['2', BACK, '3', BACK, '1', BACK, 'quit']);
    await runActions({ file: put(), asker, today: TODAY });
    const menus = asked.filter((q) => q.message.startsWith('Step '));
    expect(menus.map((q) => q.message.slice(0, 6))).toEqual(['Step 2', 'Step 3', 'Step 1']);
    expect(menus.map((q) => q.default)).toEqual(['note', 'note', 'note']);
  });
});

describe('"<" goes one question back', () => {
  it('from New text, the due date, the progress note, "When?" and "Remove?": to the step\'s menu', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const file = put();
    const before = readFileSync(file, 'utf8');
    const { asker, asked } = recording([
      '2',
      'text',
      BACK, // at New text
      'due',
      BACK, // at Due date
      'done',
      BACK, // at When was it done?
      'remove',
      BACK, // at Remove step 2?
      BACK, // at the step's menu: the list
      'quit',
    ]);
    await runActions({ file, asker, today: TODAY });
    expect(asked.map((q) => q.message.replace(/ \(.*$|:.*$/, ''))).toEqual([
      'Change a step?',
      'Step 2',
      'New text',
      'Step 2',
      'Due date',
      'Step 2',
      'When was it done?',
      'Step 2',
      'Remove step 2',
      'Step 2',
      'Change a step?',
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('"<" at "When?" goes back to the progress note, its text kept for Enter; "<" there to the menu', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const file = put();
    const { asker, asked } = recording([
      '3',
      'note',
      'Met the team',
      BACK, // at When?
      'Met the whole team',
      '2026-01-20',
      '3',
      'note',
      BACK, // at Progress note
      BACK, // at the step's menu: the list
      'quit',
    ]);
    await runActions({ file, asker, today: TODAY });
    expect(asked.map((q) => q.message.replace(/ \(.*$|:.*$/, ''))).toEqual([
      'Change a step?',
      'Step 3',
      'Progress note',
      'When?',
      'Progress note',
      'When?',
      'Change a step?',
      'Step 3',
      'Progress note',
      'Step 3',
      'Change a step?',
    ]);
    expect(asked[4].default).toBe('Met the team');
    expect(parse(readFileSync(file, 'utf8')).actionSteps[2].progress[1]).toEqual({
      date: '2026-01-20',
      text: 'Met the whole team',
    });
  });

  it('"No, keep it" at "Remove?" goes back to the list, nothing removed', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const file = put();
    const { asker, asked } = recording(['2', 'remove', 'no', 'quit']);
    await runActions({ file, asker, today: TODAY });
    expect(asked.map((q) => q.message.replace(/ \(.*$|:.*$|\?.*$/, ''))).toEqual([
      'Change a step',
      'Step 2',
      'Remove step 2',
      'Change a step',
    ]);
    expect(parse(readFileSync(file, 'utf8')).actionSteps).toHaveLength(3);
  });
});

describe('more open steps than the profile allows (steps added by hand)', () => {
  it("said once on stderr, in the menu's words; the menu says how many; a step can still be marked done", async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // Steps 2 and 3 are open, step 1 done: with two more, 4 open of at most 3.
    const file = put(
      `${readFileSync(REPORT, 'utf8')}  - text: Visit a peer coach\n    status: planned\n  - text: Film one meeting\n    status: in-progress\n`,
    );
    const { asker, asked } = recording(['4', 'done', '', '1', BACK, 'quit']);
    await runActions({ file, asker, today: TODAY });
    const said = err.mock.calls.map((c) => String(c[0]).replace(/\s+/g, ' ').trim());
    expect(said).toEqual([
      'warning: this record has 4 open action steps; its profile (ohio-process-coaching@3.15) allows 3 at a time: mark one done or remove one.',
    ]);
    expect(asked[0].message).toBe('Change a step? (4 open steps; this profile allows 3 at a time)');
    expect(parse(readFileSync(file, 'utf8')).actionSteps[3]).toMatchObject({ status: 'done', done: TODAY });
    expect(asked[3].message).toBe('Change a step? (3 open steps, the most this profile allows at a time)');
  });
});
