// Messy shared folders: every bad file is reported on stderr and counted, none stops the run.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const FIXTURES = fixture('summarize');

describe('summarize on a messy folder', () => {
  let dir: string;
  let outside: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pp-messy-'));
    outside = mkdtempSync(join(tmpdir(), 'pp-outside-'));
    cpSync(join(FIXTURES, 'messy'), dir, { recursive: true });
    // A 10 MB file: reported as too large, never parsed.
    writeFileSync(join(dir, 'huge.yaml'), `kind: practice-profile-record\n${'# padding\n'.repeat(1_100_000)}`);
    // A link loop, a link to the folder itself, and a link leading outside.
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'loop'));
    symlinkSync(join(dir, 'sub', 'nowhere.yaml'), join(dir, 'sub', 'dangling.yaml'));
    cpSync(join(FIXTURES, 'messy', 'valid-1.yaml'), join(outside, 'secret.yaml'));
    symlinkSync(outside, join(dir, 'sub', 'outside'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('reports and counts every kind of problem, and still summarises the good records', () => {
    const run = runCli(['summarize', dir, '--format', 'json', '--min-n', '3']);
    expect(run.code).toBe(0);
    const s = JSON.parse(run.stdout);
    // valid-1, bom, crlf, one of the two identical copies
    expect(s.files.counted).toBe(4);
    expect(s.files.skipped).toEqual({
      invalid: 7, // syntax, wrong types, unknown profile, item, level, alias bomb, deep nesting
      draft: 1,
      duplicate: 1,
      conflict: 2,
      'older-revision': 0,
      'not-a-record': 2,
      'too-large': 1,
      unreadable: 0,
      link: 3,
    });
    expect(s.reports[0].tables[0].total.n).toBe(4);
    const err = run.stderr;
    expect(err).toMatch(
      /syntax-error\.yaml:12:18 +error +line 12: this \[ list \] or \{ mapping \} is not closed on its line/,
    );
    expect(err).toMatch(/wrong-types\.yaml:2:9 +error +format: must be 1/);
    expect(err).toMatch(/unknown-profile\.yaml:4:1 +error +unknown profile "sbic@1999"/);
    expect(err).toMatch(/unknown-item\.yaml:\d+:\d+ +error +"no-such-item" is not a rated item/);
    expect(err).toMatch(/unknown-level\.yaml:\d+:\d+ +error +"brilliant" is not a level/);
    expect(err).toMatch(/alias-bomb\.yaml:1:1 +error +too many aliases/);
    expect(err).toMatch(/deep\.yaml:\d+:\d+ +error/);
    expect(err).toMatch(/huge\.yaml +skipped +too large for a record/);
    expect(err).toMatch(/draft\.yaml +skipped +a draft/);
    expect(err).toMatch(
      /dup-original\.yaml +skipped +same record as .*dup-forwarded-copy\.yaml \(a copy\); counted once/,
    );
    expect(err).toMatch(
      /conflict-a\.yaml +skipped +same record id as .*conflict-b\.yaml but different content, and no updated: to tell which is later; none of them is counted/,
    );
    expect(err).toMatch(/a-profile\.yaml +skipped +a practice profile, not a record/);
    expect(err).toMatch(/not-a-record\.yaml +skipped +not a record/);
    expect(err).toMatch(/loop +skipped +a link to a folder that is already read/);
    expect(err).toMatch(/outside +skipped +a link that leads outside/);
    expect(err).toMatch(/dangling\.yaml +skipped/);
    expect(err).not.toMatch(/readme\.txt|notes\.md/); // non-YAML files are not records and not problems
    expect(err).toMatch(/found, 4 record\(s\) counted; not counted: 7 invalid/);
  });

  it('worker threads report the same problems, in the same order, with the same result', () => {
    const one = runCli(['summarize', dir, '--format', 'json', '--min-n', '3', '--no-workers']);
    const pool = runCli(['summarize', dir, '--format', 'json', '--min-n', '3', '--workers']);
    expect(pool.stdout).toBe(one.stdout);
    expect(pool.stderr).toBe(one.stderr);
  });

  it('--strict exits 1 when anything was not counted, and 0 on a clean folder', () => {
    expect(runCli(['summarize', dir, '--strict', '--format', 'json']).code).toBe(1);
    expect(runCli(['summarize', join(FIXTURES, 'anonymity'), '--strict', '--format', 'json']).code).toBe(0);
  });

  it('usage errors exit 2', () => {
    expect(runCli(['summarize', dir, '--min-n', '2']).code).toBe(2);
    expect(runCli(['summarize', dir, '--min-n', 'x']).code).toBe(2);
    expect(runCli(['summarize']).code).toBe(2);
    const missing = runCli(['summarize', join(dir, 'no-such-folder')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/folder not found/);
    expect(runCli(['summarize', dir, '--as', 'sbic@1999']).code).toBe(2);
    expect(runCli(['summarize', dir, '--format', 'pdf']).code).toBe(2);
  });

  it('--out writes atomically and refuses to overwrite without --force', () => {
    const out = join(dir, '..', `pp-out-${process.pid}.json`);
    try {
      expect(runCli(['summarize', dir, '--format', 'json', '--out', out]).code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8')).kind).toBe('practice-profile-summary');
      const again = runCli(['summarize', dir, '--format', 'json', '--out', out]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/exists/);
      // (A --format the file name contradicts is refused: the replacement differs by --min-n instead.)
      expect(runCli(['summarize', dir, '--min-n', '4', '--out', out, '--force']).code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8')).minN).toBe(4);
    } finally {
      if (existsSync(out)) rmSync(out);
    }
  });
});

describe('--by with a key no record has', () => {
  it('warns (a typo would otherwise give one silent "(not given)" group)', () => {
    const r = runCli(['summarize', join(FIXTURES, 'anonymity'), '--by', 'Region', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning: no counted record has a group value for "Region" (--by) (did you mean "region"?)',
    );
    expect(
      runCli(['summarize', join(FIXTURES, 'anonymity'), '--by', 'region', '--format', 'json']).stderr,
    ).not.toContain('warning');
  });
});
