// The short personal summary shown after saving: strengths, stretch areas and the action plan.
import { isAtOrAboveTarget, levelById, profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from '../record/schema.js';

export interface SummaryItem {
  id: string;
  number?: string;
  title: string;
  level: string;
  label: string;
  colour: string;
}

export interface PersonalSummary {
  strengths: SummaryItem[];
  stretch: SummaryItem[];
  plan: { text: string; forTitle?: string; due?: string; status: string }[];
  /** What a partial profile lacks, so the coach knows the picture is not whole. */
  partial?: string;
}

export function personalSummary(profile: Profile, rec: PracticeRecord): PersonalSummary {
  const items = ratedItems(profile);
  const strengths: SummaryItem[] = [];
  const stretch: SummaryItem[] = [];
  for (const it of items) {
    const level = rec.ratings[it.id];
    const l = level ? levelById(profile, level) : undefined;
    if (!l) continue;
    const row = { id: it.id, number: it.number, title: it.title, level: l.id, label: l.label, colour: l.colour };
    (isAtOrAboveTarget(profile, l.id) ? strengths : stretch).push(row);
  }
  // Stretch areas in the coach's priority order first, then the rest in form order.
  const order = rec.priorities ?? [];
  stretch.sort((a, b) => rank(order, a.id) - rank(order, b.id));
  const titleOf = (id?: string) => items.find((i) => i.id === id)?.title;
  const plan = (rec.actionSteps ?? []).map((s) => ({
    text: s.text,
    forTitle: titleOf(s.for),
    due: s.due,
    status: s.status,
  }));
  // The closing summary only reminds: the full note was shown before the first question.
  const partial = `${profileRef(profile)} is partial: parts of the source were not found, so this is not the whole picture (profile show ${profileRef(profile)} says what is missing).`;
  return { strengths, stretch, plan, ...(profile.status === 'partial' ? { partial } : {}) };
}

function rank(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

/**
 * What a partial profile means for the coach, in one or two plain sentences before the first question.
 * The profile's own statusNote is for maintainers (what was found where); `profile show` prints it.
 */
export function partialNote(profile: Profile): string {
  const found = profile.sections.map((s) => s.title);
  const n = ratedItems(profile).length;
  const [one, many] = profile.process.rate === 'section' ? ['part', 'parts'] : ['criterion', 'criteria'];
  return `This profile is incomplete: only ${listOf(found)} could be found, so you rate ${n} ${n === 1 ? one : many}. The rest of your practice is not covered this time.`;
}

function listOf(xs: string[]): string {
  return xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : (xs[0] ?? 'part of it');
}
