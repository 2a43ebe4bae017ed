import { describe, expect, it } from 'vitest';
import { loadRegistry, resolveProfile } from '../../src/profile/registry.js';
import { ratedItems } from '../../src/profile/model.js';

describe('shipped profiles', () => {
  const reg = loadRegistry({ env: {} });
  it('loads all three without problems', () => {
    expect(reg.problems).toEqual([]);
    expect(reg.entries.map((e) => e.ref)).toEqual(['ohio-process-coaching@3.15', 'sbic@2014', 'sbic@2024']);
  });
  it('resolves the latest version by default', () => {
    expect(resolveProfile(reg, 'sbic').ref).toBe('sbic@2024');
    expect(resolveProfile(reg, 'sbic@2014').ref).toBe('sbic@2014');
    expect(() => resolveProfile(reg, 'sbic@1999')).toThrow(/no version "1999"; versions: 2014, 2024/);
    expect(() => resolveProfile(reg, 'nope')).toThrow(/unknown profile "nope"/);
  });
  it('rates what the source lays out: SBIC per function, Ohio per criterion', () => {
    expect(ratedItems(resolveProfile(reg, 'sbic@2014').profile)).toHaveLength(4);
    expect(ratedItems(resolveProfile(reg, 'sbic@2024').profile)).toHaveLength(5);
    expect(ratedItems(resolveProfile(reg, 'ohio-process-coaching').profile)).toHaveLength(9);
  });
});
