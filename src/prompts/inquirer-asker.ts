// The interactive terminal: @inquirer/prompts, loaded only when an assessment really asks something.
import type { ChalkInstance } from 'chalk';
import { paint } from '../ui/colour.js';
import { BACK, type Asker, type Back, type Choice } from './asker.js';

type Prompts = typeof import('@inquirer/prompts');
const BACK_LABEL = '← Back';

export async function createInquirerAsker(ch: ChalkInstance): Promise<Asker> {
  const p: Prompts = await import('@inquirer/prompts');
  const name = <T>(c: Choice<T>) => (c.colour ? paint(ch, c.colour, `■ ${c.label}`) : c.label);
  return {
    say: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    async select<T>(o: { message: string; choices: Choice<T>[]; default?: T; back?: boolean }): Promise<T | Back> {
      const choices: { value: T | Back; name: string; description?: string }[] = o.choices.map((c) => ({ value: c.value, name: name(c), description: c.hint }));
      if (o.back) choices.push({ value: BACK, name: ch.dim(BACK_LABEL) });
      return p.select<T | Back>({ message: o.message, choices, default: o.default, pageSize: 12, loop: false });
    },
    async checkbox<T>(o: { message: string; choices: Choice<T>[]; checked?: T[]; back?: boolean }): Promise<T[] | Back> {
      const choices: { value: T | Back; name: string; checked?: boolean }[] = o.choices.map((c) => ({ value: c.value, name: name(c), checked: (o.checked ?? []).includes(c.value) }));
      if (o.back) choices.push({ value: BACK, name: ch.dim(`${BACK_LABEL} (tick this alone to go to the previous question)`) });
      const got = await p.checkbox<T | Back>({ message: o.message, choices, pageSize: 14, loop: false });
      return got.includes(BACK) ? BACK : (got as T[]);
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
