// Files a user names, checked before their YAML is parsed: no hang on a FIFO or device, encodings named,
// a key flood refused at once, and what the reader would silently change reported.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkYamlSize,
  decodeText,
  encodingProblem,
  readRecordText,
  readTextFile,
  silentChanges,
} from '../../src/input-guard.js';
import { parseYaml } from '../../src/yaml-source.js';
import { makeReadContext, readRecordResult } from '../../src/summary/read/read-record.js';
import { loadRegistry } from '../../src/profile/registry.js';
import { readFileSync } from 'node:fs';
import { fixture } from '../helpers/cli.js';

const OPTS = { maxBytes: 1024 * 1024, invalidUtf8: 'warn' as const };
const tmp = () => mkdtempSync(join(tmpdir(), 'pp-guard-'));

describe('readTextFile', () => {
  it('refuses a FIFO at once (no writer, no hang)', () => {
    const fifo = join(tmp(), 'f.yaml');
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    expect(() => readTextFile(fifo, OPTS)).toThrow(/not a regular file/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  it('refuses a device such as /dev/zero', () => {
    expect(() => readTextFile('/dev/zero', OPTS)).toThrow(/not a regular file/);
  });
  it('refuses a file over the size cap unread', () => {
    const f = join(tmp(), 'big.yaml');
    writeFileSync(f, 'x'.repeat(2048));
    expect(() => readTextFile(f, { ...OPTS, maxBytes: 1024 })).toThrow(/larger than 1 KB/);
  });
  it('names UTF-16 as an encoding problem, not as a missing kind:', () => {
    expect(() => readTextFile(fixture('hostile', 'utf16.yaml'), OPTS)).toThrow(/UTF-16, not UTF-8/);
  });
  it('warns about invalid UTF-8 with its line, or refuses it where the text would be written back', () => {
    const f = fixture('hostile', 'bad-utf8.yaml');
    const { warnings } = readTextFile(f, OPTS);
    expect(warnings).toEqual([
      expect.objectContaining({
        line: 10,
        col: 16,
        severity: 'warning',
        message: expect.stringMatching(/not valid UTF-8 \(byte 0xE9\)/),
      }),
    ]);
    expect(() => readTextFile(f, { ...OPTS, invalidUtf8: 'error' })).toThrow(/not valid UTF-8.*not changed/);
    expect(() => readRecordText(f)).toThrow(/not valid UTF-8/);
  });
  it('reads a clean file as it is, and a real U+FFFD is not a problem', () => {
    expect(decodeText(Buffer.from('region: a\ufffdb\n'), 'x').warnings).toEqual([]);
  });
});

describe('encodingProblem', () => {
  it('finds UTF-16 and UTF-32 with or without a BOM, and binary files', () => {
    expect(encodingProblem(Buffer.from('\ufeffkind: x', 'utf16le'))).toMatch(/UTF-16/);
    expect(encodingProblem(Buffer.from('kind: x\n', 'utf16le'))).toMatch(/UTF-16 or UTF-32/);
    expect(encodingProblem(Buffer.from([0xfe, 0xff, 0, 0x6b]))).toMatch(/UTF-16/);
    expect(encodingProblem(Buffer.from([0xff, 0xfe, 0, 0, 0x6b, 0, 0, 0]))).toMatch(/UTF-32/);
    expect(encodingProblem(Buffer.from('kind: x\n\0\0\0 and more text here, long enough to look binary'))).toMatch(
      /NUL/,
    );
    expect(encodingProblem(Buffer.from('\ufeffkind: x\n'))).toBeUndefined();
  });
});

describe('checkYamlSize', () => {
  it('refuses 86,000 group keys in well under a second, and passes every shipped fixture', () => {
    const text = `kind: practice-profile-record\n# a comment\ngroup:\n${Array.from({ length: 86_000 }, (_, i) => `  k${i}: v\n`).join('')}`;
    const t0 = performance.now();
    const d = checkYamlSize(text, 'r.yaml');
    expect(performance.now() - t0).toBeLessThan(200);
    expect(d).toMatchObject({
      file: 'r.yaml',
      severity: 'error',
      message: expect.stringMatching(/more than 4000 lines, keys and brackets by line \d+/),
    });
  });
  it('counts flow keys too (one line, commas)', () => {
    const text = `group: {${Array.from({ length: 5000 }, (_, i) => `k${i}`).join(', ')}}\n`;
    expect(checkYamlSize(text, 'r.yaml')?.line).toBe(1);
  });
  it('counts opening brackets: deep flow nesting is refused before the parser spends its stack', () => {
    expect(checkYamlSize(`group: ${'['.repeat(200_000)}\n`, 'r.yaml')?.message).toMatch(
      /more than 4000 lines, keys and brackets by line 1/,
    );
  });
  it('lets real records and profiles through', () => {
    for (const f of [
      fixture('assess', 'with-comments.yaml'),
      fixture('assess', 'ohio-answers.yaml'),
      join(fixture('..', '..'), 'profiles', 'sbic', '2014.yaml'),
    ]) {
      expect(checkYamlSize(readTextFile(f, OPTS).text, f)).toBeUndefined();
    }
  });
});

describe('the summarize reader', () => {
  it('refuses a flood before the fast reader too (170,000 list items in a clean record cost it over a second)', () => {
    const head = readFileSync(fixture('assess', 'with-comments.yaml'), 'utf8')
      .split('\nratings:')[0]
      .replace(/^#.*\n/, '');
    const f = join(tmp(), 'list.yaml');
    writeFileSync(f, `${head}\npriorities:\n${'  - a\n'.repeat(170_000)}`);
    const ctx = makeReadContext(
      loadRegistry({}).entries.map((e) => e.profile),
      { keys: [], includeText: false },
    );
    readRecordResult(fixture('assess', 'with-comments.yaml'), ctx); // warm up
    const t0 = performance.now();
    const r = readRecordResult(f, ctx);
    expect(performance.now() - t0).toBeLessThan(300);
    expect(r).toMatchObject({
      kind: 'invalid',
      diagnostics: [{ message: expect.stringMatching(/more than 4000 lines, keys and brackets/) }],
    });
  });
});

describe('silentChanges', () => {
  const changes = (f: string) => {
    const file = fixture('hostile', f);
    return silentChanges(parseYaml(readTextFile(file, OPTS).text, file));
  };
  it('a __proto__ key is an error (its value would be dropped)', () => {
    expect(changes('proto-group.yaml')).toEqual([
      expect.objectContaining({
        line: 9,
        col: 3,
        severity: 'error',
        message: expect.stringMatching(/"__proto__" is not allowed/),
      }),
    ]);
  });
  it('a group value written 0x1F, 1e3 or 007 is a warning that names both forms; plain numbers are not', () => {
    const ds = changes('number-groups.yaml');
    expect(ds.map((d) => [d.line, d.severity, d.message])).toEqual([
      [9, 'warning', 'group region: 0x1F is read as the number 31; write it in quotes ("0x1F") to keep it as written'],
      [
        10,
        'warning',
        'group district: 1e3 is read as the number 1000; write it in quotes ("1e3") to keep it as written',
      ],
      [11, 'warning', 'group building: 007 is read as the number 7; write it in quotes ("007") to keep it as written'],
    ]);
  });
});
