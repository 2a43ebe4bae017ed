// `profile report`: the model (levels, rubric cells, priorities, overdue) and what each format keeps safe.
import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { parseRecordText } from '../../src/record/read.js';
import { reportHtml } from '../../src/report/format-html.js';
import { reportMarkdown } from '../../src/report/format-md.js';
import { buildReport, isOverdue } from '../../src/report/model.js';
import { reportText } from '../../src/ui/report-view.js';
import { profileOf } from './assess-helpers.js';

const rec = (f: string) =>
  parseRecordText(readFileSync(new URL(`../fixtures/report/${f}`, import.meta.url), 'utf8'), f).record!;
const ohio = profileOf('ohio-process-coaching');
const sbic14 = profileOf('sbic@2014');
const TODAY = '2026-02-01';

describe('report model', () => {
  const m = buildReport(ohio, rec('ohio-2025.yaml'), TODAY);

  it('lists every item with its level, priority place and note', () => {
    expect(m.items).toHaveLength(9);
    const rapport = m.items.find((i) => i.id === 'communication.rapport')!;
    expect(rapport).toMatchObject({
      number: '2',
      group: 'I. Effective Communication',
      priority: 2,
      level: { id: 'yellow', atTarget: false, hex: '#f9a825' },
    });
    expect(rapport.note).toContain('Push-back');
    expect(rapport.stem).toBe('Coaches demonstrate professional standards when communicating:');
    expect(m.atTarget).toBe(5);
    expect(m.partial).toBe(ohio.coachNote); // the note for coaches, not the maintainers' statusNote
    expect(m.partial).toMatch(/^Only part I of this profile/);
    expect(m.respondent).toBe('Jane Doe');
  });

  it("keeps priorities in the coach's order, with levels", () => {
    expect(m.priorities.map((p) => [p.n, p.id, p.level?.id])).toEqual([
      [1, 'communication.questioning', 'pink'],
      [2, 'communication.rapport', 'yellow'],
    ]);
  });

  it('marks open steps past their due day as overdue, never done ones', () => {
    expect(m.steps.map((s) => [s.status, s.overdue])).toEqual([
      ['done', false],
      ['planned', true],
      ['in-progress', false],
    ]);
    expect(m.steps[0].done).toBe('2025-11-18');
    expect(m.steps[2].progress).toEqual([{ date: '2026-01-12', text: 'Logged six meetings so far' }]);
    expect(isOverdue({ due: TODAY, status: 'planned' }, TODAY)).toBe(false); // due today is not late yet
    expect(isOverdue({ due: '2026-01-31', status: 'in-progress' }, TODAY)).toBe(true);
  });

  it("shows the rubric cell of the chosen level, and a level's general meaning only in the scale", () => {
    const s = buildReport(sbic14, rec('sbic-2014.yaml'), TODAY);
    const rel = s.items.find((i) => i.id === 'relationships')!;
    expect(rel.descriptor.items.length).toBeGreaterThan(1);
    expect(s.items.find((i) => i.id === 'timely-communication')!.descriptor.items).toEqual([]); // no cell in the source
    expect(s.scale.find((l) => l.id === 'far-from-proficient')!.meaning).toMatch(/critical/);
    expect(m.items.every((i) => i.descriptor.items.length === 0)).toBe(true); // Ohio has no rubric cells
  });
});

describe('report formats', () => {
  const m = buildReport(ohio, rec('ohio-2025.yaml'), TODAY);

  it('HTML escapes what the coach typed and loads nothing from anywhere', () => {
    const h = reportHtml(m);
    expect(h).toContain('Push-back from two teams in the fall &lt;b&gt;hard&lt;/b&gt;.');
    expect(h).not.toMatch(/<script|src=|href=|url\(|@import/i);
    expect(h).toContain("default-src 'none'");
    expect(h).toContain('<span class="over">overdue</span>');
  });

  it('Markdown cannot be broken by typed text, and says overdue in words', () => {
    const md = reportMarkdown(m);
    expect(md).toContain('Push-back from two teams in the fall \\<b\\>hard\\</b\\>.');
    expect(md).toMatch(/2\. \[ \] Ask a partner to observe one meeting \(\*\*planned\*\*, \*\*overdue\*\*\)/);
    expect(md).toContain('_Coaches provide feedback:_');
  });

  it("Markdown keeps a level's rubric bullets as a list nested under its lead-in, as the screen and HTML do", () => {
    const s = buildReport(sbic14, rec('sbic-2014.yaml'), TODAY);
    const rel = s.items.find((i) => i.id === 'relationships')!;
    const md = reportMarkdown(s);
    expect(md).toContain(
      `  - Rubric: ${rel.descriptor.stem}\n${rel.descriptor.items.map((x) => `    - ${x}`).join('\n')}\n`,
    );
    expect(md).not.toContain(`${rel.descriptor.items[0]} ${rel.descriptor.items[1]}`);
  });

  it('the terminal text fits the width given, with levels in words', () => {
    const t = reportText(m, new Chalk({ level: 0 }), 60);
    expect(Math.max(...t.split('\n').map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(t).toContain('■ Pink - not meeting (below target) · priority 1');
    expect(t).toContain('[planned] OVERDUE');
  });
});

describe('the note about a partial profile, in a report a partner reads', () => {
  it('describes the profile; it does not tell the reader how to rate', () => {
    for (const ref of ['sbic@2014', 'sbic@2024']) {
      const p = profileOf(ref);
      const m = buildReport(p, { ...rec('sbic-2014.yaml'), profile: ref, ratings: {} }, TODAY);
      expect(m.partial, ref).toBeDefined();
      for (const sentence of m.partial!.split(/(?<=\.)\s+/))
        expect(sentence, ref).not.toMatch(/^(Pick|Choose|Rate|Select)\b/);
      expect(m.partial).toContain('general meaning');
    }
  });

  it("is true in a report: it does not say a level's general meaning is shown where the rubric text is missing", () => {
    // The report gives each level's general meaning once, in the scale at its top, not under an item; the
    // same note opens an assessment, where it is shown at the question. So it says what is missing only.
    for (const ref of ['sbic@2014', 'sbic@2024', 'ohio-process-coaching']) {
      const p = profileOf(ref);
      const m = buildReport(p, { ...rec('sbic-2014.yaml'), profile: ref, ratings: {} }, TODAY);
      expect(m.partial, ref).toBeDefined();
      expect(m.partial, ref).not.toMatch(/\b(you see|see|is shown|are shown|shows?|instead)\b/i);
      const text = reportText(m, new Chalk({ level: 0 }), 100);
      expect(text.indexOf('About this profile'), ref).toBeLessThan(text.indexOf('Scale:'));
    }
  });
});
