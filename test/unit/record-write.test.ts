import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecordText } from '../../src/record/read.js';
import { RecordSchema } from '../../src/record/schema.js';
import {
  recordFileName,
  replaceFileAtomic,
  serializeRecord,
  writeNewFileAtomic,
  writeNewRecord,
} from '../../src/record/write.js';

const rec = RecordSchema.parse({
  kind: 'practice-profile-record',
  format: 1,
  id: '3f2b8c1e-7a4d-4c1b-9e8f-2a6b5c4d3e21',
  profile: 'sbic@2024',
  status: 'complete',
  date: '2025-09-14',
  respondent: 'Jane Doe',
  ratings: { relationships: 'proficient' },
  actionSteps: [{ text: 'Agree a response time', for: 'relationships' }],
});

describe('record files', () => {
  it('serialise in the contract key order and read back the same', () => {
    const text = serializeRecord({ ...rec, ratings: rec.ratings, date: rec.date });
    expect(text.split('\n').slice(0, 6)).toEqual([
      'kind: practice-profile-record',
      'format: 1',
      'id: 3f2b8c1e-7a4d-4c1b-9e8f-2a6b5c4d3e21',
      'profile: sbic@2024',
      'status: complete',
      'date: "2025-09-14"',
    ]);
    expect(parseRecordText(text, 'x.yaml').record).toEqual(rec);
  });
  it('file names carry no personal name', () => {
    expect(recordFileName(rec)).toBe('2025-09-14_sbic-2024_3f2b8c1e.yaml');
    expect(recordFileName(rec)).not.toMatch(/jane|doe/i);
  });
  it('a new file never replaces an existing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-write-'));
    const f = join(dir, 'a.yaml');
    writeFileSync(f, 'precious\n');
    expect(() => writeNewFileAtomic(f, 'other\n')).toThrow(/EEXIST/);
    expect(readFileSync(f, 'utf8')).toBe('precious\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']); // no temp file left behind
  });
  it('two records with the same name get two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-write-'));
    const a = writeNewRecord(dir, rec);
    const b = writeNewRecord(dir, rec);
    expect(a).not.toBe(b);
    expect(readdirSync(dir).sort()).toEqual([
      '2025-09-14_sbic-2024_3f2b8c1e-2.yaml',
      '2025-09-14_sbic-2024_3f2b8c1e.yaml',
    ]);
  });
  it('replacing is atomic and leaves no temp files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-write-'));
    const f = join(dir, 'a.yaml');
    replaceFileAtomic(f, 'one\n');
    replaceFileAtomic(f, 'two\n');
    expect(readFileSync(f, 'utf8')).toBe('two\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });
});

describe('record values a YAML 1.1 reader would misread', () => {
  it('dates, the updated time, yes/no and 3.10 are written quoted; they read back the same', async () => {
    const { load } = await import('js-yaml');
    const r = RecordSchema.parse({
      ...rec,
      updated: '2026-01-15T10:30:00Z',
      group: { region: '3.10', district: 'yes' },
      actionSteps: [{ text: 'Agree a time', due: '2025-12-01' }],
    });
    const text = serializeRecord(r);
    expect(text).toContain('updated: "2026-01-15T10:30:00Z"');
    expect(text).toContain('  region: "3.10"');
    expect(text).toContain('  district: "yes"');
    expect(text).toContain('    due: "2025-12-01"');
    expect(parseRecordText(text, 'x.yaml').record).toEqual(r);
    // js-yaml reads YAML 1.1 (timestamps, 3.10 as a number): every value stays text.
    expect(load(text)).toMatchObject({
      date: '2025-09-14',
      updated: '2026-01-15T10:30:00Z',
      group: { region: '3.10', district: 'yes' },
    });
  });
});
