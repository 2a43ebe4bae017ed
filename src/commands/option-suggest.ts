// "--dn 1": commander's own "did you mean" goes by edit distance alone, so it offers --on (one letter away)
// where the coach meant --done. An option whose name holds the typed letters in order, from the same first
// letter (d…n: done), is what a shortened or half-typed option most often is: it is offered first.
import type { Command } from 'commander';
import { distance } from 'fastest-levenshtein';

/** Are the letters of `typed` in `name`, in that order (gaps allowed)? */
function inOrder(typed: string, name: string): boolean {
  let i = 0;
  for (const ch of name) if (ch === typed[i]) i++;
  return i === typed.length;
}

/**
 * The options (long names, with "--") to offer for an unknown `--flag`: those that start with its first letter
 * and hold all its letters in order, the nearest of them by edit distance; none (undefined) when no option
 * does, and commander's own suggestion stands.
 */
export function optionsInOrder(flag: string, longs: string[]): string[] | undefined {
  const typed = flag.replace(/^--/, '').toLowerCase();
  if (typed.length < 2) return undefined;
  const fits = [...new Set(longs)]
    .map((l) => l.replace(/^--/, ''))
    .filter((n) => n !== typed && n.startsWith(typed[0]) && inOrder(typed, n.toLowerCase()))
    // Two typed letters of a long name ("re" in respondent) say too little.
    .filter((n) => typed.length / n.length >= 0.4);
  if (!fits.length) return undefined;
  const d = (n: string) => distance(typed, n.toLowerCase());
  const best = Math.min(...fits.map(d));
  return fits
    .filter((n) => d(n) === best)
    .sort()
    .map((n) => `--${n}`);
}

/** The long options a command takes, its parents' (the global options) too. */
function longOptions(cmd: Command): string[] {
  const out: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent)
    for (const o of c.createHelp().visibleOptions(c)) if (o.long) out.push(o.long);
  return out;
}

/** Commander's "error: unknown option '--dn'" with the suggestion above in place of its own, when there is one. */
export function withOptionSuggestions(cmd: Command): Command {
  return cmd.configureOutput({
    outputError: (str, write) => {
      const m = /^error: unknown option '(--[^'\s]+)'(?:\n\(Did you mean [^\n]*\?\))?\n$/.exec(str);
      const better = m ? optionsInOrder(m[1].split('=')[0], longOptions(cmd)) : undefined;
      if (!m || !better) return write(str);
      const which = better.length === 1 ? better[0] : `one of ${better.join(', ')}`;
      write(`error: unknown option '${m[1]}'\n(Did you mean ${which}?)\n`);
    },
  });
}
