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
});
