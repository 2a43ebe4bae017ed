// `profile actions` on last year's record when a newer review has taken its unfinished steps over (`profile
// assess --from` carries them, by their text): progress marked here would never reach this year's plan, so the
// coach is told which record holds it now. Said, never refused: the old record is still the coach's.
import { readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readRecordFile } from '../record/read.js';
import type { PracticeRecord } from '../record/schema.js';
import { cleanStepText } from './action-edit.js';

export interface NewerReview {
  /** The newer record's path (in the same folder as the record). */
  file: string;
  date: string;
  cycle?: string;
  /** This record's unfinished steps (1-based) that the newer review has, by their text. */
  steps: number[];
  /** Every unfinished step of this record is among them. */
  all: boolean;
  /**
   * Both reviews are of the same day and neither says it came after the other (no cycles to tell, each has
   * the other's open steps): "another review of the same day", not "a newer review".
   */
  unsure: boolean;
}

const profileId = (ref: string) => ref.split('@')[0];
const norm = (s: string | undefined) => s?.trim().toLowerCase().replace(/\s+/g, ' ') || undefined;

/**
 * The newest complete record of the same profile, in the same folder, dated the same day or later, whose action
 * steps include one or more of this record's unfinished steps (by text). Cheap: nothing is read when this record
 * has no unfinished step, and files whose name starts with an earlier date (as profile assess names them) are
 * not opened. A record of another person (both name a respondent, and they differ) does not count.
 */
export function findNewerReview(file: string, rec: PracticeRecord): NewerReview | undefined {
  const open = (rec.actionSteps ?? []).flatMap((s, i) =>
    s.status === 'done' ? [] : [{ n: i + 1, text: cleanStepText(s.text) }],
  );
  if (!open.length) return undefined;
  const dir = dirname(resolve(file));
  const me = real(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const found: NewerReview[] = [];
  for (const name of names.sort()) {
    if (!/\.ya?ml$/i.test(name) || name.startsWith('.')) continue;
    const day = /^(\d{4}-\d{2}-\d{2})_/.exec(name)?.[1];
    if (day && day < rec.date) continue;
    const path = join(dir, name);
    if (real(path) === me) continue;
    const other = readRecordFile(path).record;
    if (other?.status !== 'complete' || other.id === rec.id) continue;
    if (profileId(other.profile) !== profileId(rec.profile) || other.date < rec.date) continue;
    const who = [norm(rec.respondent), norm(other.respondent)];
    if (who[0] && who[1] && who[0] !== who[1]) continue;
    const texts = new Set((other.actionSteps ?? []).map((s) => cleanStepText(s.text)));
    const steps = open.filter((s) => texts.has(s.text)).map((s) => s.n);
    if (!steps.length) continue;
    let unsure = false;
    if (other.date === rec.date) {
      const order = sameDayOrder(rec, other);
      if (order === 'older') continue;
      unsure = order === 'unsure';
    }
    found.push({
      file: join(dirname(file), basename(path)),
      date: other.date,
      cycle: other.cycle,
      steps,
      all: steps.length === open.length,
      unsure,
    });
  }
  // A review known to be newer first, then the latest (this year's plan, when several years carried a step).
  found.sort(
    (a, b) =>
      Number(a.unsure) - Number(b.unsure) ||
      b.date.localeCompare(a.date) ||
      (b.cycle ?? '').localeCompare(a.cycle ?? '', undefined, { numeric: true }),
  );
  return found[0];
}

/**
 * Two reviews of one day: which came second? Their cycles tell when both have one and they differ ("2025-26"
 * before "2026-27 baseline"); else the one that has all the other's open steps while the other lacks some of
 * its own (a review started --from another has that one's open steps, and usually a new step of its own).
 */
function sameDayOrder(rec: PracticeRecord, other: PracticeRecord): 'newer' | 'older' | 'unsure' {
  const a = rec.cycle?.trim();
  const b = other.cycle?.trim();
  if (a && b && a.toLowerCase() !== b.toLowerCase())
    return b.localeCompare(a, undefined, { numeric: true }) > 0 ? 'newer' : 'older';
  const hasOpen = (x: PracticeRecord, y: PracticeRecord) => {
    const texts = new Set((y.actionSteps ?? []).map((s) => cleanStepText(s.text)));
    return (x.actionSteps ?? []).every((s) => s.status === 'done' || texts.has(cleanStepText(s.text)));
  };
  const otherHasMine = hasOpen(rec, other);
  const mineHasOther = hasOpen(other, rec);
  if (otherHasMine && !mineHasOther) return 'newer';
  if (mineHasOther && !otherHasMine) return 'older';
  return 'unsure';
}

function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** "step 2", "steps 1 and 3", "steps 1, 2 and 3". */
function stepList(ns: number[]): string {
  return ns.length > 1 ? `steps ${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}` : `step ${ns[0]}`;
}

/**
 * What the coach is told, once, at the start: which review holds these steps now, and the command to keep
 * it up. `name`: the newer record's name as the coach can type it.
 */
export function newerReviewNote(r: NewerReview, name: string): string {
  const when = `${r.date}${r.cycle ? `, ${r.cycle}` : ''}`;
  const which = r.all ? "this record's unfinished steps" : `${stepList(r.steps)} of this record`;
  return r.unsure
    ? `Another review of the same day, ${name} (${when}), has ${which} too: if it is this year's plan, keep it up there, with profile actions ${name}. Changes made here stay in this record.`
    : `A newer review, ${name} (${when}), carries ${which} on: to keep this year's plan up, use profile actions ${name}. Changes made here stay in this record.`;
}
