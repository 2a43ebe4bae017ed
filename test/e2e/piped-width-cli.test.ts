// Output that is not a terminal (`profile history | less`, `> file`) is laid out for 80 columns, or for COLUMNS
// when it is set: what a pager, a printout or an e-mail expects. One width for every command (src/ui/wrap.ts).
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));

describe('piped output width (built CLI)', () => {
  it('profile history piped: every line fits 80 columns, and the steps are still there', () => {
    const r = runCli(['history', fixture('history', 'coach')]);
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(widest(r.stdout)).toBeGreaterThan(60); // laid out for 80, not for the narrowest terminal
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'Read the solution-dialogue protocol with my coaching partner (done 2024-10-30)',
    );
  });

  it('COLUMNS, when set, is the width of piped output', () => {
    const r = runCli(['history', fixture('history', 'coach')], { env: { COLUMNS: '60' } });
    expect(r.code, r.stderr).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(60);
    const bad = runCli(['history', fixture('history', 'coach')], { env: { COLUMNS: 'wide' } });
    expect(widest(bad.stdout)).toBeLessThanOrEqual(80);
  });

  it('the other commands share the width: report and actions piped fit 80 columns', () => {
    const rec = fixture('report', 'ohio-2025.yaml');
    const report = runCli(['report', rec]);
    expect(report.code, report.stderr).toBe(0);
    expect(widest(report.stdout)).toBeLessThanOrEqual(80);
    const actions = runCli(['actions', rec]);
    expect(actions.code, actions.stderr).toBe(0);
    expect(widest(actions.stdout)).toBeLessThanOrEqual(80);
  });

  it('profile show piped: headings, the scale and the crosswalk wrap too, at 80 columns and at COLUMNS=60', () => {
    for (const ref of ['sbic@2014', 'sbic@2024', 'ohio-process-coaching']) {
      const wide = runCli(['show', ref]);
      expect(wide.code, wide.stderr).toBe(0);
      expect(widest(wide.stdout), ref).toBeLessThanOrEqual(80);
      const narrow = runCli(['show', ref], { env: { COLUMNS: '60' } });
      expect(widest(narrow.stdout), ref).toBeLessThanOrEqual(60);
    }
    const t = runCli(['show', 'sbic@2024'], { env: { COLUMNS: '60' } }).stdout;
    // A heading's id stays whole, on the heading's last line; a level and its tail are never cut.
    expect(t).toContain(
      'Essential Function 3. Develop a strategic and differentiated\n  coaching plan  [coaching-plan]',
    );
    expect(t).toMatch(
      /^Scale: ■ Exemplary {3}■ Proficient \(target\)\n {7}■ Close to Proficient {3}■ Far from Proficient$/m,
    );
  });
});
