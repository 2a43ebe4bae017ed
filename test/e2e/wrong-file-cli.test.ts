// A report given where a record goes (built CLI): every command that reads a record says what the file is,
// not what YAML makes of it ("this text contains ": ", so it needs quotes").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, fixture, runCli, sandbox } from '../helpers/cli.js';

const MD =
  'this looks like a Markdown report (written by profile report --format md), not a record (records are the .yaml files profile assess saves in records/)';

describe('a Markdown report where a record goes (built CLI)', () => {
  it('assess --from, actions, report and validate name it as a Markdown report', () => {
    const box = sandbox();
    const run = (...args: string[]) => runCli(args, { ...box, timeout: 10_000 });
    const made = run('report', fixture('report', 'ohio-2025.yaml'), '--format', 'md');
    expect(made.code).toBe(0);
    const md = join(box.cwd, 'b.md');
    writeFileSync(md, made.stdout);
    for (const args of [
      ['assess', 'ohio-process-coaching', '--from', md, '--yes'],
      ['actions', md],
      ['report', md],
      ['validate', md],
    ]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`.replace(/\s+/g, ' '), args.join(' ')).toContain(MD);
      expect(r.stderr, args.join(' ')).not.toContain('needs quotes');
    }
  });
});

describe('a file that is not a record, where a record goes: exit 2, as a missing file (built CLI)', () => {
  it('an HTML or Markdown report, a profile, an answers file: 2 from actions, report and assess --from', () => {
    const box = sandbox();
    const run = (...args: string[]) => runCli(args, { ...box, timeout: 10_000 });
    const rec = fixture('report', 'ohio-2025.yaml');
    const html = join(box.cwd, 'report.html');
    const md = join(box.cwd, 'report.md');
    expect(run('report', rec, '--format', 'html', '--out', html).code).toBe(0);
    expect(run('report', rec, '--format', 'md', '--out', md).code).toBe(0);
    const answers = fixture('assess', 'ohio-answers.yaml');
    const profile = join(ROOT, 'profiles', 'ohio-process-coaching', '3.15.yaml');
    for (const file of [html, md, profile, answers]) {
      for (const args of [
        ['actions', file],
        ['actions', file, '--done', '1'],
        ['report', file],
        ['assess', 'ohio-process-coaching', '--from', file, '--yes'],
      ]) {
        const r = run(...args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).toMatch(/not a record|not your record/);
      }
    }
    // A record with a mistake in it is still a problem in the file (1), as before.
    const broken = join(box.cwd, 'broken.yaml');
    writeFileSync(
      broken,
      readFileSync(rec, 'utf8').replace('communication.method: green', 'communication.method: gren'),
    );
    expect(run('actions', broken).code).toBe(1);
    expect(run('report', broken).code).toBe(1);
  });
});
