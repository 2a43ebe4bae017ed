// How "last time" is named beside a question (`--from`): the date and cycle of the record it starts from.
import type { LastTime } from '../assess/flow.js';

/** "2025-09-14, 2025-26 baseline": when the record --from starts from was made. */
export function lastWhen(l: LastTime): string {
  return l.cycle ? `${l.date}, ${l.cycle}` : l.date;
}
