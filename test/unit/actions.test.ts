// `profile actions`: edits through the yaml Document API, checks before writing, and what the coach is told.
import { chmodSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { applyChanges, checkChanges, renumbered, saveChanges, type ActionChange } from '../../src/assess/actions.js';
import { loadRecord } from '../../src/assess/store.js';
import { parseRecordText } from '../../src/record/read.js';
import { BACK, StoppedError, type Asker } from '../../src/prompts/asker.js';
import { runActions } from '../../src/prompts/run-actions.js';
import { PlainAsker } from '../../src/prompts/plain-asker.js';
import { PassThrough } from 'node:stream';
import { profileOf, recordErrors, tempDir } from './assess-helpers.js';

const fx = (f: string) => new URL(`../fixtures/assess/${f}`, import.meta.url).pathname;
const withComments = () => readFileSync(fx('with-comments.yaml'), 'utf8');
const ohio = profileOf('ohio-process-coaching');
const LONG = 'Plan three open questions before each team meeting and write them down in the notebook';

/** with-comments.yaml with `priorities:` moved below `actionSteps:`. */
function prioritiesLast(): string {
  const t = withComments();
  const line = /^priorities:.*\n/m.exec(t)![0];
  return t.replace(line, '') + line;
}

function put(text: string, name = 'rec.yaml'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

const add = (text: string, extra: { for?: string; due?: string } = {}): ActionChange => ({
  kind: 'add',
  step: { text, ...extra },
});

describe('profile actions: --add writes valid YAML', () => {
  it('a step longer than 80 characters stays one valid value, comments kept', () => {
    const out = applyChanges(withComments(), [add(LONG)]);
    expect(recordErrors(out, ohio)).toEqual([]);
    expect(parse(out).actionSteps[2]).toEqual({ text: LONG, status: 'planned' });
    expect(out).toContain('# My own notes at the top: profile actions must keep this comment.');
    expect(out).toContain('# typed on the bus');
  });

  it('a step with line breaks is stored as one line', () => {
    const out = applyChanges(withComments(), [add('Visit a peer coach\nand take notes\r\n  afterwards')]);
    expect(recordErrors(out, ohio)).toEqual([]);
    expect(parse(out).actionSteps[2].text).toBe('Visit a peer coach and take notes afterwards');
  });

  it('when actionSteps is not the last key, the new step goes into actionSteps', () => {
    const out = applyChanges(prioritiesLast(), [add('Visit a peer coach', { due: '2026-01-31' })]);
    expect(recordErrors(out, ohio)).toEqual([]);
    const v = parse(out);
    expect(v.priorities).toEqual(['communication.questioning', 'communication.pausing']);
    expect(v.actionSteps).toHaveLength(3);
    expect(v.actionSteps[2]).toEqual({ text: 'Visit a peer coach', due: '2026-01-31', status: 'planned' });
  });

  it('adds to an empty flow list and to a record without actionSteps', () => {
    const base = withComments().replace(/^actionSteps:[\s\S]*$/m, '');
    for (const t of [`${base}actionSteps: []\n`, base]) {
      const out = applyChanges(t, [add('Visit a peer coach')]);
      expect(recordErrors(out, ohio)).toEqual([]);
      expect(parse(out).actionSteps).toEqual([{ text: 'Visit a peer coach', status: 'planned' }]);
    }
  });

  it('a status change still touches only that value (and quotes a plain date)', () => {
    const text = withComments();
    const out = applyChanges(text, [{ kind: 'status', step: 2, status: 'in-progress' }]);
    const diff = out.split('\n').filter((l, i) => l !== text.split('\n')[i]);
    expect(diff).toEqual(['date: "2025-10-01"', '    status: in-progress']);
  });
});

describe('profile actions: checks', () => {
  const rec = () => loadRecord(fx('with-comments.yaml'));

  it('refuses to add past the profile maximum', () => {
    const full = applyChanges(withComments(), [add('Third')]);
    const file = put(full);
    expect(() => saveChanges(file, ohio, [add('Fourth')])).toThrow(
      /already has 3 open action steps; ohio-process-coaching@3.15 allows at most 3 open at a time/,
    );
    expect(readFileSync(file, 'utf8')).toBe(full);
    expect(() => checkChanges(rec(), ohio, [add('Third'), add('Fourth')])).toThrow(/allows at most 3/);
    expect(() => checkChanges(rec(), ohio, [add('Third')])).not.toThrow();
  });

  it('refuses two different statuses for one step (same one twice is fine)', () => {
    const both: ActionChange[] = [
      { kind: 'status', step: 1, status: 'done' },
      { kind: 'status', step: 1, status: 'in-progress' },
    ];
    expect(() => checkChanges(rec(), ohio, both)).toThrow(/step 1 cannot be both done and in-progress/);
    expect(() => checkChanges(rec(), ohio, [both[0], both[0]])).not.toThrow();
  });

  it('refuses empty text and dates that do not exist', () => {
    expect(() => checkChanges(rec(), ohio, [add('')])).toThrow(/needs the text/);
    expect(() => checkChanges(rec(), ohio, [add(' \n ')])).toThrow(/needs the text/);
    expect(() => checkChanges(rec(), ohio, [add('x', { due: '2025-02-30' })])).toThrow(
      '--due 2025-02-30 is not a day of the calendar (February 2025 has 28 days)',
    );
    expect(() => checkChanges(rec(), ohio, [add('x', { due: '' })])).toThrow(/is not a date/);
    expect(() => checkChanges(rec(), ohio, [add('x', { due: '2028-02-29' })])).not.toThrow();
  });

  it('refuses a draft and leaves it alone', () => {
    const draft = withComments().replace('status: complete', 'status: draft');
    const file = put(draft);
    expect(() => saveChanges(file, ohio, [{ kind: 'status', step: 1, status: 'done' }])).toThrow(
      /draft.*profile assess --resume/,
    );
    expect(readFileSync(file, 'utf8')).toBe(draft);
  });
});

describe('profile actions: writing the file', () => {
  it('keeps the permission bits', () => {
    const file = put(withComments());
    chmodSync(file, 0o640);
    saveChanges(file, ohio, [add('Third')]);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    chmodSync(file, 0o600);
    saveChanges(file, ohio, [{ kind: 'status', step: 3, status: 'done' }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes through a symlink to its target and keeps the link', () => {
    const target = put(withComments(), 'real.yaml');
    const link = join(tempDir(), 'link.yaml');
    symlinkSync(target, link);
    saveChanges(link, ohio, [{ kind: 'status', step: 1, status: 'done' }]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(parse(readFileSync(target, 'utf8')).actionSteps[0].status).toBe('done');
  });
});

describe('profile actions: interactive picker, Ctrl-C', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Answers select/input in turn; after the script, Ctrl-C. */
  function scripted(answers: unknown[]): Asker {
    const next = async () => {
      if (!answers.length) throw new StoppedError('User force closed the prompt');
      return answers.shift();
    };
    return { select: next, checkbox: next, input: next, say: () => {} } as unknown as Asker;
  }

  async function stopped(file: string, answers: unknown[]): Promise<string | undefined> {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = await runActions({ file, asker: scripted(answers) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as Error)?.name).toBe('ExitPromptError');
    return (err as { resumeHint?: string }).resumeHint;
  }

  it('after a change was saved, says the changes are saved (not "nothing was changed")', async () => {
    const file = put(withComments());
    const hint = await stopped(file, ['1', 'done', '']);
    expect(hint).toContain(`Changes so far are saved in ${file}`);
    expect(parse(readFileSync(file, 'utf8')).actionSteps[0].status).toBe('done');
  });

  it('before any change, says the file was not changed', async () => {
    const text = withComments();
    const file = put(text);
    const hint = await stopped(file, ['1', BACK]);
    expect(hint).toMatch(/was not changed/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('an added step is saved at once', async () => {
    const file = put(withComments());
    const hint = await stopped(file, ['add', LONG, 'communication.pausing', '']);
    expect(hint).toContain('saved');
    const v = parse(readFileSync(file, 'utf8'));
    expect(v.actionSteps[2]).toEqual({ text: LONG, for: 'communication.pausing', status: 'planned' });
    expect(recordErrors(readFileSync(file, 'utf8'), ohio)).toEqual([]);
  });
});

describe('profile actions: a plan that lives (edit, remove, done date, progress, open maximum)', () => {
  const TODAY = '2026-02-01';
  const v11 = (t: string) => parse(t, { version: '1.1' }) as { actionSteps: Record<string, unknown>[] };

  it('done records the day, quoted, after status; reopening removes it', () => {
    const out = applyChanges(withComments(), [{ kind: 'status', step: 1, status: 'done' }], 'r', TODAY);
    expect(out).toMatch(/ {4}status: done\n {4}done: "2026-02-01"\n/);
    expect(v11(out).actionSteps[0].done).toBe('2026-02-01'); // a YAML 1.1 reader gets text, not a timestamp
    const given = applyChanges(
      withComments(),
      [{ kind: 'status', step: 1, status: 'done', on: '2026-01-12' }],
      'r',
      TODAY,
    );
    expect(parse(given).actionSteps[0].done).toBe('2026-01-12');
    const again = applyChanges(out, [{ kind: 'status', step: 1, status: 'in-progress' }], 'r', TODAY);
    expect(parse(again).actionSteps[0]).toEqual({
      text: 'Plan three open questions',
      for: 'communication.questioning',
      status: 'in-progress',
    });
    expect(recordErrors(out, ohio)).toEqual([]);
  });

  it('edits text and due date in place: key order and comments stay, dates quoted', () => {
    const out = applyChanges(
      withComments(),
      [
        { kind: 'text', step: 1, text: 'Plan four open questions' },
        { kind: 'due', step: 1, due: '2026-03-01' },
      ],
      'r',
      TODAY,
    );
    expect(Object.keys(parse(out).actionSteps[0])).toEqual(['text', 'for', 'due', 'status']);
    expect(out).toContain('  - text: Plan four open questions');
    expect(out).toContain('    due: "2026-03-01"');
    expect(out).toContain('# My own notes at the top');
    const cleared = applyChanges(out, [{ kind: 'due', step: 1, due: null }], 'r', TODAY);
    expect(parse(cleared).actionSteps[0].due).toBeUndefined();
  });

  it('adds dated progress notes, oldest first, after the other keys', () => {
    let out = applyChanges(
      withComments(),
      [{ kind: 'note', step: 2, text: 'Counted to five in two meetings', on: '2026-01-10' }],
      'r',
      TODAY,
    );
    out = applyChanges(out, [{ kind: 'note', step: 2, text: 'Now a habit', on: TODAY }], 'r', TODAY);
    const step = parse(out).actionSteps[1];
    expect(Object.keys(step)).toEqual(['text', 'for', 'status', 'progress']);
    expect(step.progress).toEqual([
      { date: '2026-01-10', text: 'Counted to five in two meetings' },
      { date: TODAY, text: 'Now a habit' },
    ]);
    expect(v11(out).actionSteps[1].progress).toEqual(step.progress);
    expect(recordErrors(out, ohio)).toEqual([]);
  });

  it('removes steps by their numbers before the change, keeping the comment of another', () => {
    const three = applyChanges(withComments(), [add('Third')], 'r', TODAY);
    const out = applyChanges(three, [{ kind: 'remove', step: 2 }], 'r', TODAY);
    expect(parse(out).actionSteps.map((s: { text: string }) => s.text)).toEqual(['Plan three open questions', 'Third']);
    expect(out).toContain('# typed on the bus');
    const both = applyChanges(
      three,
      [
        { kind: 'remove', step: 1 },
        { kind: 'remove', step: 3 },
      ],
      'r',
      TODAY,
    );
    expect(parse(both).actionSteps.map((s: { text: string }) => s.text)).toEqual(['Count to five before speaking']);
    expect(() =>
      checkChanges(loadRecord(fx('with-comments.yaml')), ohio, [
        { kind: 'remove', step: 1 },
        { kind: 'text', step: 1, text: 'x' },
      ]),
    ).toThrow(/step 1 is removed/);
  });

  it('the maximum counts open steps: a step can be added once another is done, not reopened past it', () => {
    const full = applyChanges(withComments(), [add('Third')], 'r', TODAY);
    const r = (t: string) => parseRecordText(t, 'r').record!;
    expect(() => checkChanges(r(full), ohio, [add('Fourth')])).toThrow(/3 open action steps/);
    expect(() =>
      checkChanges(r(full), ohio, [{ kind: 'status', step: 1, status: 'done' }, add('Fourth')]),
    ).not.toThrow();
    const four = applyChanges(full, [{ kind: 'status', step: 1, status: 'done' }, add('Fourth')], 'r', TODAY);
    expect(recordErrors(four, ohio)).toEqual([]);
    expect(() => checkChanges(r(four), ohio, [{ kind: 'status', step: 1, status: 'planned' }])).toThrow(
      /at most 3 open action steps at a time, so no step was opened again/,
    );
    expect(() => checkChanges(r(four), ohio, [{ kind: 'text', step: 2, text: 'Still fine' }])).not.toThrow();
  });

  it('refuses bad dates and empty texts for edits and notes', () => {
    const rec = loadRecord(fx('with-comments.yaml'));
    expect(() => checkChanges(rec, ohio, [{ kind: 'due', step: 1, due: '2026-02-30' }])).toThrow(
      /--due 2026-02-30 is not a day of the calendar \(February 2026 has 28 days\)/,
    );
    expect(() => checkChanges(rec, ohio, [{ kind: 'note', step: 1, text: ' ', on: TODAY }])).toThrow(
      /--note needs some text/,
    );
    expect(() => checkChanges(rec, ohio, [{ kind: 'text', step: 1, text: '' }])).toThrow(/--text needs/);
    expect(() => checkChanges(rec, ohio, [{ kind: 'status', step: 1, status: 'done', on: '12/01/2026' }])).toThrow(
      /--on "12\/01\/2026" is not a date/,
    );
    expect(() => checkChanges(rec, ohio, [{ kind: 'note', step: 3, text: 'x', on: TODAY }])).toThrow(
      /no action step 3/,
    );
  });
});

describe('profile actions: updated', () => {
  it('stamps updated: (quoted, after respondent and before ratings) on each save', () => {
    const out = applyChanges(
      withComments(),
      [{ kind: 'status', step: 1, status: 'in-progress' }],
      'r',
      '2026-02-01',
      '2026-02-01T10:30:00Z',
    );
    expect(out).toContain('date: "2025-10-01"\nupdated: "2026-02-01T10:30:00Z"\nratings:');
    const again = applyChanges(
      out,
      [{ kind: 'status', step: 1, status: 'done' }],
      'r',
      '2026-02-02',
      '2026-02-02T09:00:00Z',
    );
    expect(again.match(/^updated:/gm)).toHaveLength(1);
    expect(parse(again).updated).toBe('2026-02-02T09:00:00Z');
    expect(recordErrors(again, ohio)).toEqual([]);
  });
});

describe('profile actions: dates (cold trial)', () => {
  it('every date in the file is quoted after a change, those of steps not edited too (YAML 1.1 reads them as text)', () => {
    const text = withComments().replace(
      '  - text: Count to five before speaking\n',
      '  - text: Count to five before speaking\n    due: 2026-01-05\n',
    );
    const out = applyChanges(text, [{ kind: 'status', step: 1, status: 'in-progress' }], 'r', '2026-02-01');
    expect(out).toContain('    due: "2026-01-05"\n');
    expect(out).toContain('date: "2025-10-01"\n');
    // Nothing else is reformatted: the flow list and the comment stay as written.
    expect(out).toContain('priorities: [communication.questioning, communication.pausing]\n');
    expect(out).toContain('  - text: Plan three open questions   # typed on the bus\n');
    const v11 = parse(out, { version: '1.1' });
    expect(v11.date).toBe('2025-10-01');
    expect(v11.actionSteps[1].due).toBe('2026-01-05');
  });
  it("refuses a done date, or a progress note, before the record's own date", () => {
    const rec = loadRecord(fx('with-comments.yaml')); // date 2025-10-01
    expect(() => checkChanges(rec, ohio, [{ kind: 'status', step: 1, status: 'done', on: '2025-09-30' }])).toThrow(
      "--on 2025-09-30 is before this record's date (2025-10-01): step 1 done cannot be dated before the plan was made",
    );
    expect(() => checkChanges(rec, ohio, [{ kind: 'note', step: 2, text: 'Tried it', on: '2024-01-01' }])).toThrow(
      /before this record's date/,
    );
    expect(() =>
      checkChanges(rec, ohio, [{ kind: 'status', step: 1, status: 'done', on: '2025-10-01' }]),
    ).not.toThrow();
  });
});

describe('profile actions --plain: choosing by name', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds a step by the start of its text; "done" typed at the menu does not end the session; Finish does', async () => {
    const file = put(readFileSync(new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname, 'utf8'));
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // "keep" picks step 3 by its text, "<" goes back, "done" is refused (not the way out), "finish" leaves.
    input.write('keep\n<\ndone\nfinish\n');
    await runActions({ file, asker: new PlainAsker(input, output) });
    expect(text).toContain('3) Keep a log of questions that opened up the talk');
    expect(text).toContain('Chosen: 3. Keep a log of questions that opened up the talk');
    expect(text).toContain('? Step 3: Keep a log');
    expect(text.split('? Change a step?')).toHaveLength(3); // asked again after "done"
    expect(text).toContain('Please type a number');
    expect(text).toContain('Finished.');
  });
  it('"done" at a step\'s menu is Mark done; Enter there takes nothing (every choice changes the record)', async () => {
    const file = put(readFileSync(new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname, 'utf8'));
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // Step 2 (planned): a word that names nothing, then Enter, change nothing; "done", then Enter for today.
    input.end('2\nxyz\n\ndone\n\nfinish\n');
    await runActions({ file, asker: new PlainAsker(input, output), today: '2026-02-01' });
    const flat = text.replace(/\s+/g, ' ');
    const menu = flat.slice(flat.indexOf('? Step 2:'), flat.indexOf('When was it done?'));
    expect(menu).not.toContain('Enter for');
    expect(menu).not.toContain('(default)');
    expect(menu.split('Please type a number from 1 to 7 or the start of a name, or < to go back.')).toHaveLength(3);
    expect(menu).toContain('Chosen: Mark done');
    expect(flat).not.toContain('in progress.');
    const step = parse(readFileSync(file, 'utf8')).actionSteps[1];
    expect([step.status, step.done]).toEqual(['done', '2026-02-01']);
    expect(text).toContain('Finished.');
  });
  it("opening a done step again with 3 open: said in the menu's words, not as flags", async () => {
    const file = put(readFileSync(new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname, 'utf8'));
    saveChanges(file, ohio, [{ kind: 'add', step: { text: 'Visit a peer coach' } }], '2026-02-01');
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // Step 1 is done, steps 2 to 4 open: "Mark planned" on step 1 is refused.
    input.end('1\nplanned\nfinish\n');
    await runActions({ file, asker: new PlainAsker(input, output), today: '2026-02-01' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Not saved: ohio-process-coaching@3.15 allows at most 3 open action steps at a time');
    expect(flat).toContain(
      'Mark a step done or remove one first (pick it in the list), or edit the text of an open step instead.',
    );
    expect(flat).not.toMatch(/--done|--remove|--step/);
    expect(parse(readFileSync(file, 'utf8')).actionSteps[0].status).toBe('done');
  });

  it('adding a step: "<" at "Which priority" goes back to the text, kept for Enter', async () => {
    const file = put(readFileSync(new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname, 'utf8'));
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    input.end('add\nVisit a peer coach\n<\n\n2\n<\n1\n2026-03-01\nfinish\n');
    await runActions({ file, asker: new PlainAsker(input, output), today: '2026-02-01' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat.split('? What will you do?')).toHaveLength(3);
    expect(flat).toContain('? What will you do? [Visit a peer coach] (< to go back)');
    expect(flat).toContain('Kept: Visit a peer coach');
    // Back from the due date comes to the priority again, the last answer offered for Enter.
    expect(flat.split('? Which priority does it address?')).toHaveLength(4);
    expect(flat).toMatch(/Answer \(a number from 1 to 3 or the start of a name, or < to go back\)/);
    expect(flat).toContain('Enter for 2, or < to go back');
    expect(parse(readFileSync(file, 'utf8')).actionSteps[3]).toEqual({
      text: 'Visit a peer coach',
      for: 'communication.questioning',
      due: '2026-03-01',
      status: 'planned',
    });
  });
  it('"fin" does not finish (a partial word never ends the session); the number or "finish" does', async () => {
    const file = put(readFileSync(new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname, 'utf8'));
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    input.write('fin\nfinish\n');
    await runActions({ file, asker: new PlainAsker(input, output) });
    expect(text.split('Answer (')).toHaveLength(3); // asked again after "fin"
    expect(text.replace(/\s+/g, ' ')).toMatch(
      /"fin" could be Finish, which ends the session: type finish in full, or \d\./,
    );
    expect(text).toContain('Finished.');
  });
});

describe('profile actions --plain: words only, for a screen reader', () => {
  afterEach(() => vi.restoreAllMocks());
  const report = () =>
    put(readFileSync(new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname, 'utf8'));

  function plainRun(file: string, lines: string) {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    let screen = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      screen += String(s);
      return true;
    });
    input.end(lines);
    return runActions({ file, asker: new PlainAsker(input, output), today: '2026-02-01', plain: true }).then(() => ({
      text,
      screen,
    }));
  }

  it('the list: "1. done", "2. planned, OVERDUE", "3. in progress", commas; no [x], [ ], [~] or ·', async () => {
    const { screen } = await plainRun(report(), 'finish\n');
    expect(screen).toContain('1. done\n   Plan three open questions');
    expect(screen).toContain('2. planned, OVERDUE\n   Ask a partner');
    expect(screen).toContain('3. in progress\n   Keep a log');
    expect(screen.replace(/\s+/g, ' ')).toContain('due 2025-11-30, done 2025-11-18');
    expect(screen).not.toMatch(/\[[ x~]\]|·/);
  });

  it('adding a step: each priority by its title, its number after it; "not" picks Not linked, said back so', async () => {
    const file = report();
    const { text } = await plainRun(file, 'add\nVisit a peer coach\nnot\n\nfinish\n');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('1) Powerful questioning that deepens and extends thinking (item 6)');
    expect(flat).toContain('2) Building and maintaining rapport (item 2)');
    expect(flat).toContain('3) Not linked to a priority');
    expect(flat).not.toMatch(/\d\) \d+\. /); // never two numbers in a row
    expect(flat).toContain('Not linked.');
    expect(flat).not.toContain('Linked to: Not linked');
    expect(parse(readFileSync(file, 'utf8')).actionSteps[3]).toEqual({ text: 'Visit a peer coach', status: 'planned' });
  });

  it('a priority picked by name is said back with its title', async () => {
    const file = report();
    const { text } = await plainRun(file, 'add\nVisit a peer coach\nbuilding\n\nfinish\n');
    expect(text.replace(/\s+/g, ' ')).toContain('Linked to: Building and maintaining rapport (item 2)');
    expect(parse(readFileSync(file, 'utf8')).actionSteps[3].for).toBe('communication.rapport');
  });
});

describe('removing a step: the later steps move up, and that is said', () => {
  afterEach(() => vi.restoreAllMocks());
  const report = () =>
    put(readFileSync(new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname, 'utf8'));
  const rm = (...steps: number[]): ActionChange[] => steps.map((step) => ({ kind: 'remove', step }));

  it('with --remove: "Removed step 2 (...)", then "Step 3 is now 2."; the last step: nothing moves', () => {
    const file = report();
    expect(saveChanges(file, ohio, rm(2), '2026-02-01').said).toEqual([
      'Removed step 2 ("Ask a partner to observe one meeting").',
      'Step 3 is now 2.',
    ]);
    expect(saveChanges(file, ohio, rm(2), '2026-02-01').said).toEqual([
      'Removed step 2 ("Keep a log of questions that opened up the talk").',
    ]);
  });

  it('several steps move: "Steps 3 and 4 are now 2 and 3."; two removed: each new number', () => {
    const file = report();
    saveChanges(file, ohio, [{ kind: 'status', step: 3, status: 'done' }, add('Visit a peer coach')], '2026-02-01');
    expect(saveChanges(file, ohio, rm(2), '2026-02-01').said.at(-1)).toBe('Steps 3 and 4 are now 2 and 3.');
    const again = report();
    saveChanges(again, ohio, [{ kind: 'status', step: 3, status: 'done' }, add('Visit a peer coach')], '2026-02-01');
    expect(saveChanges(again, ohio, rm(1, 3), '2026-02-01', { yes: true }).said.at(-1)).toBe(
      'Steps 2 and 4 are now 1 and 2.',
    );
  });

  it('a long run reads as a range; an added step counts (it was numbered after the others)', () => {
    expect(renumbered(7, rm(2))).toBe('Steps 3 to 7 are now 2 to 6.');
    expect(renumbered(4, [...rm(1), add('New')])).toBe('Steps 2, 3 and 4 are now 1, 2 and 3.');
    expect(renumbered(3, rm(3))).toBeUndefined();
  });

  it('in the menu: said after "Removed step 2 ..." too', async () => {
    const file = report();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    input.end('2\nremove\nyes\nfinish\n');
    await runActions({ file, asker: new PlainAsker(input, output), today: '2026-02-01' });
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Removed step 2 ("Ask a partner to observe one meeting"). Step 3 is now 2.',
    );
  });
});
