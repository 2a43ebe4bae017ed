// The summary's per-file reader: exactly what `yaml` reads (no Unicode trimming), duplicates judged on
// content rather than text, own group keys only, and special files reported.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastParseYaml } from '../../src/summary/read/fast-yaml.js';
import { makeReadContext, readRecordResult, type FileResult } from '../../src/summary/read/read-record.js';
import { loadRegistry } from '../../src/profile/registry.js';

const yamlValue = (t: string): unknown => {
  const doc = parseDocument(t, { uniqueKeys: true, strict: true });
  return doc.errors.length ? 'error' : JSON.parse(JSON.stringify(doc.toJS()));
};

/** A clean record (no warnings), which the fast path reads. */
const RECORD = `kind: practice-profile-record
format: 1
id: abcdef00-0000-4abc-8def-000000000001
profile: sbic@2024
status: complete
date: 2025-09-14
group:
  region: Southeast
ratings:
  relationships: exemplary
  feedback: proficient
  coaching-plan: exemplary
  solution-dialogue: close-to-proficient
  progress-monitoring: proficient
priorities: [solution-dialogue]
actionSteps:
  - text: Agree a response time
    status: planned
  - text: Use video for feedback
    status: done
`;

describe('fastParseYaml and non-ASCII whitespace', () => {
  const odd = [
    '\u00a0',
    '\u2028',
    '\u2029',
    '\u3000',
    '\u1680',
    '\u2003',
    '\u202f',
    '\u205f',
    '\u0085',
    '\v',
    '\f',
    '\ufeff',
    '\t',
    '\x00',
    '\x7f',
  ];
  it('never strips or measures indentation with anything but the ASCII space', () => {
    for (const c of odd) {
      for (const t of [
        RECORD.replace('feedback: proficient', `feedback: proficient${c}`),
        RECORD.replace('  relationships', `${c} relationships`),
        RECORD.replace('  relationships', `${c}relationships`),
        RECORD.replace('feedback: proficient', `feedback: ${c}proficient`),
        RECORD.replace('[solution-dialogue]', `[solution-dialogue${c}]`),
        RECORD.replace('[solution-dialogue]', `[${c}solution-dialogue]`),
        RECORD.replace('region: Southeast', `region: "South${c}east"`),
        `${RECORD + c}\n`,
      ]) {
        const f = fastParseYaml(t);
        if (f !== undefined) expect(JSON.parse(JSON.stringify(f)), JSON.stringify(t)).toEqual(yamlValue(t));
      }
    }
  });

  it('the reviewed repros step aside to the full parser', () => {
    expect(fastParseYaml(RECORD.replace('feedback: proficient', 'feedback: proficient\u00a0'))).toBeUndefined();
    expect(fastParseYaml(RECORD.replace('  relationships', '\u00a0 relationships'))).toBeUndefined();
    expect(fastParseYaml(RECORD)).toEqual(yamlValue(RECORD));
  });
});

