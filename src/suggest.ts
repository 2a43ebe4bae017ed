// "Did you mean ...?": the nearest known name to a mistyped one, for ids, levels, fields and profiles.
import { distance } from 'fastest-levenshtein';

/** The closest candidate within a typo's reach (about a third of the word), or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) continue;
    const d = distance(w, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  if (best === undefined) return undefined;
  // A prefix or suffix match ("monitoring" for "progress-monitoring") counts too: a rename often shortens.
  const affix = w.length >= 4 && (best.includes(w) || w.includes(best.toLowerCase()));
  return bestD <= Math.max(1, Math.floor(Math.max(w.length, best.length) / 3)) || affix ? best : undefined;
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : ` (did you mean "${c}"?)`;
}
