import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFile, readDraftFrom, readLastContext, writeDraftFrom, writeLastContext } from '../../src/config.js';
import { tempDir } from './assess-helpers.js';

describe('remembered context', () => {
  it('lives under XDG_CONFIG_HOME and round-trips group and cycle (never the respondent)', () => {
    const env = { XDG_CONFIG_HOME: tempDir() };
    expect(configFile(env)).toBe(join(env.XDG_CONFIG_HOME, 'practice-profile', 'config.yaml'));
    expect(readLastContext('ohio-process-coaching', env)).toEqual({});
    writeLastContext(
      'ohio-process-coaching',
      { group: { state: 'OH', district: 'Example City' }, cycle: '2025-26' },
      env,
    );
    expect(readLastContext('ohio-process-coaching', env)).toEqual({
      group: { state: 'OH', district: 'Example City' },
      cycle: '2025-26',
    });
  });
  it("is remembered per profile: one profile's district is not offered for another", () => {
    const env = { XDG_CONFIG_HOME: tempDir() };
    writeLastContext('ohio-process-coaching', { group: { state: 'OH' }, cycle: '2025-26' }, env);
    expect(readLastContext('sbic', env)).toEqual({});
    writeLastContext('sbic', { group: { state: 'MO' } }, env);
    expect(readLastContext('sbic', env)).toEqual({ group: { state: 'MO' } });
    expect(readLastContext('ohio-process-coaching', env).group).toEqual({ state: 'OH' });
  });
  it('the one context an older version kept for all profiles is not offered, and is dropped on the next write', () => {
    const env = { XDG_CONFIG_HOME: tempDir() };
    writeLastContext('sbic', {}, env); // makes the folder
    writeFileSync(configFile(env), 'lastContext:\n  group:\n    state: OH\n');
    expect(readLastContext('sbic', env)).toEqual({});
    writeLastContext('sbic', { group: { state: 'MO' } }, env);
    expect(readFileSync(configFile(env), 'utf8')).not.toContain('lastContext');
  });
  it('an unusable config folder is not an error', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    expect(() => writeLastContext('x', { cycle: 'x' }, { XDG_CONFIG_HOME: file })).not.toThrow();
    expect(() => writeDraftFrom('id', '/x', { XDG_CONFIG_HOME: file })).not.toThrow();
  });
});

describe('the record a draft was started from (--from)', () => {
  it('is kept per draft id until cleared', () => {
    const env = { XDG_CONFIG_HOME: tempDir() };
    writeDraftFrom('a', '/records/last-year.yaml', env);
    writeDraftFrom('b', '/records/other.yaml', env);
    expect(readDraftFrom('a', env)).toBe('/records/last-year.yaml');
    writeDraftFrom('a', undefined, env);
    expect(readDraftFrom('a', env)).toBeUndefined();
    expect(readDraftFrom('b', env)).toBe('/records/other.yaml');
    writeDraftFrom('b', undefined, env);
    expect(readFileSync(configFile(env), 'utf8')).not.toContain('draftFrom');
  });
});
