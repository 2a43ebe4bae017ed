import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFile, readLastContext, writeLastContext } from '../../src/config.js';
import { tempDir } from './assess-helpers.js';

describe('remembered context', () => {
  it('lives under XDG_CONFIG_HOME and round-trips group and cycle (never the respondent)', () => {
    const env = { XDG_CONFIG_HOME: tempDir() };
    expect(configFile(env)).toBe(join(env.XDG_CONFIG_HOME, 'practice-profile', 'config.yaml'));
    expect(readLastContext(env)).toEqual({});
    writeLastContext({ group: { state: 'OH', district: 'Example City' }, cycle: '2025-26' }, env);
    expect(readLastContext(env)).toEqual({ group: { state: 'OH', district: 'Example City' }, cycle: '2025-26' });
  });
  it('an unusable config folder is not an error', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    expect(() => writeLastContext({ cycle: 'x' }, { XDG_CONFIG_HOME: file })).not.toThrow();
  });
});
