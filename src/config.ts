// The small per-user config file: remembers the last context (group, cycle) per profile to offer it next
// time, and what an open draft needs to carry on (a note left open, the record --from started it from).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Document, isMap, parse, parseDocument } from 'yaml';
import { replaceFileAtomic } from './atomic-write.js';

export interface LastContext {
  group?: Record<string, string>;
  cycle?: string;
}

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(base, 'practice-profile', 'config.yaml');
}

/** The whole config file as plain data, or undefined (missing, unreadable: never fatal). */
function readConfig(env: NodeJS.ProcessEnv): Record<string, unknown> | undefined {
  try {
    const v = parse(readFileSync(configFile(env), 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The context remembered for this profile, or {}. Per profile: a coach who reviews two profiles (or a
 * profile used in two programmes) is not offered one's district for the other. The context an older
 * version kept for all profiles at once (`lastContext:`) is not offered: nobody knows which profile it was.
 */
export function readLastContext(profileId: string, env: NodeJS.ProcessEnv = process.env): LastContext {
  const all = readConfig(env)?.contexts as Record<string, LastContext | undefined> | undefined;
  const c = all && typeof all === 'object' ? all[profileId] : undefined;
  if (!c || typeof c !== 'object') return {};
  const group =
    c.group && typeof c.group === 'object'
      ? Object.fromEntries(
          Object.entries(c.group)
            .filter(([, x]) => typeof x === 'string' || typeof x === 'number')
            .map(([k, x]) => [k, String(x)]),
        )
      : undefined;
  return { group, cycle: typeof c.cycle === 'string' ? c.cycle : undefined };
}

/** The config file as a yaml Document (comments kept), or undefined when missing or not a mapping. */
function configDoc(file: string): ReturnType<typeof parseDocument> | undefined {
  try {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    return doc.errors.length === 0 && isMap(doc.contents) ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** Remember the context for this profile; a respondent name is never stored here. Best effort: failure is
 * not an error. Other settings and comments in the file are kept. */
export function writeLastContext(profileId: string, ctx: LastContext, env: NodeJS.ProcessEnv = process.env): void {
  try {
    const file = configFile(env);
    const doc = configDoc(file) ?? new Document({});
    doc.setIn(['contexts', profileId], {
      ...(ctx.group ? { group: ctx.group } : {}),
      ...(ctx.cycle ? { cycle: ctx.cycle } : {}),
    });
    if (doc.has('lastContext')) doc.delete('lastContext'); // the old one-for-all-profiles context
    replaceFileAtomic(file, doc.toString());
  } catch {
    /* a read-only home or a broken config file must not stop an assessment */
  }
}

/**
 * The record a draft was started from with `--from` (its path), so `--resume` shows last time's answers
 * again. Kept here, like the pending note, not in the record: record format 1 has no field for it.
 */
export function readDraftFrom(id: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const all = readConfig(env)?.draftFrom as Record<string, unknown> | undefined;
  const v = all && typeof all === 'object' ? all[id] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Set (or with no file, clear) the record a draft started from. Best effort, like writeLastContext. */
export function writeDraftFrom(id: string, from: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  try {
    const file = configFile(env);
    const old = configDoc(file);
    if (!old && !from) return;
    const doc = old ?? new Document({});
    if (from) doc.setIn(['draftFrom', id], from);
    else if (doc.hasIn(['draftFrom', id])) {
      doc.deleteIn(['draftFrom', id]);
      const rest = doc.get('draftFrom');
      if (isMap(rest) && rest.items.length === 0) doc.delete('draftFrom');
    } else return;
    replaceFileAtomic(file, doc.toString());
  } catch {
    /* never fatal */
  }
}

/**
 * A rating saved before its note was answered (the note prompt was open when the session ended): per draft
 * id, the item, so `--resume` asks that note again. One entry per draft: two drafts stopped in a note each
 * keep theirs. Kept beside the context, never in the record itself. The single `pendingNote: {id, item}`
 * an older version wrote is still read.
 */
export function readPendingNote(id: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const c = readConfig(env);
  const all = c?.pendingNotes as Record<string, unknown> | undefined;
  const v = all && typeof all === 'object' ? all[id] : undefined;
  if (typeof v === 'string') return v;
  const old = c?.pendingNote as { id?: unknown; item?: unknown } | undefined;
  return old?.id === id && typeof old.item === 'string' ? old.item : undefined;
}

/** Set (or with no item, clear) the pending note of one draft. Best effort, like writeLastContext. */
export function writePendingNote(id: string, item: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  try {
    const file = configFile(env);
    const old = configDoc(file);
    if (!old && !item) return; // nothing to clear
    const doc = old ?? new Document({});
    let changed = false;
    if (doc.getIn(['pendingNote', 'id']) === id) {
      doc.delete('pendingNote');
      changed = true;
    }
    if (item) {
      doc.setIn(['pendingNotes', id], item);
      changed = true;
    } else if (doc.hasIn(['pendingNotes', id])) {
      doc.deleteIn(['pendingNotes', id]);
      const rest = doc.get('pendingNotes');
      if (isMap(rest) && rest.items.length === 0) doc.delete('pendingNotes');
      changed = true;
    }
    if (changed) replaceFileAtomic(file, doc.toString());
  } catch {
    /* never fatal */
  }
}
