// On a drive without hard links (link() fails with EPERM), new files are still written and never replace one.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const linkSync = () => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  };
  return { ...fs, default: { ...fs, linkSync }, linkSync };
});

const { writeNewFileAtomic } = await import('../../src/atomic-write.js');

describe('writeNewFileAtomic without hard links', () => {
  it('writes a new file and leaves no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-nolink-'));
    writeNewFileAtomic(join(dir, 'a.yaml'), 'one\n');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('one\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
  it('still refuses to replace an existing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-nolink-'));
    writeFileSync(join(dir, 'a.yaml'), 'precious\n');
    expect(() => writeNewFileAtomic(join(dir, 'a.yaml'), 'other\n')).toThrow(/EEXIST/);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('precious\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});
