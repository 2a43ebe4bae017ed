// history and report for a screen reader (built CLI): --plain or TERM=dumb says the same in words alone, with
// no ■ marks, arrows, bullets or box drawing.
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const MARKS = /[■•·↑↓–─│┌┐└┘├┤]/;

describe('--plain and TERM=dumb: history and report in words (built CLI)', () => {
  it('history: levels, "not rated" and "up since A" in words, at 60 and 120 columns', () => {
    const plain = runCli(['history', fixture('history', 'coach'), '--plain'], { env: { COLUMNS: '120' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(MARKS);
    expect(plain.stdout).toMatch(/A Far from Proficient +B Close to Proficient +C Proficient +up since A\n/);
    expect(plain.stdout).toMatch(/A not rated +B not rated +C Proficient\n/);
    expect(plain.stdout).toContain("up, same, down since A: your newest level (C) compared with A's.");
    expect(plain.stdout).toContain('  A  2024-09-12, 2024-25 baseline, sbic@2014, through the crosswalk');
    expect(plain.stdout).toContain('    - Read the solution-dialogue protocol');
    const dumb = runCli(['history', fixture('history', 'coach')], { env: { COLUMNS: '120', TERM: 'dumb' } });
    expect(dumb.stdout).toBe(plain.stdout);
    const narrow = runCli(['history', fixture('history', 'coach'), '--plain'], { env: { COLUMNS: '60' } });
    for (const l of narrow.stdout.split('\n')) expect(l.length, l).toBeLessThanOrEqual(60);
    // The mark just past the widest level, in the same column on each item.
    expect(narrow.stdout).toContain(
      '   A Far from Proficient\n   B Close to Proficient\n   C Proficient            up since A\n',
    );
    expect(narrow.stdout).toContain('   C Exemplary             up since A\n');
    // Without --plain the marks are still there.
    expect(runCli(['history', fixture('history', 'coach')]).stdout).toMatch(/C ■ Proficient +↑ up since A/);
  });

  it('report: "Level: ..." in words, no marks or bullets; the same information as the usual report', () => {
    const rec = fixture('report', 'ohio-2025.yaml');
    const plain = runCli(['report', rec, '--plain']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(MARKS);
    expect(plain.stdout).toContain('   Level: Yellow - moderately practising (below target), priority 2\n');
    expect(plain.stdout).toContain('  - Green - fully practising (target): Green means');
    expect(plain.stdout).toContain('  - Using video for feedback (own)');
    expect(runCli(['report', rec], { env: { TERM: 'dumb' } }).stdout).toBe(plain.stdout);
    // Every word of the usual report is there (brackets aside, and the words plain adds: Level, Status, item).
    const words = (s: string) =>
      s
        .replace(/[()[\].]/g, '')
        .split(/[\s■•·,]+/)
        .filter((w) => w && !['Level:', 'Status:', 'level', 'item', '-'].includes(w));
    const usual = runCli(['report', rec]).stdout;
    expect(new Set(words(plain.stdout))).toEqual(new Set(words(usual)));
  });

  it("report: a status in words, not brackets; an item's own number after its title, never two numbers in a row", () => {
    const plain = runCli(['report', fixture('report', 'ohio-2025.yaml'), '--plain'], { env: { COLUMNS: '120' } });
    expect(plain.stdout).toContain('     Status: planned, OVERDUE\n');
    expect(plain.stdout).toContain('     Status: done\n');
    expect(plain.stdout).not.toMatch(/\[(planned|in progress|done)\]/);
    expect(plain.stdout).toContain(
      '  1) Powerful questioning that deepens and extends thinking (item 6), level Pink - not meeting\n',
    );
    expect(plain.stdout).toContain(
      '  2) Building and maintaining rapport (item 2), level Yellow - moderately practising\n',
    );
    expect(plain.stdout).toContain('     for: Building and maintaining rapport (item 2), due 2020-01-31\n');
    expect(plain.stdout).not.toMatch(/\d\) \d+\. /);
    // Without --plain, as before.
    const usual = runCli(['report', fixture('report', 'ohio-2025.yaml')], { env: { COLUMNS: '120' } }).stdout;
    expect(usual).toContain('  1) 6. Powerful questioning that deepens and extends thinking (Pink - not meeting)\n');
    expect(usual).toContain('[planned] OVERDUE');
  });
});
