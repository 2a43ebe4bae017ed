import { describe, expect, it } from 'vitest';
import { closest } from '../../src/suggest.js';
import { optionsInOrder } from '../../src/commands/option-suggest.js';

describe('did you mean', () => {
  it('finds typos and renames, not merely ids of the same section', () => {
    expect(closest('proficent', ['exemplary', 'proficient', 'far-from-proficient'])).toBe('proficient');
    expect(closest('progress-monitoring', ['feedback', 'monitoring'])).toBe('monitoring');
    expect(closest('sbci', ['sbic', 'ohio-process-coaching'])).toBe('sbic');
    expect(closest('communication.nope', ['communication.method', 'communication.rapport'])).toBeUndefined();
    expect(closest('zzz', ['sbic'])).toBeUndefined();
  });
});

describe('optionsInOrder: a half-typed option (cold trial: --dn offered --on, not --done)', () => {
  const actions = [
    '--start',
    '--done',
    '--plan',
    '--remove',
    '--step',
    '--text',
    '--note',
    '--add',
    '--for',
    '--due',
    '--on',
    '--yes',
    '--plain',
    '--profiles',
    '--no-color',
    '--help',
  ];
  it('the option that holds the typed letters in order, from the same first letter', () => {
    expect(optionsInOrder('--dn', actions)).toEqual(['--done']);
    expect(optionsInOrder('--rmv', actions)).toEqual(['--remove']);
    expect(optionsInOrder('--profils', actions)).toEqual(['--profiles']);
  });
  it("none fits: undefined, so commander's own suggestion stands", () => {
    expect(optionsInOrder('--plian', actions)).toBeUndefined(); // a transposition: commander's
    expect(optionsInOrder('--re', actions)).toBeUndefined(); // too little of "remove" or "respondent"
    expect(optionsInOrder('--x', actions)).toBeUndefined();
  });
});