describe('readRecordResult', () => {
  let dir: string;
  const ctx = (by: string[] = []) =>
    makeReadContext(
      loadRegistry({}).entries.map((e) => e.profile),
      { keys: by, includeText: false },
    );
  const read = (name: string, text: string, by: string[] = []): FileResult => {
    writeFileSync(join(dir, name), text);
    return readRecordResult(join(dir, name), ctx(by));
  };
  const hashOf = (r: FileResult) => (r.kind === 'record' ? r.hash : `not a record: ${JSON.stringify(r)}`);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pp-reader-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a trailing NBSP makes the record invalid, as `yaml` reads it', () => {
    expect(read('nbsp.yaml', RECORD.replace('feedback: proficient', 'feedback: proficient\u00a0')).kind).toBe(
      'invalid',
    );
    expect(read('nbsp-indent.yaml', RECORD.replace('  relationships', '\u00a0 relationships')).kind).toBe('invalid');
  });

  it('hashes the record, not its text: same content in another form = same hash', () => {
    const base = hashOf(read('a.yaml', RECORD));
    const forms = [
      `# forwarded\n${RECORD}`,
      RECORD.replace('region: Southeast', 'region: "Southeast"'),
      RECORD.replace('region: Southeast', "region: 'Southeast'  # where"),
      RECORD.replace(/^ {2}([a-z-]+: [a-z-]+)$/gm, '    $1').replace(
        '    relationships: exemplary\n    feedback: proficient',
        '    feedback: proficient\n    relationships: exemplary',
      ),
      RECORD.replace('abcdef00', 'ABCDEF00'),
      RECORD.replace('priorities: [solution-dialogue]', 'priorities:\n  - solution-dialogue'),
      RECORD.replace(/\n/g, '\r\n'),
      `\ufeff${RECORD}`,
      `${RECORD.replace('status: complete\n', '')}status: complete\n`,
    ];
    forms.forEach((t, i) => expect(hashOf(read(`f${i}.yaml`, t)), t).toBe(base));
    expect(hashOf(read('diff1.yaml', RECORD.replace('feedback: proficient', 'feedback: exemplary')))).not.toBe(base);
    expect(hashOf(read('diff2.yaml', RECORD.replace('region: Southeast', 'region: Northeast')))).not.toBe(base);
    expect(hashOf(read('diff3.yaml', `${RECORD}respondent: A. Coach\n`))).not.toBe(base);
  });

  it('--by uses own group keys only', () => {
    for (const k of ['constructor', '__proto__', 'toString', 'valueOf']) {
      const r = read(`by-${k}.yaml`, RECORD, [k, 'region']);
      expect(r.kind).toBe('record');
      if (r.kind === 'record') expect(r.contrib.groups).toEqual([null, 'Southeast']);
    }
    const own = read('own.yaml', RECORD.replace('  region: Southeast', '  constructor: Alpha'), ['constructor']);
    if (own.kind === 'record') expect(own.contrib.groups).toEqual(['Alpha']);
    else expect.fail(JSON.stringify(own));
  });

  it.skipIf(process.platform === 'win32')('a FIFO is reported as not a regular file, without blocking', () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    // A writer that opens the FIFO, so that a reader that does block (the bug) gets unblocked and the
    // test fails instead of hanging.
    const writer = spawn('sh', ['-c', 'exec 3>"$0"; sleep 5', fifo], { stdio: 'ignore' });
    try {
      expect(readRecordResult(fifo, ctx())).toEqual({ kind: 'unreadable', file: fifo, message: 'not a regular file' });
    } finally {
      writer.kill();
    }
  });
});

describe('summarize --as: conversion warnings, one line per kind', () => {
  it('two records whose ratings land on one item (a profile validate would reject) give one line, with a count and the first file', async () => {
    const { ConversionWarnings } = await import('../../src/ui/summary-problems.js');
    const reg = loadRegistry({ quiet: true });
    const p2024 = reg.entries.find((e) => e.ref === 'sbic@2024')!.profile;
    // Built in memory, as no registry would use it: coaching-plan and progress-monitoring both -> monitoring.
    const merged = structuredClone(p2024);
    merged.version = '2026';
    merged.replaces = 'sbic@2024';
    merged.crosswalk = { 'coaching-plan': 'monitoring', 'progress-monitoring': 'monitoring' };
    merged.sections = merged.sections
      .filter((s) => s.id !== 'coaching-plan')
      .map((s) => (s.id === 'progress-monitoring' ? { ...s, id: 'monitoring' } : s));
    const ctx = makeReadContext([p2024, merged], { keys: [], as: 'sbic@2026', includeText: false });
    const dir = mkdtempSync(join(tmpdir(), 'pp-conv-warn-'));
    const conv = new ConversionWarnings();
    for (const n of [1, 2]) {
      const file = join(dir, `r${n}.yaml`);
      writeFileSync(file, RECORD.replace('000000000001', `00000000000${n}`));
      const r = readRecordResult(file, ctx);
      expect(r.kind).toBe('record');
      if (r.kind !== 'record') continue;
      expect(r.warnings.map((w) => w.code)).toEqual(['conversion']);
      for (const w of r.warnings)
        expect(conv.add({ reason: 'warning', file, message: w.message, diagnostics: [w] })).toBe(true);
    }
    // A warning validate lists is left to the caller.
    expect(
      conv.add({
        reason: 'warning',
        file: 'x.yaml',
        message: 'm',
        diagnostics: [{ file: 'x.yaml', message: 'm', severity: 'warning', code: 'unknown-field' }],
      }),
    ).toBe(false);
    const lines = conv.format('sbic@2026').trim().split('\n');
    expect(lines).toEqual([
      `warning  2 record(s), converted with --as sbic@2026: ratings of "coaching-plan" and "progress-monitoring" both map to "monitoring" in sbic@2026; only the rating of "coaching-plan" is counted for it (first: ${join(dir, 'r1.yaml')})`,
    ]);
    rmSync(dir, { recursive: true });
  });
});
