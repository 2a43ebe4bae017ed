// The small per-user config file: remembers the last context (group, cycle) to offer it next time.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
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
    const group = c.group && typeof c.group === 'object' ? Object.fromEntries(Object.entries(c.group).map(([k, x]) => [k, String(x)])) : undefined;
    return { group, cycle: typeof c.cycle === 'string' ? c.cycle : undefined };
  } catch {
    return {};
  }
}

/** Remember the context; a respondent name is never stored here. Best effort: failure is not an error. */
export function writeLastContext(ctx: LastContext, env: NodeJS.ProcessEnv = process.env): void {
  const file = configFile(env);
  let doc: Record<string, unknown> = {};
  try {
    doc = (parse(readFileSync(file, 'utf8')) as Record<string, unknown>) ?? {};
  } catch {
    /* no config yet */
  }
  doc.lastContext = { ...(ctx.group ? { group: ctx.group } : {}), ...(ctx.cycle ? { cycle: ctx.cycle } : {}) };
  try {
    replaceFileAtomic(file, stringify(doc));
  } catch {
    /* a read-only home must not stop an assessment */
  }
}
