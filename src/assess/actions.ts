// Later changes to a record's action steps (status, done date, text, due date, progress notes, new and
// removed steps): checked, applied (action-edit.ts), verified against the expected record, then written
// under the file's lock.
import { chmodSync, realpathSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { isScalar } from 'yaml';
import { replaceFileAtomic } from '../atomic-write.js';
import { CliError, EXIT, didYouMeanRecords, fsErrorText } from '../errors.js';
import { acquireLock, type FileLock } from '../file-lock.js';
import { readRecordText } from '../input-guard.js';
import { profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { checkRecordAgainstProfile } from '../record/check.js';
import { isNotRecord, parseRecordText } from '../record/read.js';
import type { ActionStepT, PracticeRecord } from '../record/schema.js';
import { quoteAmbiguousInText } from '../record/write.js';
import {
  cleanStepText,
  editDoc,
  newStep,
  parseRecordDoc,
  removeSteps,
  stampUpdated,
  type ActionChange,
  type StepStatus,
} from './action-edit.js';
import { isValidDay, today as todayDay } from './flow.js';
import { dayProblem } from '../record/day.js';

export { cleanStepText, type ActionChange, type StepStatus } from './action-edit.js';

/** The most open (not done) action steps the record's profile allows (undefined when the profile is not known). */
export function maxSteps(profile: Profile | undefined): number | undefined {
  return profile?.process.actionSteps.max;
}

/** Steps not done yet: what the profile's maximum counts, so a coach can add a step once others are done. */
export function openSteps(steps: Pick<ActionStepT, 'status'>[] | undefined): number {
  return (steps ?? []).filter((s) => s.status !== 'done').length;
}

/**
 * A record with more open steps than its profile allows (a step added by hand in the file): said, never
 * refused, so the coach can still mark one done or remove one. Undefined when within the maximum.
 */
export function overMaxWarning(rec: PracticeRecord, profile: Profile | undefined, menu: boolean): string | undefined {
  const max = maxSteps(profile);
  const open = openSteps(rec.actionSteps);
  if (max === undefined || open <= max) return undefined;
  return `warning: this record has ${open} open action steps; its profile (${profileRef(profile!)}) allows ${max} at a time: mark one done or remove one${menu ? '' : ' (--done N or --remove N)'}.`;
}

/** Why a draft cannot be changed here, or undefined for a complete record. */
export function draftProblem(rec: PracticeRecord, file: string): CliError | undefined {
  if (rec.status !== 'draft') return undefined;
  return new CliError(
    `${file} is a draft (status: draft): finish it first with profile assess --resume ${file}`,
    EXIT.usage,
    undefined,
    'A running assessment on this draft would overwrite changes made here.',
  );
}

/** Check a change against the record (1-based step numbers, as the coach sees them). */
export function checkChange(rec: PracticeRecord, profile: Profile | undefined, c: ActionChange): void {
  checkChanges(rec, profile, [c]);
}

export interface CheckOptions {
  /** The day it is: done dates and progress notes may not be later. */
  today?: string;
  /** Removing a done step (the coach's done work, which history lists) was confirmed (--yes, or asked). */
  yes?: boolean;
  /** The change was made in the interactive menu: what to do next is said in its words, not as flags. */
  menu?: boolean;
}

const dayError = (flag: string, day: string) => new CliError(`${flag} ${dayProblem(day)}`, EXIT.usage);

/** A step is planned in the record, so it cannot be done (or progress) before the record's own day. */
function beforeRecord(rec: PracticeRecord, day: string, what: string): void {
  if (day < rec.date)
    throw new CliError(
      `--on ${day} is before this record's date (${rec.date}): ${what} cannot be dated before the plan was made`,
      EXIT.usage,
      undefined,
      `Check the date; a day from ${rec.date} on is accepted.`,
    );
}

/** Done work and progress are recorded when they happened, so not on a day still to come. */
function afterToday(day: string, today: string, what: string): void {
  if (day > today)
    throw new CliError(
      `--on ${day} is after today (${today}): ${what} cannot be dated in the future`,
      EXIT.usage,
      undefined,
      `Record it on the day it happens; a day up to ${today} is accepted.`,
    );
}

/** A due day before the plan was made would be overdue from the start: almost surely a typing slip. */
function dueBeforeRecord(rec: PracticeRecord, day: string): void {
  if (day < rec.date)
    throw new CliError(
      `--due ${day} is before this record's date (${rec.date}): the step would be overdue from the day it was planned`,
      EXIT.usage,
      undefined,
      `Check the year; a due date from ${rec.date} on is accepted.`,
    );
}

/** The check a date typed at a prompt gets (interactive "When?"): an error message, or true. */
export function checkDoneDay(rec: PracticeRecord, day: string, today: string): string | true {
  if (!isValidDay(day)) return `${dayProblem(day)}.`;
  if (day < rec.date) return `That is before this record's date (${rec.date}).`;
  if (day > today) return `That is after today (${today}).`;
  return true;
}

/** The check a typed due date gets at a prompt: an error message, or true. */
export function checkDueDay(rec: PracticeRecord, day: string): string | true {
  if (!isValidDay(day)) return `${dayProblem(day)}.`;
  if (day < rec.date) return `That is before this record's date (${rec.date}); the step would be overdue at once.`;
  return true;
}

/** A step named in a message: its number and the start of its text. */
export function stepName(n: number, text: string): string {
  const t = cleanStepText(text);
  return `step ${n} ("${t.length > 50 ? `${t.slice(0, 49)}…` : t}")`;
}

/**
 * Interactive changes carry the text of the step the coach chose. Under the lock, each goes to the step that
 * still has that text: at the same place, or, if the list changed meanwhile, the one step with that text.
 * Otherwise (the step was removed or edited elsewhere) nothing is saved: a change never lands on another step.
 */
export function resolveSeen(rec: PracticeRecord, changes: ActionChange[]): { changes: ActionChange[]; said: string[] } {
  const steps = rec.actionSteps ?? [];
  const said: string[] = [];
  const out = changes.map((c) => {
    if (c.kind === 'add' || c.seen === undefined) return c;
    if (steps[c.step - 1]?.text === c.seen) return c;
    const at = steps.flatMap((s, i) => (s.text === c.seen ? [i + 1] : []));
    if (at.length === 1) {
      said.push(
        `The list changed in another window: "${cleanStepText(c.seen)}" is now step ${at[0]} (it was step ${c.step}); the change went to it.`,
      );
      return { ...c, step: at[0] };
    }
    throw new CliError(
      `the action steps changed in another window (or by hand): ${at.length ? `"${cleanStepText(c.seen)}" is now more than one step` : `step ${c.step} is no longer "${cleanStepText(c.seen)}"`}, so nothing was saved`,
      EXIT.usage,
      undefined,
      'Here is the list as it is now; choose the step again.',
    );
  });
  return { changes: out, said };
}

/** The item a --for value names: its id, its number as shown ("6", "1.2"), or its title (an unambiguous start, or a word in it). */
export function resolveFor(profile: Profile, rec: PracticeRecord, value: string): { id: string; warning?: string } {
  const items = ratedItems(profile);
  const v = value.trim();
  const low = v.toLowerCase().replace(/\.$/, '');
  const byId = items.find((i) => i.id === v);
  const byNumber = items.filter((i) => i.number !== undefined && i.number.toLowerCase() === low);
  const byTitle = items.filter((i) => i.title.toLowerCase() === low);
  const byStart = low ? items.filter((i) => i.title.toLowerCase().startsWith(low)) : [];
  // "solution" for "Use solution dialogue": a word (or words) anywhere in the title, at the start of a word.
  const esc = low.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const byWord = low
    ? items.filter((i) => new RegExp(`(^|[^\\p{L}\\p{N}])${esc}`, 'u').test(i.title.toLowerCase()))
    : [];
  const found = byId
    ? [byId]
    : byNumber.length
      ? byNumber
      : byTitle.length
        ? byTitle
        : byStart.length
          ? byStart
          : byWord;
  const list = items.map((i) => `  ${i.number ? `${i.number}. ` : ''}${i.title}`).join('\n');
  if (found.length !== 1) {
    throw new CliError(
      found.length
        ? `--for "${v}" could be any of: ${found.map((i) => `${i.number ? `${i.number}. ` : ''}${i.title}`).join('; ')}`
        : `--for "${v}" is not an item of ${rec.profile}`,
      EXIT.usage,
      undefined,
      `Give the item's number, the start of its title or a word in it, e.g. --for ${items[0]?.number ?? items[0]?.id}. The items:\n${list}`,
    );
  }
  const it = found[0];
  const prios = rec.priorities ?? [];
  const warning = prios.includes(it.id)
    ? undefined
    : `warning: "${it.number ? `${it.number}. ` : ''}${it.title}" is not one of this record's priorities${prios.length ? '' : ' (it has none)'}; the step is linked to it all the same.`;
  return { id: it.id, warning };
}

/** Check a set of changes made together: each on its own, then as a whole (no step twice, not over the maximum). */
export function checkChanges(
  rec: PracticeRecord,
  profile: Profile | undefined,
  changes: ActionChange[],
  opts: CheckOptions = {},
): void {
  const today = opts.today ?? todayDay();
  const n = rec.actionSteps?.length ?? 0;
  const statusOf = new Map<number, StepStatus>();
  const removed = new Set(changes.flatMap((c) => (c.kind === 'remove' ? [c.step] : [])));
  for (const c of changes) {
    if (c.kind === 'add') {
      if (!cleanStepText(c.step.text)) throw new CliError('--add needs the text of the step', EXIT.usage);
      if (c.step.due !== undefined && !isValidDay(c.step.due)) throw dayError('--due', c.step.due);
      if (c.step.due !== undefined) dueBeforeRecord(rec, c.step.due);
      if (c.step.for && profile && !ratedItems(profile).some((i) => i.id === c.step.for)) {
        throw new CliError(
          `--for "${c.step.for}" is not a rated item of ${rec.profile}; items: ${ratedItems(profile)
            .map((i) => i.id)
            .join(', ')}`,
          EXIT.usage,
        );
      }
      continue;
    }
    if (!Number.isInteger(c.step) || c.step < 1 || c.step > n) {
      throw new CliError(
        `there is no action step ${c.step}; this record has ${n === 0 ? 'none' : n === 1 ? 'step 1 only' : `steps 1 to ${n}`}`,
        EXIT.usage,
      );
    }
    if (c.kind !== 'remove' && removed.has(c.step))
      throw new CliError(`step ${c.step} is removed, so it cannot also be changed`, EXIT.usage);
    if (c.kind === 'status') {
      const before = statusOf.get(c.step);
      if (before !== undefined && before !== c.status) {
        throw new CliError(
          `step ${c.step} cannot be both ${before} and ${c.status}; give each step one new status`,
          EXIT.usage,
        );
      }
      if (c.on !== undefined && !isValidDay(c.on)) throw dayError('--on', c.on);
      if (c.on !== undefined) beforeRecord(rec, c.on, `step ${c.step} done`);
      if (c.on !== undefined) afterToday(c.on, today, `step ${c.step} done`);
      statusOf.set(c.step, c.status);
    } else if (c.kind === 'text') {
      if (!cleanStepText(c.text)) throw new CliError(`--text needs the new text of step ${c.step}`, EXIT.usage);
    } else if (c.kind === 'due') {
      if (c.due !== null && !isValidDay(c.due)) throw dayError('--due', c.due);
      if (c.due !== null) dueBeforeRecord(rec, c.due);
    } else if (c.kind === 'note') {
      if (!cleanStepText(c.text)) throw new CliError('--note needs some text', EXIT.usage);
      if (!isValidDay(c.on)) throw dayError('--on', c.on);
      beforeRecord(rec, c.on, `a progress note on step ${c.step}`);
      afterToday(c.on, today, `a progress note on step ${c.step}`);
    }
  }
  // A done step is the coach's done work (history lists it): removing it is never a side effect of a list.
  const doneRemoved = [...removed].filter((k) => rec.actionSteps?.[k - 1]?.status === 'done').sort((a, b) => a - b);
  if (doneRemoved.length && !opts.yes) {
    const steps = rec.actionSteps ?? [];
    throw new CliError(
      `${doneRemoved.map((k) => stepName(k, steps[k - 1].text)).join(', ')} ${doneRemoved.length === 1 ? 'is' : 'are'} done: your done work, which profile history lists; nothing was removed`,
      EXIT.usage,
      undefined,
      `To remove ${doneRemoved.length === 1 ? 'it' : 'them'} all the same, add --yes.`,
    );
  }
  // The maximum counts open steps: a change may not leave more open than allowed, unless it opens none.
  const max = maxSteps(profile);
  if (max === undefined) return;
  const steps = rec.actionSteps ?? [];
  const before = openSteps(steps);
  const after =
    steps.filter((s, i) => !removed.has(i + 1) && (statusOf.get(i + 1) ?? s.status) !== 'done').length +
    changes.filter((c) => c.kind === 'add').length;
  if (after > max && after > before) {
    const ref = profile ? profileRef(profile) : rec.profile;
    const adding = changes.some((c) => c.kind === 'add');
    throw new CliError(
      adding
        ? `this record already has ${before} open action step${before === 1 ? '' : 's'}; ${ref} allows at most ${max} open at a time, so no step was added`
        : `${ref} allows at most ${max} open action steps at a time, so no step was opened again`,
      EXIT.usage,
      undefined,
      opts.menu
        ? 'Mark a step done or remove one first (pick it in the list), or edit the text of an open step instead.'
        : 'Mark a step done (--done N) or remove one (--remove N) first, or change the text of an open step (--step N --text "...").',
    );
  }
}

/** What each change did, in words, said back to the coach (a screen reader hears it; nothing changes unseen). */
export function describeChanges(rec: PracticeRecord, changes: ActionChange[], today: string): string[] {
  const steps = rec.actionSteps ?? [];
  let added = steps.length;
  const said = changes.map((c) => {
    if (c.kind === 'add') return `Added step ${++added}: ${cleanStepText(c.step.text)}.`;
    const s = steps[c.step - 1];
    const name = stepName(c.step, s.text);
    const cap = (x: string) => x[0].toUpperCase() + x.slice(1);
    if (c.kind === 'status') {
      if (c.status !== 'done') return `${cap(name)} is now ${c.status.replace('-', ' ')}.`;
      if (s.status === 'done' && s.done) {
        const day = c.on ?? s.done;
        return day === s.done
          ? `${cap(name)} was already done, on ${s.done}; unchanged.`
          : `${cap(name)} was done on ${s.done}; its done date is now ${day}.`;
      }
      return `${cap(name)} is done (${c.on ?? s.done ?? today}).`;
    }
    if (c.kind === 'text') return `Step ${c.step} now reads: ${cleanStepText(c.text)}.`;
    if (c.kind === 'due') return c.due ? `${cap(name)} is due ${c.due}.` : `${cap(name)} has no due date now.`;
    if (c.kind === 'note') return `Progress note of ${c.on} added to ${name}.`;
    return `Removed ${name}.`;
  });
  const moved = renumbered(added, changes);
  return moved ? [...said, moved] : said;
}

/**
 * After a removal the later steps move up: said, so "step 3" is not looked for where it was ("Steps 3 and 4
 * are now 2 and 3.", "Step 3 is now 2."). `count`: the steps before the removal, added ones included.
 */
export function renumbered(count: number, changes: ActionChange[]): string | undefined {
  const gone = new Set(changes.flatMap((c) => (c.kind === 'remove' ? [c.step] : [])));
  const moves: [number, number][] = [];
  for (let n = 1, now = 0; n <= count; n++) {
    if (gone.has(n)) continue;
    now++;
    if (now !== n) moves.push([n, now]);
  }
  if (!moves.length) return undefined;
  const list = (ns: number[]) =>
    ns.length > 1 ? `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}` : String(ns[0]);
  const from = moves.map(([n]) => n);
  const to = moves.map(([, k]) => k);
  // A long run that moves by one amount reads as a range: "Steps 3 to 7 are now 2 to 6."
  const run = moves.length > 3 && moves.every(([n, k], i) => n === from[0] + i && k === to[0] + i);
  if (run) return `Steps ${from[0]} to ${from.at(-1)} are now ${to[0]} to ${to.at(-1)}.`;
  return moves.length === 1 ? `Step ${from[0]} is now ${to[0]}.` : `Steps ${list(from)} are now ${list(to)}.`;
}

/** The plain value after the changes, to compare the edited file against. */
function expectedValue(
  value: Record<string, unknown>,
  changes: ActionChange[],
  today: string,
): Record<string, unknown> {
  const v = structuredClone(value);
  const steps = (v.actionSteps ??= []) as Record<string, unknown>[];
  for (const c of changes) {
    if (c.kind === 'add') {
      steps.push(newStep(c.step));
      continue;
    }
    if (c.kind === 'remove') continue;
    const s = steps[c.step - 1];
    if (c.kind === 'status') {
      s.status = c.status;
      if (c.status === 'done') s.done = c.on ?? s.done ?? today;
      else delete s.done;
    } else if (c.kind === 'text') s.text = cleanStepText(c.text);
    else if (c.kind === 'due') {
      if (c.due) s.due = c.due;
      else delete s.due;
    } else if (c.kind === 'note') ((s.progress ??= []) as unknown[]).push({ date: c.on, text: cleanStepText(c.text) });
  }
  const gone = new Set(changes.flatMap((c) => (c.kind === 'remove' ? [c.step - 1] : [])));
  v.actionSteps = steps.filter((_, i) => !gone.has(i));
  return v;
}

/** The record text after the changes. Throws (and nothing should be written) if the result is not the expected record. */
export function applyChanges(
  text: string,
  changes: ActionChange[],
  file = 'record',
  today = todayDay(),
  now?: string,
): string {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const before = parseRecordText(text, file);
  if (!before.record)
    throw new CliError(before.diagnostics[0]?.message ?? 'not a record', EXIT.problems, before.diagnostics[0]);
  const expected = expectedValue(before.source!.value as Record<string, unknown>, changes, today);
  if (now) expected.updated = now;
  for (const c of changes) {
    if (c.kind === 'remove') continue;
    const plain =
      c.kind === 'status' && c.status !== 'done' ? replacePlainStatus(text, c.step - 1, c.status) : undefined;
    if (plain !== undefined) {
      text = plain;
      continue;
    }
    const doc = parseRecordDoc(text);
    editDoc(doc, c, today);
    text = doc.toString({ lineWidth: 0 });
  }
  const removals = changes.flatMap((c) => (c.kind === 'remove' ? [c.step - 1] : []));
  if (removals.length) {
    const doc = parseRecordDoc(text);
    removeSteps(doc, removals);
    text = doc.toString({ lineWidth: 0 });
  }
  // Every date in the file ends up quoted, those of steps not edited too: a YAML 1.1 reader (PyYAML,
  // js-yaml) would read a plain 2026-01-05 as a timestamp.
  if (now) {
    const doc = parseRecordDoc(text);
    stampUpdated(doc, now);
    text = doc.toString({ lineWidth: 0 });
  }
  text = quoteAmbiguousInText(text);
  // Never write a broken file: the new text must read back as a valid record, with exactly the changes asked for.
  const after = parseRecordText(text, file);
  if (!after.record || !isDeepStrictEqual(after.source!.value, expected)) {
    const why = after.diagnostics[0]?.message ?? 'the result differs from what was asked';
    throw new CliError(`could not change ${file} safely (${why}); the file was left as it was`, EXIT.problems);
  }
  return text;
}

/** A plain one-word status on a step without a done date: replace just that word, so the rest stays byte for byte. */
function replacePlainStatus(text: string, index: number, status: StepStatus): string | undefined {
  const doc = parseRecordDoc(text);
  if (doc.hasIn(['actionSteps', index, 'done'])) return undefined;
  const node = doc.getIn(['actionSteps', index, 'status'], true);
  if (
    isScalar(node) &&
    node.range &&
    node.type === 'PLAIN' &&
    /^[a-z-]+$/.test(text.slice(node.range[0], node.range[1]))
  ) {
    return text.slice(0, node.range[0]) + status + text.slice(node.range[1]);
  }
  return undefined;
}

export interface SavedChanges {
  text: string;
  record: PracticeRecord;
  /** What was done, in words (and where a change followed its step to a new place). */
  said: string[];
}

/**
 * Read `file` afresh, check and apply the changes, and replace it atomically: the same permission bits,
 * and through a symlink to its target (the link stays a link). Read and write happen under the file's
 * lock, so two runs at once both land their changes, one after the other.
 */
export function saveChanges(
  file: string,
  profile: Profile | undefined,
  changes: ActionChange[],
  today = todayDay(),
  opts: Omit<CheckOptions, 'today'> = {},
): SavedChanges {
  let target: string;
  try {
    target = realpathSync(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${fsErrorText(err)}${didYouMeanRecords(file, err)}`, EXIT.usage);
  }
  let lock: FileLock;
  try {
    lock = acquireLock(target);
  } catch (err) {
    throw new CliError(`cannot write ${file}: ${fsErrorText(err)}`, EXIT.problems);
  }
  try {
    return saveLocked(file, target, profile, changes, { ...opts, today });
  } finally {
    lock.release();
  }
}

function saveLocked(
  file: string,
  target: string,
  profile: Profile | undefined,
  asked: ActionChange[],
  opts: CheckOptions & { today: string },
): SavedChanges {
  const today = opts.today;
  let mode: number;
  let text: string;
  try {
    mode = statSync(target).mode & 0o7777;
    text = readRecordText(target);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${fsErrorText(err)}${didYouMeanRecords(file, err)}`, EXIT.usage);
  }
  const r = parseRecordText(text, file);
  if (!r.record)
    throw new CliError(
      r.diagnostics[0]?.message ?? 'not a record',
      isNotRecord(r) ? EXIT.usage : EXIT.problems,
      r.diagnostics[0],
    );
  const draft = draftProblem(r.record, file);
  if (draft) throw draft;
  const broken = profileProblem(r, profile, file);
  if (broken) throw broken;
  const { changes, said } = resolveSeen(r.record, asked);
  checkChanges(r.record, profile, changes, opts);
  said.push(...describeChanges(r.record, changes, today));
  // The change time, to the second, in UTC: what `updated:` holds (summaries count the latest revision).
  const out = applyChanges(text, changes, file, today, new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
  const record = parseRecordText(out, file).record!;
  try {
    replaceFileAtomic(target, out, { mode });
    // The temp file's mode went through the umask; give the file back exactly the bits it had.
    if ((statSync(target).mode & 0o7777) !== mode) chmodSync(target, mode);
  } catch (err) {
    throw new CliError(`cannot write ${file}: ${fsErrorText(err)}`, EXIT.problems);
  }
  return { text: out, record, said };
}

/**
 * A record that does not match its profile (a misspelled level, an unknown item) is not changed: the same
 * message, at the same file:line:col, as `profile report` and `profile validate` give.
 */
export function profileProblem(
  load: ReturnType<typeof parseRecordText>,
  profile: Profile | undefined,
  file: string,
): CliError | undefined {
  if (!profile || !load.record || !load.source) return undefined;
  const bad = checkRecordAgainstProfile(load.record, profile, load.source).find((d) => d.severity === 'error');
  return bad
    ? new CliError(bad.message, EXIT.problems, bad, `Correct the file (profile validate ${file}), then try again.`)
    : undefined;
}
