// `profile history`: the side-by-side model across versions, the trend, and which files are one person's.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { CliError } from '../../src/errors.js';
import { collectHistory, crosswalkMapper, parseGroupFilter } from '../../src/history/collect.js';
import { buildHistory, trendLine } from '../../src/history/model.js';
import { historyText } from '../../src/ui/history-view.js';
import { reg, tempDir } from './assess-helpers.js';

const DIR = new URL('../fixtures/history/coach', import.meta.url).pathname;

function model() {
  const { target, inputs, skipped } = collectHistory(DIR, reg, {});
  return { m: buildHistory(target, inputs, crosswalkMapper(target, reg)), skipped };
}

describe('history model', () => {
  it("puts three reviews side by side, oldest first, in the newest version's items", () => {
    const { m, skipped } = model();
    expect(m.ref).toBe('sbic@2024');
    expect(m.columns.map((c) => [c.date, c.ref])).toEqual([
      ['2024-09-12', 'sbic@2014'],
      ['2025-09-14', 'sbic@2014'],
      ['2026-09-10', 'sbic@2024'],
    ]);
    const row = (id: string) => m.rows.find((r) => r.id === id)!;
    expect(row('relationships').cells.map((c) => c?.level)).toEqual(['close-to-proficient', 'proficient', 'exemplary']);
    expect(row('solution-dialogue').change).toBe(2);
    expect(row('feedback').cells.map((c) => c?.level)).toEqual([undefined, undefined, 'proficient']);
    expect(row('feedback').change).toBeUndefined();
    expect(m.trend).toEqual({ up: 2, down: 0, same: 0 });
    expect(m.compared).toEqual({ n: 2, atTargetThen: 0, atTargetNow: 2 });
    expect(m.dropped).toEqual([
      {
        ref: 'sbic@2014',
        titles: ['2. Facilitating the improvement process', '3. Communicating in a timely and responsive manner'],
      },
    ]);
    expect(skipped).toEqual(['1 draft']);
    expect(trendLine(m)).toBe(
      // Only relationships and solution dialogue are rated in both 2014 and 2024: the three new items and the
      // two dropped ones are in neither count.
      'Since 2024-09-12, on the 2 items rated both then and now: 2 up, 0 the same, 0 down; at or above target 0 of 2 then, 2 of 2 now.\nSince the last review (2025-09-14): 2 up, 0 the same, 0 down.',
    );
  });

  it('lists the steps done in each review, with their dates', () => {
    const { m } = model();
    expect(m.done.map((d) => d.map((s) => s.on))).toEqual([['2024-10-30'], ['2025-11-20'], []]);
  });

  it('fits 60 columns: one review per line when the columns do not fit', () => {
    const { m, skipped } = model();
    const t = historyText(m, new Chalk({ level: 0 }), skipped, 60);
    expect(Math.max(...t.split('\n').map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(t).toMatch(/ {3}C ■ Proficient +↑ up/);
    const wide = historyText(m, new Chalk({ level: 0 }), skipped, 120);
    expect(wide).toMatch(/A ■ Close to Proficient +B ■ Proficient +C ■ Exemplary +↑ up/);
  });
});

describe('history: reviews and done steps on the same day', () => {
  it('a review followed by one of the same day, and steps done on a review day or after the next review, read naturally', () => {
    const d = tempDir();
    for (const f of readdirSync(DIR)) copyFileSync(join(DIR, f), join(d, f));
    // B (a paper sbic@2014 review) entered with the same date as C; its step done that very day. A's step was
    // marked done after review B.
    const b = join(d, '2025-09-14_sbic-2014_1a2b3c4d.yaml');
    writeFileSync(
      b,
      readFileSync(b, 'utf8')
        .replace('date: "2025-09-14"', 'date: "2026-09-10"')
        .replace('"2025-11-20"', '"2026-09-10"'),
    );
    const a = join(d, '2024-09-12_sbic-2014_1a2b3c4d.yaml');
    writeFileSync(a, readFileSync(a, 'utf8').replace('done: "2024-10-30"', 'done: "2026-10-01"'));
    const { target, inputs, skipped } = collectHistory(d, reg, {});
    const m = buildHistory(target, inputs, crosswalkMapper(target, reg));
    expect(m.columns.map((c) => c.date)).toEqual(['2024-09-12', '2026-09-10', '2026-09-10']);
    const text = historyText(m, new Chalk({ level: 0 }), skipped, 120);
    expect(text).not.toContain('before the 2026-09-10 review:\n    • Agree'); // B's own date
    expect(text).toContain('  B 2026-09-10, before review C the same day:\n');
    expect(text).toContain('• Agree a response time with each partner teacher (done 2026-09-10, the same day)');
    expect(text).toContain('  A 2024-09-12, before the 2026-09-10 review:\n');
    expect(text).toContain('(done 2026-10-01, after review B)');
    expect(trendLine(m).split('\n')[1]).toMatch(/^Since the review before it \(the same day, 2026-09-10\): /);
  });

  it('the newest and the first review on the same day: both are named, not "Since" that day', () => {
    const d = tempDir();
    for (const f of ['2025-09-14_sbic-2014_1a2b3c4d.yaml', '2026-09-10_sbic-2024_1a2b3c4d.yaml'])
      copyFileSync(join(DIR, f), join(d, f));
    const b = join(d, '2025-09-14_sbic-2014_1a2b3c4d.yaml');
    writeFileSync(b, readFileSync(b, 'utf8').replace('date: "2025-09-14"', 'date: "2026-09-10"'));
    const { target, inputs } = collectHistory(d, reg, {});
    const m = buildHistory(target, inputs, crosswalkMapper(target, reg));
    expect(trendLine(m)).toMatch(/^From the first review to the newest \(both 2026-09-10\), on the 2 items/);
    const c = join(d, '2026-09-10_sbic-2024_1a2b3c4d.yaml');
    writeFileSync(
      c,
      readFileSync(c, 'utf8').replace(
        '    for: progress-monitoring\n    status: planned',
        '    for: progress-monitoring\n    status: done\n    done: "2026-09-10"',
      ),
    );
    const again = collectHistory(d, reg, {});
    const text = historyText(
      buildHistory(again.target, again.inputs, crosswalkMapper(again.target, reg)),
      new Chalk({ level: 0 }),
      [],
      120,
    );
    expect(text).toContain(
      '  B 2026-09-10, since then:\n    • Plan the implementation check-ins with the building team (done 2026-09-10, the day of review B)',
    );
  });
});

describe('history: the marks in one column', () => {
  it("each item's mark starts at the same column, whatever the length of its newest level (120 and 60 columns, --plain too)", () => {
    const { m, skipped } = model();
    for (const plain of [false, true])
      for (const width of [120, 60]) {
        const text = historyText(m, new Chalk({ level: 0 }), skipped, width, plain);
        const lines = text.split('\n').filter((l) => /^ {3}\S.*(up|down|same) since [A-Z]$/.test(l));
        // Items 1 (newest "Exemplary") and 4 (newest "Proficient") both have one.
        expect(lines, text).toHaveLength(2);
        const at = lines.map((l) => l.search(plain ? /(up|down|same) since/ : /[↑↓=] /));
        expect(at[0], text).toBe(at[1]);
        // Just past the widest cell ("A Far from Proficient"), three blanks before the mark.
        const widest = plain ? 'A Far from Proficient'.length : 'A ■ Far from Proficient'.length;
        expect(at[0]).toBe((width === 120 ? 3 + 2 * (widest + 2) : 3) + widest + 3);
        expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(width);
      }
  });
});

describe('history: what the headline must not hide', () => {
  function copyDir(): string {
    const d = tempDir();
    for (const f of readdirSync(DIR)) copyFileSync(join(DIR, f), join(d, f));
    return d;
  }

  it('a drop between the last two reviews is in the headline, by name, even when the long view is all up', () => {
    const d = copyDir();
    // A fourth review: progress monitoring (rated only in 2024 versions) goes down since the one before.
    writeFileSync(
      join(d, '2027-09-10_sbic-2024_1a2b3c4d.yaml'),
      readFileSync(join(d, '2026-09-10_sbic-2024_1a2b3c4d.yaml'), 'utf8')
        .replace('1a2b3c4d-0000-4000-8000-000000000003', '1a2b3c4d-0000-4000-8000-000000000004')
        .replace('"2026-09-10"', '"2026-11-01"')
        .replace('2026-27 baseline', '2026-27 end of year')
        .replace('feedback: proficient', 'feedback: close-to-proficient'),
    );
    const { target, inputs } = collectHistory(d, reg, {});
    const m = buildHistory(target, inputs, crosswalkMapper(target, reg));
    expect(trendLine(m).split('\n')[0]).toContain('0 down'); // first against newest: feedback not rated in 2024-09
    expect(trendLine(m).split('\n')[1]).toBe(
      'Since the last review (2026-09-10): 0 up, 4 the same, 1 down (2. Provide effective feedback).',
    );
  });

  it("each item's mark says what it compares: the first review that rated it, and the one before when that differs", () => {
    const d = copyDir();
    // Coaches' trial: the headline said "1 down (2. Provide effective feedback)" since the review before, while
    // the item showed a bare "= same" (its first rating equals the newest): the marks now say since when.
    const c = readFileSync(join(d, '2026-09-10_sbic-2024_1a2b3c4d.yaml'), 'utf8');
    const review = (day: string, n: string, from: string, to: string) =>
      writeFileSync(
        join(d, `${day}_sbic-2024_1a2b3c4d.yaml`),
        c
          .replace('1a2b3c4d-0000-4000-8000-000000000003', `1a2b3c4d-0000-4000-8000-00000000000${n}`)
          .replace('"2026-09-10"', `"${day}"`)
          .replace('2026-27 baseline', `${day.slice(0, 4)} review`)
          .replace(from, to),
      );
    review('2027-09-10', '4', 'feedback: proficient', 'feedback: exemplary');
    review('2028-09-10', '5', 'relationships: exemplary', 'relationships: proficient');
    const { target, inputs, skipped } = collectHistory(d, reg, {});
    const m = buildHistory(target, inputs, crosswalkMapper(target, reg));
    const row = (id: string) => m.rows.find((r) => r.id === id)!;
    expect(row('feedback')).toMatchObject({ change: 0, changeFrom: 2, changeTo: 4, recent: { from: 3, change: -1 } });
    expect(trendLine(m).split('\n')[1]).toBe(
      'Since the last review (2027-09-10): 0 up, 3 the same, 2 down (1. Develop and maintain coaching relationships; 2. Provide effective feedback).',
    );
    for (const width of [60, 120]) {
      const text = historyText(m, new Chalk({ level: 0 }), skipped, width);
      expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(width);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain("↑ up, = same, ↓ down since A: your newest level (E) compared with A's.");
      expect(flat).toContain('E ■ Proficient ↑ up since A, ↓ down since D 2. Provide effective feedback');
      expect(flat).toContain('E ■ Proficient = same since C, ↓ down since D 3. Develop');
      // The same way since the review before: said once.
      expect(flat).toContain('E ■ Close to Proficient = same since C 4.');
    }
  });

  it('two complete reviews of the same profile and cycle (or day) are named in a warning', () => {
    const d = copyDir();
    // Window 1 and window 2 both finished one draft: two files, one review.
    const twin = '2026-09-10_sbic-2024_5e5e5e5e.yaml';
    writeFileSync(
      join(d, twin),
      readFileSync(join(d, '2026-09-10_sbic-2024_1a2b3c4d.yaml'), 'utf8').replace(
        '1a2b3c4d-0000-4000-8000-000000000003',
        '5e5e5e5e-0000-4000-8000-000000000005',
      ),
    );
    const { target, inputs, skipped } = collectHistory(d, reg, {});
    const m = buildHistory(target, inputs, crosswalkMapper(target, reg));
    expect(m.twins).toEqual([{ columns: [2, 3], shared: 'date 2026-09-10', sameAnswers: true }]);
    const text = historyText(m, new Chalk({ level: 0 }), skipped, 200);
    expect(text.replace(/\s+/g, ' ')).toContain(
      `Warning: reviews C (${join(d, '2026-09-10_sbic-2024_1a2b3c4d.yaml')}) and D (${join(d, twin)}) have the same date (2026-09-10) and the same answers: the same review saved twice? Keep one and delete the other file.`,
    );
    expect(buildHistory(target, inputs.slice(0, 3), crosswalkMapper(target, reg)).twins).toEqual([]);
  });
});

describe('history: whose records', () => {
  it('same day, different answers: never told to delete one, told to check whose each is', () => {
    const d = tempDir();
    for (const f of readdirSync(DIR)) copyFileSync(join(DIR, f), join(d, f));
    const twin = '2026-09-10_sbic-2024_5e5e5e5e.yaml';
    writeFileSync(
      join(d, twin),
      readFileSync(join(d, '2026-09-10_sbic-2024_1a2b3c4d.yaml'), 'utf8')
        .replace('1a2b3c4d-0000-4000-8000-000000000003', '5e5e5e5e-0000-4000-8000-000000000005')
        .replace('feedback: proficient', 'feedback: far-from-proficient'),
    );
    // Same cycle, different answers: one may be a colleague's, so history stops and asks (exit 2) ...
    expect(() => collectHistory(d, reg, {})).toThrow(
      /2 sbic reviews of the cycle "2026-27 baseline" have different answers \(2026-09-10_sbic-2024_1a2b3c4d\.yaml, 2026-09-10_sbic-2024_5e5e5e5e\.yaml\), so one may be someone else's/,
    );
    // ... and with --same-person (both are the coach's) it shows them and says to check.
    const { target, inputs, skipped } = collectHistory(d, reg, { samePerson: true });
    const m = buildHistory(target, inputs, crosswalkMapper(target, reg));
    expect(m.twins).toEqual([{ columns: [2, 3], shared: 'date 2026-09-10', sameAnswers: false }]);
    const text = historyText(m, new Chalk({ level: 0 }), skipped, 200).replace(/\s+/g, ' ');
    expect(text).toContain('have the same date (2026-09-10) but different answers: check whose each is');
    expect(text).not.toContain('delete the other file');
  });

  it('same day, another cycle (the next review started --from the last on one day): no warning', () => {
    const d = tempDir();
    for (const f of readdirSync(DIR)) copyFileSync(join(DIR, f), join(d, f));
    writeFileSync(
      join(d, '2026-09-10_sbic-2024_6f6f6f6f.yaml'),
      readFileSync(join(d, '2026-09-10_sbic-2024_1a2b3c4d.yaml'), 'utf8')
        .replace('1a2b3c4d-0000-4000-8000-000000000003', '6f6f6f6f-0000-4000-8000-000000000006')
        .replace('cycle: 2026-27 baseline', 'cycle: 2027-28 baseline')
        .replace('feedback: proficient', 'feedback: exemplary'),
    );
    const { target, inputs, skipped } = collectHistory(d, reg, {});
    const m = buildHistory(target, inputs, crosswalkMapper(target, reg));
    expect(m.columns).toHaveLength(4);
    expect(m.twins).toEqual([]);
    expect(historyText(m, new Chalk({ level: 0 }), skipped, 200)).not.toContain('Warning');
  });
  it("a colleague's nameless record from another district is not mixed in: lists places, --group or --same-person picks", () => {
    const d = tempDir();
    for (const f of readdirSync(DIR)) copyFileSync(join(DIR, f), join(d, f));
    const addGroup = (f: string, g: string) =>
      writeFileSync(join(d, f), readFileSync(join(d, f), 'utf8').replace('ratings:', `group:\n${g}\nratings:`));
    addGroup('2024-09-12_sbic-2014_1a2b3c4d.yaml', '  district: Lincoln\n  building: Oak');
    addGroup('2026-09-10_sbic-2024_1a2b3c4d.yaml', '  district: Lincoln\n  building: Oak');
    // The colleague's: no respondent either, another district and building, same profile.
    writeFileSync(
      join(d, '2026-09-20_sbic-2024_9f9f9f9f.yaml'),
      readFileSync(join(d, '2026-09-10_sbic-2024_1a2b3c4d.yaml'), 'utf8')
        .replace('1a2b3c4d-0000-4000-8000-000000000003', '9f9f9f9f-0000-4000-8000-000000000009')
        .replace('"2026-09-10"', '"2026-09-20"')
        .replace('district: Lincoln', 'district: Adams')
        .replace('building: Oak', 'building: Elm'),
    );
    let err: unknown;
    try {
      collectHistory(d, reg, {});
    } catch (e) {
      err = e;
    }
    expect((err as CliError).exitCode).toBe(2);
    expect((err as CliError).message).toContain('may be by more than one person');
    expect((err as CliError).message).toContain(
      'district Lincoln · building Oak: 2 records (2024-09-12_sbic-2014_1a2b3c4d.yaml, 2026-09-10_sbic-2024_1a2b3c4d.yaml)',
    );
    expect((err as CliError).message).toContain(
      'district Adams · building Elm: 1 (2026-09-20_sbic-2024_9f9f9f9f.yaml)',
    );
    expect((err as CliError).hint).toContain('--group');
    expect((err as CliError).hint).toContain('--same-person');
    // --group picks the coach's own (case and spaces do not matter); a record with no group is left out.
    const mine = collectHistory(d, reg, { group: parseGroupFilter(['district = lincoln']) });
    expect(mine.inputs.map((x) => x.rec.date)).toEqual(['2024-09-12', '2026-09-10']);
    expect(mine.skipped).toContain('2 from another place (--group)');
    // --same-person: the coach says they are all theirs.
    expect(collectHistory(d, reg, { samePerson: true }).inputs).toHaveLength(4);
    expect(() => parseGroupFilter(['Lincoln'])).toThrow(/key and a value/);
  });

  it('--respondent matches whatever the case and spaces', () => {
    const d = tempDir();
    for (const f of readdirSync(DIR)) copyFileSync(join(DIR, f), join(d, f));
    const f = '2026-09-10_sbic-2024_1a2b3c4d.yaml';
    writeFileSync(
      join(d, f),
      readFileSync(join(d, f), 'utf8').replace('status: complete', 'status: complete\nrespondent: Jane Doe'),
    );
    expect(collectHistory(d, reg, { respondent: '  jane doe ' }).inputs.map((x) => x.rec.date)).toEqual(['2026-09-10']);
  });

  function copyDir(): string {
    const d = tempDir();
    for (const f of readdirSync(DIR)) copyFileSync(join(DIR, f), join(d, f));
    return d;
  }

  it('refuses to mix two people, and picks one with --respondent', () => {
    const d = copyDir();
    for (const [f, who] of [
      ['2024-09-12_sbic-2014_1a2b3c4d.yaml', 'Jane'],
      ['2025-09-14_sbic-2014_1a2b3c4d.yaml', 'Sam'],
    ]) {
      writeFileSync(
        join(d, f),
        readFileSync(join(d, f), 'utf8').replace('status: complete', `status: complete\nrespondent: ${who}`),
      );
    }
    expect(() => collectHistory(d, reg, {})).toThrow(/by more than one person: \(no name\) 1 record, Jane 1, Sam 1/);
    const jane = collectHistory(d, reg, { respondent: 'Jane' });
    expect(jane.inputs.map((x) => x.rec.date)).toEqual(['2024-09-12']);
    expect(jane.skipped).toContain('2 by someone else'); // Sam's, and one with no name
  });

  it("never mixes a colleague's named record into unnamed ones: lists who is there, --respondent none picks the unnamed", () => {
    const d = copyDir();
    // A colleague's record copied in: respondent Pat Lee, the coach's own three have no respondent.
    const pat = readFileSync(join(d, '2026-09-10_sbic-2024_1a2b3c4d.yaml'), 'utf8')
      .replace('1a2b3c4d-0000-4000-8000-000000000003', '9f9f9f9f-0000-4000-8000-000000000009')
      .replace('"2026-09-10"', '"2026-10-20"')
      .replace('status: complete', 'status: complete\nrespondent: Pat Lee');
    writeFileSync(join(d, '2026-10-20_sbic-2024_9f9f9f9f.yaml'), pat);
    let err: unknown;
    try {
      collectHistory(d, reg, {});
    } catch (e) {
      err = e;
    }
    expect((err as CliError).exitCode).toBe(2);
    expect((err as CliError).message).toContain('by more than one person: (no name) 3 records, Pat Lee 1');
    expect((err as CliError).hint).toContain('--respondent "Pat Lee"');
    expect((err as CliError).hint).toContain('--respondent none');
    const mine = collectHistory(d, reg, { respondent: 'none' });
    expect(mine.inputs.map((x) => x.rec.date)).toEqual(['2024-09-12', '2025-09-14', '2026-09-10']);
    expect(mine.skipped).toContain('1 by someone else');
    expect(collectHistory(d, reg, { respondent: 'Pat Lee' }).inputs.map((x) => x.rec.date)).toEqual(['2026-10-20']);
    expect(() => collectHistory(d, reg, { respondent: 'Sam' })).toThrow(/respondent "Sam"/);
  });

  it('asks which profile when the folder holds several, and skips broken files', () => {
    const d = copyDir();
    copyFileSync(new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname, join(d, 'ohio.yaml'));
    writeFileSync(join(d, 'broken.yaml'), 'kind: practice-profile-record\nformat: 1\n');
    expect(() => collectHistory(d, reg, {})).toThrow(
      /several profiles.*ohio-process-coaching \(1\), sbic \(3\); say which with --profile/,
    );
    const s = collectHistory(d, reg, { profile: 'sbic' });
    expect(s.inputs).toHaveLength(3);
    expect(s.skipped).toEqual(['1 draft', '1 of another profile', '1 with errors (profile validate shows them)']);
    mkdirSync(join(d, 'empty'));
    expect(() => collectHistory(join(d, 'empty'), reg, {})).toThrow(/no complete records/);
    // The folder above records/ (profile history .): pointed to records/, not "none".
    mkdirSync(join(d, 'empty', 'records'));
    expect(() => collectHistory(join(d, 'empty'), reg, {})).toThrow(
      `no records here in ${join(d, 'empty')}; did you mean ${join(d, 'empty', 'records')}/?`,
    );
  });
});
