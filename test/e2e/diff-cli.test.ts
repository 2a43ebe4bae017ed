// `profile diff A B` on the built CLI: renames through the crosswalk over a chain, word-level rewording,
// what records become, three formats; and `show` prints the crosswalk.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, runCli } from '../helpers/cli.js';

const chain = fixture('crosswalk', 'chain');
const diff = (...args: string[]) => runCli(['--profiles', chain, 'diff', ...args]);

describe('profile diff', () => {
  it('json: added, removed, renamed through two crosswalks, reworded word by word, and what records become', () => {
    const r = diff('ch@2014', 'ch@2026', '--format', 'json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ from: 'ch@2014', to: 'ch@2026', linked: true, via: ['ch@2024'] });
    expect(d.items.renamed).toEqual([
      { from: 'relationships.rapport', to: 'relationships.trust', kind: 'improvement area' },
      { from: 'progress-monitoring', to: 'monitoring', kind: 'section' },
    ]);
    expect(d.items.removed.map((i: { id: string }) => i.id)).toEqual(['planning']);
    expect(d.items.added.map((i: { id: string }) => i.id)).toEqual(['coaching-plan']);
    expect(d.items.reworded).toContainEqual({
      id: 'relationships.trust',
      from: 'relationships.rapport',
      field: 'text',
      before: 'Building rapport',
      after: 'Building trust',
      words: [
        { op: 'same', text: 'Building ' },
        { op: 'removed', text: 'rapport' },
        { op: 'added', text: 'trust' },
      ],
    });
    expect(d.levels.renamed).toEqual([
      { from: 'emerging', to: 'not-yet' },
      { from: 'far', to: 'not-yet' },
    ]);
    expect(d.levels.removed).toEqual([]);
    expect(d.records).toMatchObject({ dropped: ['planning'], unrated: ['coaching-plan'] });
  });
  it('text: git-style word marks that read without colour', () => {
    const r = diff('ch@2014', 'ch@2026');
    expect(r.stdout).toContain('ch@2026 replaces ch@2014 (through ch@2024): ids follow the crosswalk.');
    expect(r.stdout).toContain('~ progress-monitoring -> monitoring  section, renamed');
    expect(r.stdout).toContain('Building [-rapport-]{+trust+}');
    expect(r.stdout).toMatch(/Records of ch@2014 under ch@2026\n {2}progress-monitoring: counted as monitoring\n/);
    expect(r.stdout).toContain('planning: dropped (no counterpart in ch@2026)');
  });
  it('a rubric cell is compared line by line: one changed line, not the whole cell', () => {
    const d = JSON.parse(runCli(['diff', 'sbic@2014', 'sbic@2024', '-f', 'json']).stdout);
    const ev = d.items.reworded.find(
      (r: { id: string; field: string }) => r.id === 'relationships' && r.field === 'evidence',
    );
    expect(ev.lines).toEqual([
      { op: 'removed', text: 'Fidelity Checklist' },
      { op: 'removed', text: 'Student Data' },
    ]);
  });
  it('md: tables a pull request can show', () => {
    const r = diff('ch@2014', 'ch@2026', '-f', 'md');
    expect(r.stdout).toContain('## `ch@2014` → `ch@2026`');
    expect(r.stdout).toContain(
      '| `relationships.trust` (was `relationships.rapport`) | text | Building ~~rapport~~ **trust** |',
    );
  });
  it('a profile file being edited, against the shipped version; the same version twice is "No differences."', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-diff-'));
    const text = readFileSync(join(ROOT, 'profiles/sbic/2024.yaml'), 'utf8')
      .replace('version: "2024"', 'version: "2026"')
      .replace('replaces: sbic@2014', 'replaces: sbic@2024')
      .replace(/# 2014 function.*\ncrosswalk:\n( {2}.*\n)+/, 'crosswalk:\n  progress-monitoring: monitoring\n')
      .replace('- id: progress-monitoring', '- id: monitoring')
      .replace('Celebrating growth within the practices', 'Celebrating growth in the practices');
    cpSync(join(ROOT, 'profiles/sbic'), join(dir, 'sbic'), { recursive: true });
    writeFileSync(join(dir, 'sbic/2026.yaml'), text);
    const r = runCli(['diff', 'sbic@2024', join(dir, 'sbic/2026.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('~ progress-monitoring -> monitoring');
    expect(r.stdout).toContain(
      '  ~ feedback  descriptor: exemplary\n      ~ Celebrating growth [-within-]{+in+} the practices\n',
    );
    expect(runCli(['diff', 'sbic@2024', 'sbic@2024']).stdout).toContain('No differences.');
  });
  it('unrelated profiles are compared id by id, and say so; a missing one is exit 2', () => {
    expect(runCli(['diff', 'ohio-process-coaching', 'sbic@2024']).stdout.replace(/\s+/g, ' ')).toContain(
      'sbic@2024 does not replace ohio-process-coaching@3.15: ids are compared as they are.',
    );
    expect(runCli(['diff', 'sbic@2014', 'sbic@1999']).code).toBe(2);
    expect(runCli(['diff', 'sbic@2014', 'no/such.yaml']).code).toBe(2);
  });
});

describe('profile show prints the crosswalk', () => {
  it('text and md', () => {
    const t = runCli(['--profiles', chain, 'show', 'ch@2026']).stdout;
    expect(t).toContain('Crosswalk from ch@2024');
    expect(t).toContain('  progress-monitoring -> monitoring');
    expect(t).toContain('  level far -> level not-yet');
    expect(runCli(['show', 'sbic@2024']).stdout).toContain('  improvement-process -> (no counterpart: dropped)');
    expect(runCli(['--profiles', chain, 'show', 'ch@2026', '-f', 'md']).stdout).toContain(
      '| level `emerging` | level `not-yet` |',
    );
  });
});
