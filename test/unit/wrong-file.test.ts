// A wrong file given where a record goes (an HTML report, a profile, a record named without records/): said plainly.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecordFile } from '../../src/record/read.js';
import { reportMarkdown } from '../../src/report/format-md.js';
import { loadOwnRecord } from '../../src/report/load.js';
import { buildReport } from '../../src/report/model.js';
import { reg, tempDir } from './assess-helpers.js';

const REC = new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname;
const PROFILE = new URL('../../profiles/sbic/2024.yaml', import.meta.url).pathname;

describe('a file that is not a record', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('an HTML report: "looks like an HTML report", not a YAML line complaint', () => {
    const f = join(tempDir(), 'report.html');
    writeFileSync(f, '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">\n<title>x: y</title>\n');
    const d = readRecordFile(f).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0].message).toBe(
      'this looks like an HTML report, not a record (records are the .yaml files profile assess saves in records/)',
    );
  });

  it('a Markdown report (profile report --format md): "looks like a Markdown report", even with its top lines cut', () => {
    const { rec, profile } = loadOwnRecord(REC, reg);
    const md = reportMarkdown(buildReport(profile, rec));
    const message =
      'this looks like a Markdown report (written by profile report --format md), not a record (records are the .yaml files profile assess saves in records/)';
    const f = join(tempDir(), 'b.md');
    for (const text of [md, `\uFEFF${md.replace(/\n/g, '\r\n')}`, md.split('\n').slice(4).join('\n')]) {
      writeFileSync(f, text);
      const d = readRecordFile(f).diagnostics;
      expect(d).toHaveLength(1);
      expect(d[0].message).toBe(message);
    }
    // A record whose comments look like headings is still a record.
    const commented = `# My record\n## Ratings\n## Action plan\n${readFileSync(REC, 'utf8')}`;
    writeFileSync(f, commented);
    expect(readRecordFile(f).record).toBeDefined();
  });

  it('a profile: "this is a practice profile, not your record"', () => {
    const d = readRecordFile(PROFILE).diagnostics;
    expect(d[0].message).toMatch(/^this is a practice profile .*not your record/);
    expect(d.map((x) => x.message).join()).not.toContain('must be');
  });

  it('a record named without its folder: "did you mean records/…?"', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'records'));
    copyFileSync(REC, join(dir, 'records', '2025-09-15_sbic-2024_648bb6e6.yaml'));
    process.chdir(dir);
    expect(readRecordFile('2025-09-15_sbic-2024_648bb6e6.yaml').diagnostics[0].message).toBe(
      'cannot read: file not found; did you mean records/2025-09-15_sbic-2024_648bb6e6.yaml?',
    );
    expect(readRecordFile('nothing.yaml').diagnostics[0].message).toBe('cannot read: file not found');
  });
});
