// Faithful profiles: wording the profiles say they quote is in the source documents word for word, the
// misquotes once found are gone, and what the project chose itself is marked as such.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfileFile } from '../../src/profile/load.js';
import type { Profile } from '../../src/profile/schema.js';
import { fixture, ROOT } from '../helpers/cli.js';

const seed = (n: string) => {
  const f = readdirSync(fixture('seeds')).find((x) => x.startsWith(`${n}_`))!;
  return readFileSync(fixture('seeds', f), 'utf8');
};
/** Compare as a reader would: line breaks and runs of spaces from the page layout do not count. */
const flat = (s: string) =>
  s
    .replace(/<[^>]+>/g, ' ')
    .replace(/•/g, ' ')
    .replace(/\s+/g, ' ');
const profile = (f: string): Profile => loadProfileFile(join(ROOT, 'profiles', f)).profile!;
const exemplary = (p: Profile) =>
  p.sections.flatMap((s) => {
    const cell = s.descriptors?.exemplary;
    return cell && !Array.isArray(cell) ? [cell.stem ?? '', ...(cell.items ?? [])].filter(Boolean) : [];
  });

function missingFrom(sources: string[], quotes: string[]): string[] {
  const hay = sources.map(flat);
  return quotes.filter((q) => !hay.some((h) => h.includes(flat(q))));
}

describe('Ohio Process Coaching 3.15 (seed 000)', () => {
  const p = profile('ohio-process-coaching/3.15.yaml');
  it('purpose, process steps and colour meanings are quoted exactly', () => {
    expect(
      missingFrom(
        [seed('000')],
        [...p.purpose!.split('\n'), ...p.process.steps!, ...p.scale.levels.map((l) => l.description!)],
      ),
    ).toEqual([]);
  });
  it('the rewordings that changed meaning are fixed', () => {
    const text = (n: number) => p.sections[0].criteria.find((c) => c.number === n)!.text;
    expect(text(1)).toMatch(/^Identifying .* appropriate to the situation$/);
    expect(text(9)).toContain('positively');
  });
});

describe('Missouri SBIC 2014 (seeds 001, 002)', () => {
  const p = profile('sbic/2014.yaml');
  const sources = [seed('001'), seed('002')].map((s) => s.replace(/solutiondriven/g, 'solution-driven'));
  it('titles, Exemplary stems and items, evidence and foundation are quoted exactly', () => {
    const quotes = [
      ...p.sections.map((s) => s.title),
      ...exemplary(p).map((q) => q.replace(/:$/, '')),
      p.foundation!,
      ...p.sections.flatMap((s) => s.evidence ?? []),
      p.scale.levels[0].description!,
    ];
    expect(missingFrom(sources, quotes)).toEqual([]);
  });
  it('the level definitions no longer add what the source does not say', () => {
    const d = p.scale.levels.map((l) => l.description).join(' ');
    expect(d).not.toContain('Coaching is recommended');
    expect(d).not.toContain('and coaching is critical');
    expect(p.scale.levels.find((l) => l.id === 'far-from-proficient')!.description).toBe(
      '(Follow-up professional development is critical.)',
    );
  });
  it('function 2 does not gain an "only"', () => {
    const cell = p.sections[1].descriptors!['close-to-proficient'];
    expect(JSON.stringify(cell)).not.toMatch(/\bonly\b/);
  });
});

describe('Missouri SBIC 2024-25 (seed 004)', () => {
  const p = profile('sbic/2024.yaml');
  it('titles, indicators and purpose are quoted exactly (the four modes joined from a sub-list)', () => {
    const items = exemplary(p).filter((q) => !q.startsWith('Effective coaches'));
    const modes = items.find((q) => q.includes('four modes'))!;
    const quotes = [
      ...p.sections.map((s) => s.title),
      ...items.filter((q) => q !== modes),
      ...modes.split(/: |; /),
      ...p.purpose!.split(/(?<=\.) /),
    ];
    expect(missingFrom([seed('004')], quotes)).toEqual([]);
  });
});

describe("every shipped profile marks the project's own choices", () => {
  it.each(['ohio-process-coaching/3.15.yaml', 'sbic/2014.yaml', 'sbic/2024.yaml'])('%s', (f) => {
    const p = profile(f);
    const choices = (p.projectChoices ?? []).join(' ');
    expect(choices).toMatch(/score/i);
    if (f.startsWith('sbic')) {
      expect(choices).toMatch(/colour/i);
      expect(choices).toMatch(/target/i);
      expect(choices).toMatch(/action steps/i);
    }
  });
});
