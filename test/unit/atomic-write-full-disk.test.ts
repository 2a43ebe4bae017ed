// A full disk (ENOSPC on write) fails the write with the plain error and leaves no temp file behind.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

let full = true;
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = (...args: Parameters<typeof fs.writeSync>) => {
    if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  };
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { replaceFileAtomic, writeNewFileAtomic } = await import('../../src/atomic-write.js');
const { fsErrorText } = await import('../../src/errors.js');

describe('atomic writes on a full disk', () => {
  it('a new file: ENOSPC, in plain words, and the folder is as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-full-'));
    let err: unknown;
    try {
      writeNewFileAtomic(join(dir, 'a.yaml'), 'one\n');
    } catch (e) {
      err = e;
    }
    expect(fsErrorText(err)).toBe('the disk is full');
    expect(readdirSync(dir)).toEqual([]);
  });
  it('a replacement: the old file stays whole, no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-full-'));
    full = false;
    writeFileSync(join(dir, 'a.yaml'), 'precious\n');
    full = true;
    expect(() => replaceFileAtomic(join(dir, 'a.yaml'), 'new\n')).toThrow(/ENOSPC/);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('precious\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});
