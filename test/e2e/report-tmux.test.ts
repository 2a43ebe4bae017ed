// `profile report` in a real terminal (tmux) at 60 and 120 columns, in all three formats.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, fixture, sandbox } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function start(args: string, width: number, cwd?: string): { t: TmuxSession; cwd: string } {
  const box = cwd ? { ...sandbox(), cwd } : sandbox();
  const env = `env XDG_CONFIG_HOME=${box.env.XDG_CONFIG_HOME} TERM=xterm-256color NO_COLOR=1`;
  const t = new TmuxSession(`${env} ${process.execPath} ${BIN} ${args}`, box.cwd, width);
  sessions.push(t);
  return { t, cwd: box.cwd };
}

const REC = fixture('report', 'ohio-2025.yaml');

describe.skipIf(!hasTmux)('profile report in a real terminal (tmux)', () => {
  for (const width of [60, 120]) {
    it(`terminal format at ${width} columns: every line fits, overdue marked, words never cut`, async () => {
      const { t } = start(`report ${REC}`, width);
      const screen = await t.waitFor((s) => s.includes('Private: your own record') && t.dead(), 'the report');
      // capture-pane -J joins lines the terminal wrapped: a joined line longer than the pane means the tool did not wrap.
      for (const line of screen.split('\n')) expect(line.length, line).toBeLessThanOrEqual(width);
      expect(screen).toContain('OVERDUE');
      expect(screen).toMatch(/■ Pink - not meeting \(below target\)/);
      expect(screen).toContain('Note: Push-back from two teams');
      expect(screen).toContain('About this profile: Only part I of this profile');
      expect(screen).not.toContain('seed 000');
    });
  }

  it('md goes to the screen; html without --out is written to a file named after the record', async () => {
    const { t } = start(`report ${REC} --format md`, 120);
    const md = await t.waitFor((s) => s.includes('_Private:') && t.dead(), 'the Markdown');
    expect(md).toContain('# Ohio SPDG Process Coaching Practice Profile');
    expect(md).toContain('## Action plan');

    const h = start(`report ${REC} --format html`, 120);
    const screen = await h.t.waitFor((s) => s.includes('Wrote ') && h.t.dead(), 'the html file');
    expect(screen).toContain('Wrote ohio-2025.html (open it in a browser');
    const file = join(h.cwd, 'ohio-2025.html');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/);

    // Again: the file named after the record exists now, so it is not replaced without --force.
    writeFileSync(file, 'my edited copy\n');
    const again = start(`report ${REC} --format html`, 120, h.cwd);
    const refused = await again.t.waitFor((s) => s.includes('not replacing') && again.t.dead(), 'the refusal');
    expect(refused).toContain('ohio-2025.html exists; not replacing it');
    expect(readFileSync(file, 'utf8')).toBe('my edited copy\n');
  });
});

if (!hasTmux) describe('profile report in a real terminal', () => it.skip('skipped: tmux is not installed', () => {}));
