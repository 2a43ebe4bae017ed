// `profile report --out FILE`: the file's extension gives the format, as with summarize --out.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, sandbox } from '../helpers/cli.js';

const REC = fixture('report', 'ohio-2025.yaml');

describe('profile report --out (built CLI)', () => {
  const box = sandbox();
  const report = (...args: string[]) => runCli(['report', REC, ...args], { ...box, timeout: 10_000 });
  const read = (f: string) => readFileSync(join(box.cwd, f), 'utf8');

  it('.html, .htm, .md, .markdown and .txt without --format: the format the name says', () => {
    for (const f of ['partner.html', 'partner.HTM']) {
      const r = report('--out', f);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Wrote ${f} (open it in a browser`);
      expect(read(f)).toMatch(/^<!doctype html>/);
    }
    for (const f of ['x.md', 'x.markdown']) {
      expect(report('--out', f).code).toBe(0);
      expect(read(f)).toMatch(/^# Ohio SPDG Process Coaching Practice Profile\n/);
      expect(read(f)).toContain('## Action plan');
    }
    expect(report('--out', 'x.txt').code).toBe(0);
    expect(read('x.txt')).toMatch(/^Ohio SPDG Process Coaching Practice Profile\n/);
    expect(read('x.txt')).toContain('[planned] OVERDUE');
  });

  it('--no-notes leaves the private notes out of every format (a report to share); without it they are in', () => {
    for (const f of ['shared.html', 'shared.md', 'shared.txt']) {
      expect(report('--out', f, '--no-notes').code).toBe(0);
      expect(read(f)).not.toContain('Push-back from two teams');
      expect(report('--out', `own-${f}`).code).toBe(0);
      expect(read(`own-${f}`)).toContain('Push-back from two teams');
    }
  });

  it('an unknown extension, or a --format the extension contradicts: usage error (2) naming the formats', () => {
    let r = report('--out', 'partner.pdf');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error: cannot tell which format to write to partner.pdf: .pdf is not a known extension',
    );
    expect(r.stderr).toMatch(/Use \.html .*\.md .*\.txt .*or say --format/);
    r = report('--format', 'md', '--out', 'partner.html');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format md and --out partner.html disagree');
    r = report('--format', 'html', '--out', 'partner2.html');
    expect(r.code).toBe(0);
  });

  it('never replaces an existing file without --force (--out, or the .html named after the record)', () => {
    writeFileSync(join(box.cwd, 'notes.md'), 'my own notes\n');
    let r = report('--out', 'notes.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: notes.md exists; not replacing it');
    expect(r.stderr).toContain('Use --force to replace it');
    expect(read('notes.md')).toBe('my own notes\n');
    r = report('--out', 'notes.md', '--force');
    expect(r.code).toBe(0);
    expect(read('notes.md')).toMatch(/^# Ohio/);
  });

  it('a --format with an extension-less name is written in that format', () => {
    expect(report('--format', 'md', '--out', 'notes').code).toBe(0);
    expect(read('notes')).toMatch(/^# Ohio/);
  });
});
