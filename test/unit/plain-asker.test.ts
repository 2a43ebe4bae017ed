// --plain: a choice typed by its number or its name; a way out (Finish, Save and finish) never from the start
// of a word, since "fin" or "s" typed for something else would end the session.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Choice } from '../../src/prompts/asker.js';
import { PlainAsker } from '../../src/prompts/plain-asker.js';

/** Ask one question with `lines` typed; what was chosen and what the coach read. */
async function pick(choices: Choice<string>[], lines: string, def?: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (b: Buffer) => (text += b.toString()));
  input.end(lines); // closed after them: a refused last answer ends the test, not a wait
  const a = new PlainAsker(input, output);
  try {
    const got = await a.select({ message: 'Save, or change an answer?', choices, default: def });
    return { got, text: text.replace(/\s+/g, ' ') }; // wrapped to the width: line breaks as spaces
  } finally {
    a.close();
  }
}

// As the review at the end of profile assess offers them (value save: a way out, though not marked).
const review: Choice<string>[] = [
  { value: 'save', label: 'Save and finish' },
  { value: 'context', label: 'Change the context' },
  { value: 'areas', label: 'Change improvement areas' },
  { value: 'step:2', label: 'Add another action step' },
];

describe('PlainAsker: a way out is taken only by its number or a whole word', () => {
  it('"sa" does not save: it is said what to type, then "save" saves and is said back', async () => {
    const { got, text } = await pick(review, 'sa\nsave\n');
    expect(got).toBe('save');
    expect(text).toContain('"sa" could be Save and finish, which ends the session: type save in full, or 1.');
    expect(text).toContain('Chosen: Save and finish');
  });

  it('its number, its whole label or Enter for the default take it', async () => {
    expect((await pick(review, '1\n')).got).toBe('save');
    expect((await pick(review, 'Save and Finish\n')).got).toBe('save');
    expect((await pick(review, '\n', 'save')).got).toBe('save');
  });

  it('the start of a name still picks any other choice, and is said back', async () => {
    const { got, text } = await pick(review, 'add\n');
    expect(got).toBe('step:2');
    expect(text).toContain('Chosen: Add another action step');
    expect((await pick(review, 'change the c\n')).got).toBe('context');
  });

  it('a choice marked ends: true is a way out whatever its value; ends: false is not', async () => {
    const choices: Choice<string>[] = [
      { value: '1', label: 'Visit a peer coach (planned)' },
      { value: 'leave', label: 'Finish', ends: true },
    ];
    const { got, text } = await pick(choices, 'fin\nfinish\n');
    expect(got).toBe('leave');
    expect(text).toContain('"fin" could be Finish, which ends the session: type finish in full, or 2.');
    expect((await pick([{ value: 'quit', label: 'Quiet hours', ends: false }], 'qui\n')).got).toBe('quit');
  });
});

// The menu of a step in profile actions.
const stepMenu: Choice<string>[] = [
  { value: 'planned', label: 'Mark planned (now)' },
  { value: 'in-progress', label: 'Mark in progress' },
  { value: 'done', label: 'Mark done' },
  { value: 'note', label: 'Add a progress note' },
  { value: 'text', label: 'Edit the text' },
  { value: 'due', label: 'Set a due date' },
  { value: 'remove', label: 'Remove this step' },
];

describe('PlainAsker: a whole word of one label picks it', () => {
  it('"done" is Mark done, "progress" Mark in progress, "note" the note: said back as chosen', async () => {
    const done = await pick(stepMenu, 'done\n');
    expect(done.got).toBe('done');
    expect(done.text).toContain('Chosen: Mark done');
    // In two labels, but the last word of one only (Add a progress note ends with "note").
    const progress = await pick(stepMenu, 'progress\n');
    expect(progress.got).toBe('in-progress');
    expect(progress.text).toContain('Chosen: Mark in progress');
    expect((await pick(stepMenu, 'in progress\n')).got).toBe('in-progress');
    expect((await pick(stepMenu, 'Note\n')).got).toBe('note');
    expect((await pick(stepMenu, 'due date\n')).got).toBe('due');
  });

  it('a word that ends two labels, part of a word, or words in brackets pick nothing', async () => {
    const levels: Choice<string>[] = [
      { value: 'green', label: 'Green - fully practising' },
      { value: 'yellow', label: 'Yellow - moderately practising' },
      { value: 'pink', label: 'Pink - not meeting' },
    ];
    const l = await pick(levels, 'practising\nmoderately\n');
    expect(l.got).toBe('yellow');
    expect(l.text).toContain(
      '"practising" could be Green - fully practising or Yellow - moderately practising; type more of the name or a number.',
    );
    // "prog" is part of a word; "now" only describes Mark planned.
    const { got, text } = await pick(stepMenu, 'prog\nnow\n7\n');
    expect(got).toBe('remove');
    expect(text.split('Please type a number from 1 to 7')).toHaveLength(3);
  });

  it('a way out is still not taken by a word other than its first: "finish" is not Save and finish', async () => {
    const { got, text } = await pick(review, 'finish\nsave\n');
    expect(got).toBe('save');
    expect(text).toContain('"finish" could be Save and finish, which ends the session: type save in full, or 1.');
  });
});

describe('PlainAsker: a menu of one choice', () => {
  it('says "type 1", not "a number from 1 to 1"; the number or the name still take it', async () => {
    const one: Choice<string>[] = [{ value: 'x', label: 'Keep going' }];
    const { got, text } = await pick(one, 'no\n1\n');
    expect(got).toBe('x');
    expect(text).not.toContain('from 1 to 1');
    expect(text).toContain('Answer (type 1):');
    expect(text).toContain('Please type 1.');
    expect((await pick(one, 'keep\n')).got).toBe('x');
  });
});

describe('PlainAsker: a number that is not on the list is named first', () => {
  it('7 at a 4-choice menu: "7 is not on the list; please type ...", then a good number is taken', async () => {
    const { got, text } = await pick(review, '7\n0\n2\n');
    expect(got).toBe('context');
    expect(text).toContain('7 is not on the list; please type a number from 1 to 4 or the start of a name.');
    expect(text).toContain('0 is not on the list; please type');
  });

  it('"2,5" at a 2-item tick list: "5 is not on the list"; several are named together', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (b: Buffer) => (text += b.toString()));
    input.end('2,5\n3 7 1\nx\n1,2\n');
    const a = new PlainAsker(input, output);
    try {
      const got = await a.checkbox({
        message: 'Which areas?',
        choices: [
          { value: 'a', label: 'Pausing' },
          { value: 'b', label: 'Paraphrasing' },
        ],
      });
      expect(got).toEqual(['a', 'b']);
    } finally {
      a.close();
    }
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('5 is not on the list; please type numbers separated by commas');
    expect(flat).toContain('3 and 7 are not on the list; please type');
    expect(flat).toContain('Please type numbers separated by commas'); // "x": not a number, as before
  });
});
