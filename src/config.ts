// The small per-user config file: remembers the last context (group, cycle) to offer it next time.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isMap, parse, parseDocument } from 'yaml';
import { replaceFileAtomic } from './atomic-write.js';

export interface LastContext {
  group?: Record<string, string>;
  cycle?: string;
}

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(base, 'practice-profile', 'config.yaml');
}

/** The remembered context, or {} if there is none or the file is unreadable (never fatal). */
export function readLastContext(env: NodeJS.ProcessEnv = process.env): LastContext {
  try {
    const v = parse(readFileSync(configFile(env), 'utf8')) as { lastContext?: LastContext } | null;
    const c = v?.lastContext ?? {};
    const group =
      c.group && typeof c.group === 'object'
        ? Object.fromEntries(
            Object.entries(c.group)
              .filter(([, x]) => typeof x === 'string' || typeof x === 'number')
              .map(([k, x]) => [k, String(x)]),
          )
        : undefined;
    return { group, cycle: typeof c.cycle === 'string' ? c.cycle : undefined };
  } catch {
    return {};
  }
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

/** Remember the context; a respondent name is never stored here. Best effort: failure is not an error.
 * Other settings and comments in the file are kept. */
export function writeLastContext(ctx: LastContext, env: NodeJS.ProcessEnv = process.env): void {
  try {
    const file = configFile(env);
    const doc = configDoc(file) ?? parseDocument('{}');
    doc.set('lastContext', { ...(ctx.group ? { group: ctx.group } : {}), ...(ctx.cycle ? { cycle: ctx.cycle } : {}) });
    replaceFileAtomic(file, doc.toString());
  } catch {
    /* a read-only home or a broken config file must not stop an assessment */
  }
}

/**
 * A rating saved before its note was answered (the note prompt was open when the session ended): the draft
 * id and item, so `--resume` asks that note again. Kept beside the context, never in the record itself.
 */
export function readPendingNote(id: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    const v = parse(readFileSync(configFile(env), 'utf8')) as { pendingNote?: { id?: unknown; item?: unknown } } | null;
    return v?.pendingNote?.id === id && typeof v.pendingNote.item === 'string' ? v.pendingNote.item : undefined;
  } catch {
    return undefined;
  }
}

/** Set (or with no item, clear) the pending note. Best effort, like writeLastContext. */
export function writePendingNote(id: string, item: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  try {
    const file = configFile(env);
    const old = configDoc(file);
    if (!old && !item) return; // nothing to clear
    const doc = old ?? parseDocument('{}');
    if (item) doc.set('pendingNote', { id, item });
    else if (doc.has('pendingNote')) doc.delete('pendingNote');
    else return;
    replaceFileAtomic(file, doc.toString());
  } catch {
    /* never fatal */
  }
}
