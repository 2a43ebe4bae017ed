// A report given where a record goes (built CLI): every command that reads a record says what the file is,
// not what YAML makes of it ("this text contains ": ", so it needs quotes").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, sandbox } from '../helpers/cli.js';

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
