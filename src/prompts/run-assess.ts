// `profile assess` end to end: pick or resume a draft, apply known answers, then ask (or not), save, summarise.
import { Chalk } from 'chalk';
import { resolve } from 'node:path';
import {
  applyKnownAnswers,
  completeWithoutPrompts,
  keepLastRatings,
  parseGroupFlags,
  readAnswersFile,
} from '../assess/answers.js';
import { newDraft, recordDateProblem, today, type Defaults, type Draft, type Question } from '../assess/flow.js';
import { carryOverReport } from '../assess/from.js';
import { carryOverText } from '../ui/carry-over.js';
import { DraftFile, draftStartedFrom, findDrafts, loadDraft, loadRecord } from '../assess/store.js';
import { partialNote, personalSummary } from '../assess/summary.js';
import { terminalWidth, wrap } from '../ui/wrap.js';
import {
  readDraftFrom,
  readLastContext,
  readPendingNote,
  writeDraftFrom,
  writeLastContext,
  writePendingNote,
} from '../config.js';
import { CliError, EXIT } from '../errors.js';
import { safeLine } from '../text-safety.js';
import { ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { findByRef, loadRegistry, resolveProfile, type Registry, type RegistryEntry } from '../profile/registry.js';
import { colours } from '../ui/colour.js';
import { summaryText } from '../ui/assess-view.js';
import type { Asker } from './asker.js';
import { AREAS_OPEN, PRIORITIES_OPEN, runSession, STEP_OPEN } from './session.js';
import { checkFromRecord, fromDefaults, pickDraft, pickProfile } from './assess-start.js';
import { show } from './show-path.js';
import { stopMessage, typingWatch } from './stop-message.js';
import { contextLine, fromLeftOut } from '../ui/assess-notices.js';

export interface AssessOptions {
  profile?: string;
  profiles?: string;
  dir: string;
  resume?: string | boolean;
  from?: string;
  answers?: string;
  group?: string[];
  cycle?: string;
  date?: string;
  respondent?: string;
  yes?: boolean;
  plain?: boolean;
  keepRatings?: boolean;
}

export async function runAssess(o: AssessOptions): Promise<void> {
  if (o.resume && o.from)
    throw new CliError(
      "--resume and --from do not go together: --from starts a new assessment from an earlier record, and a draft started with --from already shows that record's answers when resumed",
      EXIT.usage,
      undefined,
      'To carry on a draft: profile assess --resume [file]. To start a new one: profile assess --from <record>',
    );
  if (o.keepRatings && !o.from)
    throw new CliError(
      '--keep-ratings keeps the ratings of the record given with --from; there is no --from here',
      EXIT.usage,
      undefined,
      'e.g. profile assess --from records/2025-09-14_sbic-2024_3f2b8c1e.yaml --keep-ratings --yes',
    );
  if (o.date !== undefined) {
    const wrong = recordDateProblem(o.date);
    if (wrong)
      throw new CliError(
        `--date ${wrong}`,
        EXIT.usage,
        undefined,
        'e.g. --date 2024-09-14 for a review made on 14 September 2024',
      );
  }
  const reg = loadRegistry({ profiles: o.profiles });
  const interactive = Boolean(process.stdin.isTTY) && !o.yes;
  const plain = Boolean(o.plain) || process.env.TERM === 'dumb';
  // Plain mode is for screen readers and logs: no colour codes at all.
  const ch = plain ? new Chalk({ level: 0 }) : colours().out;
  let asker: Asker | undefined;
  const getAsker = async (): Promise<Asker> => {
    if (asker) return asker;
    if (plain) asker = new (await import('./plain-asker.js')).PlainAsker();
    else asker = await (await import('./inquirer-asker.js')).createInquirerAsker(ch);
    return asker;
  };

  // 1. The draft: resumed from a file, or new (maybe seeded by --from and the remembered context).
  let entry: RegistryEntry;
  let draft: Draft;
  let resumeFile: string | undefined = typeof o.resume === 'string' ? o.resume : undefined;
  if (o.resume === true || (!o.resume && interactive && !o.from && !o.answers)) {
    const drafts = findDrafts(o.dir).filter(
      (x) => !o.profile || x.record.profile.split('@')[0] === o.profile.split('@')[0],
    );
    if (o.resume === true && drafts.length === 0)
      throw new CliError(
        `no draft to resume in ${o.dir}/`,
        EXIT.usage,
        undefined,
        'Start one with: profile assess <profile>',
      );
    if (drafts.length) resumeFile = await pickDraft(drafts, o.resume === true, interactive, getAsker);
  }
  let fromNote: string | undefined;
  let startedFrom: string | undefined;
  if (resumeFile) {
    const rec = loadDraft(resumeFile, (ref) => findByRef(reg, ref)?.profile);
    entry = mustFind(reg, rec.profile);
    draft = { rec };
    // A draft started with --from shows last time's answers again, from the same record.
    // From this computer's settings, else from the draft itself (resumed elsewhere, or other settings).
    const from = readDraftFrom(rec.id) ?? draftStartedFrom(resumeFile);
    startedFrom = from;
    if (from) {
      try {
        draft.defaults = fromDefaults(reg, entry, loadRecord(from));
      } catch {
        fromNote = `This draft started from ${show(from)}, which can no longer be read: last time's answers are not shown.`;
      }
    }
  } else {
    let defaults: Defaults = {};
    let respondent: string | undefined;
    let spec = o.profile;
    if (o.from) {
      const prev = loadRecord(o.from);
      spec ??= prev.profile.split('@')[0];
      entry = resolveProfile(reg, spec);
      checkFromRecord(reg, entry, prev, o.from);
      defaults = fromDefaults(reg, entry, prev);
      // What cannot come along as it was is said before the first question (stderr: stdout may be a pipe).
      const older = findByRef(reg, prev.profile)?.profile;
      const lookup = (ref: string) => findByRef(reg, ref)?.profile;
      const named = (p: Profile | undefined) => (id: string) => {
        const it = p && ratedItems(p).find((i) => i.id === id);
        return it ? `${it.number ? `${it.number}. ` : ''}${it.title}` : id;
      };
      process.stderr.write(
        carryOverText(
          carryOverReport(entry.profile, prev, older, lookup),
          o.from,
          colours().err,
          {
            from: named(older),
            to: named(entry.profile),
          },
          interactive,
        ),
      );
      // The respondent is the coach's own (pseudonymous) id: the new review is the same person's. Said on
      // screen, never copied unseen: the record may be a colleague's.
      respondent = prev.respondent;
      if (respondent && !o.respondent)
        process.stderr.write(
          `${wrap(`Respondent: ${safeLine(respondent)}, from ${show(o.from)}; --respondent to change.`, terminalWidth())}\n\n`,
        );
    } else {
      if (!spec && !interactive)
        throw new CliError(
          'which profile? e.g. `profile assess ohio-process-coaching`',
          EXIT.usage,
          undefined,
          'Run `profile list` to see the profiles.',
        );
      spec ??= await pickProfile(reg, await getAsker());
      entry = resolveProfile(reg, spec);
    }
    // The context remembered from the last session, unless --from gives the context of the record it starts
    // from. Last time's cycle is not this time's: it is shown beside the question, not offered as the answer.
    if (interactive && !o.from) {
      const last = readLastContext(entry.profile.id);
      // The cycle changes every review: Enter must not file this one under last session's cycle.
      defaults = { ...defaults, group: last.group ?? defaults.group, rememberedCycle: last.cycle };
    }
    draft = newDraft(entry.profile, { defaults, respondent });
  }
  const profile = entry.profile;
  const store = new DraftFile(o.dir, resumeFile);
  store.startedFrom = o.from ?? startedFrom;

  // 2. What is already known skips its question (the override pattern).
  const answers: Partial<ReturnType<typeof readAnswersFile>> = o.answers ? readAnswersFile(o.answers) : {};
  const group = parseGroupFlags(o.group);
  const known = {
    ...answers,
    ...(Object.keys(group).length ? { group: { ...(answers.group ?? {}), ...group } } : {}),
    ...(o.cycle ? { cycle: o.cycle } : {}),
    ...(o.date ? { date: o.date } : {}),
    ...(o.respondent ? { respondent: o.respondent } : {}),
  };
  const before = JSON.stringify(draft.rec);
  // --keep-ratings: last time's ratings as given answers (the coach chose them); --answers comes on top.
  if (o.keepRatings) draft = keepLastRatings(profile, draft);
  draft = applyKnownAnswers(profile, draft, known, o.answers ? `--answers ${o.answers}` : 'options');

  // 3. No terminal (or --yes): never ask. Finish with what is known or list what is missing.
  if (!interactive) {
    // --from alone never answers a rating: what nobody rated this time is listed as missing (exit 2).
    draft = completeWithoutPrompts(profile, draft);
    // A context this command did not spell out (last time's, with --from), or none at all, is said: never
    // put in the record unseen (stderr: stdout may be a pipe).
    const spelled = JSON.stringify(draft.rec.group ?? {}) === JSON.stringify(known.group ?? {});
    if (!spelled || (!draft.rec.group && !draft.rec.cycle))
      process.stderr.write(`${wrap(contextLine(draft.rec, o.from ? show(o.from) : undefined), terminalWidth())}\n`);
    if (o.from) process.stderr.write(fromLeftOut(draft, known));
    // Last time's cycle is never this time's: without --cycle the new review has none, and that is said.
    const lastCycle = draft.defaults?.lastTime?.cycle;
    if (o.from && !draft.rec.cycle && lastCycle)
      process.stderr.write(
        `${wrap(`No cycle: this review has no cycle label (last time's was "${safeLine(lastCycle)}"), so summaries by cycle list it apart; give --cycle to set one.`, terminalWidth())}\n`,
      );
    const file = store.save(stamped(draft.rec));
    // The remembered context is the coach's, set at a terminal: a script does not replace it.
    process.stdout.write(summaryText(personalSummary(profile, draft.rec), show(file), ch, plain));
    return;
  }

  const a = typingWatch(await getAsker());
  let announced = Boolean(store.file);
  const save = (rec: typeof draft.rec): string => {
    const file = store.save(stamped(rec));
    if (!announced) {
      a.say(ch.dim(wrap(`(Your answers are saved as you go, in ${show(file)})`, terminalWidth())));
      if (o.from) writeDraftFrom(rec.id, resolve(o.from));
    }
    announced = true;
    return file;
  };
  if (resumeFile)
    a.say(
      `Resuming ${show(resumeFile)} (${profile.title}): ${Object.keys(draft.rec.ratings).length} of ${ratedItems(profile).length} rated so far.`,
    );
  else
    a.say(
      `${ch.bold(wrap(`${profile.title} (${entry.ref})`, terminalWidth()))}\n${wrap('Private and reflective: this is for your own growth, not an evaluation.', terminalWidth())}`,
    );
  if (fromNote) a.say(ch.yellow(wrap(fromNote, terminalWidth())));
  if (draft.rec.date !== today()) a.say(wrap(`This record is dated ${draft.rec.date} (not today).`, terminalWidth()));
  if (profile.status === 'partial' && !resumeFile) a.say(ch.yellow(wrap(partialNote(profile), terminalWidth())));
  if (JSON.stringify(draft.rec) !== before) save(draft.rec);
  let noteOpen = false; // a level saved, its note being asked
  try {
    // A note left open when the last session ended (a crash, a closed terminal) is asked again first.
    const pending = resumeFile ? readPendingNote(draft.rec.id) : undefined;
    const items = ratedItems(profile);
    const at = pending && pending in draft.rec.ratings ? items.findIndex((i) => i.id === pending) : -1;
    const inAreas = pending === AREAS_OPEN && Boolean(draft.rec.improvementAreas);
    const inPriorities = pending === PRIORITIES_OPEN && Boolean(draft.rec.priorities?.length);
    const stepAt = pending?.startsWith(STEP_OPEN) ? Number(pending.slice(STEP_OPEN.length)) : -1;
    const inStep = stepAt >= 0 && Boolean(draft.rec.actionSteps?.[stepAt]);
    // A new assessment always starts at the context, even when --cycle, --group or --answers filled it in
    // (with the remembered or last time's values): what goes into the record is seen and confirmed.
    const start: Question | undefined =
      at >= 0
        ? { kind: 'rating', item: items[at].id, index: at, total: items.length, noteOpen: true }
        : inAreas
          ? { kind: 'areas' }
          : inPriorities
            ? { kind: 'priorities', resumed: true }
            : inStep
              ? {
                  kind: 'step',
                  index: stepAt,
                  optional: stepAt >= profile.process.actionSteps.min,
                  atLink: true,
                }
              : resumeFile
                ? undefined
                : { kind: 'context' };
    if (at >= 0)
      a.say(
        ch.dim(
          wrap(
            'Your last session stopped while you were writing a note: here is that question again.',
            terminalWidth(),
          ),
        ),
      );
    if (inAreas)
      a.say(
        ch.dim(
          wrap(
            'Your last session stopped while you were adding improvement areas: here they are again, with what you had ticked and added.',
            terminalWidth(),
          ),
        ),
      );
    const id = draft.rec.id;
    draft = await runSession({
      profile,
      draft,
      asker: a,
      save,
      ch,
      start,
      pendingNote: (item) => {
        noteOpen = Boolean(item) && item !== AREAS_OPEN && item !== PRIORITIES_OPEN && !item?.startsWith(STEP_OPEN);
        writePendingNote(id, item);
      },
    });
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') {
      (err as Error & { resumeHint?: string }).resumeHint = stopMessage(
        store.file && show(store.file),
        a.typing(),
        noteOpen,
        plain,
        a.typing() && a.openMessage().startsWith('Add an improvement area'),
      );
    }
    throw err;
  } finally {
    a.close?.();
  }
  writeLastContext(profile.id, { group: draft.rec.group, cycle: draft.rec.cycle });
  writeDraftFrom(draft.rec.id, undefined);
  a.say(summaryText(personalSummary(profile, draft.rec), show(store.file!), ch, plain));
}

function mustFind(reg: Registry, ref: string): RegistryEntry {
  const e = findByRef(reg, ref);
  if (!e)
    throw new CliError(
      `profile ${ref} (used by the draft) is not available`,
      EXIT.usage,
      undefined,
      'Run `profile list`, or pass --profiles <folder>.',
    );
  return e;
}

/** The record with `updated:` set to now (UTC, to the second): summaries count the latest revision of a resent record. */
function stamped<T extends object>(rec: T): T & { updated: string } {
  return { ...rec, updated: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
}
