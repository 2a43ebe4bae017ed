// The interactive terminal: @inquirer/prompts, loaded only when an assessment really asks something.
import type { ChalkInstance } from 'chalk';
import { paint } from '../ui/colour.js';
import { terminalWidth, wrap } from '../ui/wrap.js';
import { BACK, type Asker, type Back, type Choice } from './asker.js';

type Prompts = typeof import('@inquirer/prompts');
const BACK_LABEL = '← Back';

/**
 * Run a list prompt so that "<" goes back, the one Back key of every question (text answers: "<" then
 * Enter). A list can also show "← Back"; a checkbox never does, as "a" (all) would tick it.
 */
async function withBackKey<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T | Back> {
  const ac = new AbortController();
  const onKey = (ch: string | undefined) => {
    if (ch === '<') ac.abort();
  };
  process.stdin.on('keypress', onKey);
  try {
    return await run(ac.signal);
  } catch (err) {
    if (ac.signal.aborted && (err as Error)?.name === 'AbortPromptError') return BACK;
    throw err;
  } finally {
    process.stdin.off('keypress', onKey);
  }
}

export async function createInquirerAsker(ch: ChalkInstance): Promise<Asker> {
  const p: Prompts = await import('@inquirer/prompts');
  const name = <T>(c: Choice<T>) => (c.colour ? paint(ch, c.colour, `■ ${c.label}`) : c.label);
  // Rubric text under a choice, wrapped by words here so the terminal never cuts one in half.
  const hint = (h?: string) => h && h.split('\n').map((l) => wrap(l, terminalWidth() - 2, '', '  ')).join('\n');
  return {
    say: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    async select<T>(o: { message: string; choices: Choice<T>[]; default?: T; back?: boolean }): Promise<T | Back> {
      const choices: { value: T | Back; name: string; description?: string }[] = o.choices.map((c) => ({ value: c.value, name: name(c), description: hint(c.hint) }));
      if (!o.back) return p.select<T | Back>({ message: o.message, choices, default: o.default, pageSize: 12, loop: false });
      choices.push({ value: BACK, name: ch.dim(`${BACK_LABEL} (or <)`) });
      return withBackKey((signal) => p.select<T | Back>({ message: o.message, choices, default: o.default, pageSize: 12, loop: false }, { signal }));
    },
    async checkbox<T>(o: { message: string; choices: Choice<T>[]; checked?: T[]; back?: boolean }): Promise<T[] | Back> {
      const choices = o.choices.map((c) => ({ value: c.value, name: name(c), checked: (o.checked ?? []).includes(c.value) }));
      const message = `${o.message} ${ch.dim(`(space to tick, Enter when done${o.back ? ', < to go back' : ''})`)}`;
      if (!o.back) return p.checkbox<T>({ message, choices, pageSize: 14, loop: false });
      return withBackKey((signal) => p.checkbox<T>({ message, choices, pageSize: 14, loop: false }, { signal }));
    },
    async input(o: { message: string; default?: string; validate?: (s: string) => string | true; back?: boolean }): Promise<string | Back> {
      const got = await p.input({
        message: o.back ? `${o.message} ${ch.dim('(< to go back)')}` : o.message,
        default: o.default,
        validate: (s) => (o.back && s.trim() === '<') || !o.validate ? true : o.validate(s.trim()),
      });
      return o.back && got.trim() === '<' ? BACK : got.trim();
    },
  };
}
