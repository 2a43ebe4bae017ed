// `profile history`: collect one person's records of one profile, build the side-by-side model, print it.
import { Chalk } from 'chalk';
import { collectHistory, crosswalkMapper } from '../history/collect.js';
import { buildHistory } from '../history/model.js';
import { loadRegistry } from '../profile/registry.js';
import { colours } from '../ui/colour.js';
import { historyText } from '../ui/history-view.js';
import { terminalWidth } from '../ui/wrap.js';

export interface HistoryOptions {
  folder: string;
  profile?: string;
  respondent?: string;
  group?: Record<string, string>;
  samePerson?: boolean;
  profiles?: string;
  /** Words alone, no marks or arrows (screen readers); also with TERM=dumb. */
  plain?: boolean;
}

export function runHistory(o: HistoryOptions): void {
  const reg = loadRegistry({ profiles: o.profiles });
  const { target, inputs, skipped } = collectHistory(o.folder, reg, o);
  const m = buildHistory(target, inputs, crosswalkMapper(target, reg));
  const plain = Boolean(o.plain) || process.env.TERM === 'dumb';
  // Plain mode is for screen readers and logs: no colour codes at all.
  process.stdout.write(
    historyText(m, plain ? new Chalk({ level: 0 }) : colours().out, skipped, terminalWidth(), plain),
  );
}
