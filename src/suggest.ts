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
  const b = best.toLowerCase();
  const affix = w.length >= 4 && b.length >= 4 && (b.includes(w) || w.includes(b));
  // Judge the typo on what differs after a shared prefix ("communication."): otherwise every id of one
  // section looks close to every other.
  const [rw, rb] = [stripShared(w, b), stripShared(b, w)];
  const len = Math.max(rw.length, rb.length);
  return bestD <= Math.max(len >= 4 ? 2 : 1, Math.floor(len / 3)) || affix ? best : undefined;
}

function stripShared(a: string, b: string): string {
  let i = 0;
  let cut = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    if (a[i] === '.' || a[i] === '-') cut = i + 1;
    i++;
  }
  return a.slice(cut);
}

/** ` (did you mean "x"?)` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : ` (did you mean "${c}"?)`;
}
