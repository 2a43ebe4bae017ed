// Shared helpers for the assess tests: profiles, a scripted answerer, and "does this record validate".
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { belowTarget, type Answer, type Draft, type Question } from '../../src/assess/flow.js';
import type { Profile } from '../../src/profile/schema.js';
import { loadRegistry, resolveProfile } from '../../src/profile/registry.js';
import { checkRecordAgainstProfile } from '../../src/record/check.js';
import { parseRecordText } from '../../src/record/read.js';

export const reg = loadRegistry({ env: {} });
export const profileOf = (ref: string): Profile => resolveProfile(reg, ref).profile;
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'pp-assess-'));

/** A plausible coach: alternates levels top/bottom, ticks the first area and adds one, prioritises all below target. */
export function scriptedAnswer(profile: Profile, d: Draft, q: Question): Answer {
  const levels = profile.scale.levels;
  switch (q.kind) {
    case 'context':
      return { kind: 'context', group: { state: 'MO', region: 'Southeast' }, cycle: '2025-26 baseline' };
    case 'rating':
      return {
        kind: 'rating',
        level: levels[q.index % 2 === 0 ? 0 : levels.length - 1].id,
        note: q.index === 1 ? 'We rarely agree on times.' : undefined,
      };
    case 'areas': {
      const first = profile.sections.flatMap((s) => s.improvementAreas)[0];
      return { kind: 'areas', areas: [...(first ? [first.id] : []), { text: 'Using video for feedback' }] };
    }
    case 'priorities':
      return { kind: 'priorities', priorities: belowTarget(profile, d.rec).map((i) => i.id) };
    case 'step':
      if (q.optional) return { kind: 'step', step: null };
      return {
        kind: 'step',
        step: {
          text: `Step ${q.index + 1}`,
          for: d.rec.priorities?.[q.index % (d.rec.priorities.length || 1)],
          due: `${Number(d.rec.date.slice(0, 4)) + 1}-01-31`, // after the record's day, whenever the test runs
        },
      };
    case 'review':
      return { kind: 'review' };
  }
}

/** Error-severity problems of a record file's text against its profile (what `profile validate` checks). */
export function recordErrors(text: string, profile: Profile): string[] {
  const r = parseRecordText(text, 'rec.yaml');
  if (!r.record) return r.diagnostics.map((x) => x.message);
  return checkRecordAgainstProfile(r.record, profile, r.source!)
    .filter((x) => x.severity === 'error')
    .map((x) => x.message);
}

export const readText = (f: string): string => readFileSync(f, 'utf8');
