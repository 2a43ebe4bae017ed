// `profile history`: collect one person's records of one profile, build the side-by-side model, print it.
import { collectHistory, crosswalkMapper } from '../history/collect.js';
import { buildHistory } from '../history/model.js';
import { loadRegistry } from '../profile/registry.js';
import { colours } from '../ui/colour.js';
import { historyText } from '../ui/history-view.js';

export interface HistoryOptions {
  folder: string;
  profile?: string;
  respondent?: string;
  group?: Record<string, string>;
  samePerson?: boolean;
  profiles?: string;
}

export function runHistory(o: HistoryOptions): void {
  const reg = loadRegistry({ profiles: o.profiles });
  const { target, inputs, skipped } = collectHistory(o.folder, reg, o);
  const m = buildHistory(target, inputs, crosswalkMapper(target, reg));
  process.stdout.write(historyText(m, colours().out, skipped));
}
