import { describe, expect, it } from 'vitest';
import { closest } from '../../src/suggest.js';

describe('did you mean', () => {
  it('finds typos and renames, not merely ids of the same section', () => {
    expect(closest('proficent', ['exemplary', 'proficient', 'far-from-proficient'])).toBe('proficient');
    expect(closest('progress-monitoring', ['feedback', 'monitoring'])).toBe('monitoring');
    expect(closest('sbci', ['sbic', 'ohio-process-coaching'])).toBe('sbic');
    expect(closest('communication.nope', ['communication.method', 'communication.rapport'])).toBeUndefined();
    expect(closest('zzz', ['sbic'])).toBeUndefined();
  });
});
