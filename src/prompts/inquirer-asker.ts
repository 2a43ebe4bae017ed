// The interactive terminal: @inquirer/prompts, loaded only when an assessment really asks something.
import type { ChalkInstance } from 'chalk';
import { paint } from '../ui/colour.js';
import { terminalWidth, wrap, wrapLines } from '../ui/wrap.js';
import { BACK, type Asker, type Back, type BackWithTicks, type Choice } from './asker.js';

type Prompts = typeof import('@inquirer/prompts');
const BACK_LABEL = '← Back';

/**
 * Run a list prompt so that "<" goes back, the one Back key of every question (text answers: "<" then
 * Enter). "<" moves the cursor down to "← Back", the list's last choice, and presses Enter there, so the
 * prompt ends like any answer. A checkbox never shows "← Back", as "a" (all) would tick it.
 */
async function withBackKey<T>(count: number, run: () => Promise<T>): Promise<T> {
  let pressed = false;
  const onKey = (ch: string | undefined) => {
    if (ch !== '<' || pressed) return;
    pressed = true;
    // After the prompt has seen "<" (a search letter that matches nothing), so the moves are its own.
    setImmediate(() => {
      for (let i = 0; i < count; i++) process.stdin.emit('keypress', undefined, { name: 'down' });
      process.stdin.emit('keypress', '\r', { name: 'return', sequence: '\r' });
    });
  };
  process.stdin.on('keypress', onKey);
  try {
    return await run();
  } finally {
    process.stdin.off('keypress', onKey);
  }
}

/**
 * Bracketed paste while a text prompt is open: the terminal marks a paste, so the lines after its first
 * Enter (which answers the prompt) can be kept instead of leaking into the next question or being lost.
 */
function watchPaste(): { stop: () => Promise<void>; rest: () => string[] } {
  let pasting = false;
  let afterEnter: string[] | undefined;
  const onKey = (s: string | undefined, k?: { name?: string }) => {
    if (k?.name === 'paste-start') {
      pasting = true;
      afterEnter = undefined;
    } else if (k?.name === 'paste-end') pasting = false;
    else if (pasting && (k?.name === 'return' || k?.name === 'enter')) (afterEnter ??= []).push('');
    else if (pasting && afterEnter && s) afterEnter[afterEnter.length - 1] += s;
  };
  const tty = Boolean(process.stdout.isTTY);
  if (tty) process.stdout.write('\x1b[?2004h');
  process.stdin.on('keypress', onKey);
  return {
    async stop() {
      // The end of a paste may come in the next chunk: wait for it briefly.
      for (let i = 0; pasting && i < 10; i++) await new Promise((r) => setTimeout(r, 10));
      process.stdin.off('keypress', onKey);
      if (tty) process.stdout.write('\x1b[?2004l');
    },
    rest: () => (afterEnter ?? []).filter((l) => l.trim() !== ''),
  };
}

export async function createInquirerAsker(ch: ChalkInstance): Promise<Asker> {
  const p: Prompts = await import('@inquirer/prompts');
  // A long choice (a criterion as a priority) is wrapped by words here; inquirer would cut words at the edge.
  // `indent` is what the prompt puts in front of a choice ("❯ " or "❯◯ ").
  const name = <T>(c: Choice<T>, indent: number) => {
    const label = c.tag ? `${c.label} ${c.tag}` : c.label;
    const text = wrap(c.colour ? `■ ${label}` : label, terminalWidth() - indent - 1, '', '  ');
    return c.colour ? paint(ch, c.colour, text) : text;
  };
  // Rubric text under a choice, wrapped by words here so the terminal never cuts one in half.
  // The answer shown after "✔ message ": wrapped so that its first line fits beside the message.
  const answered = (msg: string, label: string) => {
    const first = terminalWidth() - msg.slice(msg.lastIndexOf('\n') + 1).length - 4;
    const words = label.split(' ');
    let line = '';
    while (words.length && `${line} ${words[0]}`.trim().length <= first) line = `${line} ${words.shift()}`.trim();
    if (!words.length) return label;
    // Not even a word fits beside the message: the whole answer goes on the lines below it.
    return line
      ? `${line}\n${wrap(words.join(' '), terminalWidth(), '  ')}`
      : `\n${wrap(label, terminalWidth(), '  ')}`;
  };
  // A prompt's own line ("? message (hint)"), wrapped by words here: inquirer would break words at the edge.
  // The hint stays dim; it goes on its own line when it does not fit beside the message.
  const message = (text: string, extra?: string): string => {
    const width = terminalWidth() - 3;
    const body = wrap(text, width, '', '  ');
    if (!extra) return body;
    const last = body.slice(body.lastIndexOf('\n') + 1);
    if (last.length + 1 + extra.length <= width) return `${body} ${ch.dim(extra)}`;
    return `${body}\n${ch.dim(wrap(extra, width, '  ', '  '))}`;
  };
  const hint = (h?: string) =>
    h
      ?.split('\n')
      .map((l) => wrap(l, terminalWidth() - 2, '', '  '))
      .join('\n');
  const selectOnce = async <T>(o: {
    message: string;
    choices: Choice<T>[];
    default?: T;
    back?: boolean;
  }): Promise<T | Back> => {
    const choices: { value: T | Back; name: string; short?: string; description?: string }[] = o.choices.map((c) => ({
      value: c.value,
      name: name(c, 2),
      short: answered(message(o.message), c.label),
      description: hint(c.hint),
    }));
    const msg = message(o.message);
    if (!o.back) return p.select<T | Back>({ message: msg, choices, default: o.default, pageSize: 12, loop: false });
    choices.push({ value: BACK, name: ch.dim(`${BACK_LABEL} (or <)`), short: 'going back' });
    // "<" moves to "← Back" and takes it, as Enter there would: the list closes on one answered line
    // ("✔ Where is your practice now? going back"), not left drawn on screen as if still open.
    return withBackKey(choices.length, () =>
      p.select<T | Back>({ message: msg, choices, default: o.default, pageSize: 12, loop: false }),
    );
  };
  return {
    say: (text) => process.stdout.write(wrapLines(text.endsWith('\n') ? text : `${text}\n`)),
    async select<T>(o: {
      message: string;
      choices: Choice<T>[];
      default?: T;
      back?: boolean;
      moved?: (moved: boolean) => void;
    }): Promise<T | Back> {
      // Any key but Enter before the answer (arrows, a number, a letter) counts as moving the cursor.
      let moved = false;
      const onKey = (_c: string | undefined, k?: { name?: string }) => {
        if (k?.name !== 'return' && k?.name !== 'enter') moved = true;
      };
      process.stdin.on('keypress', onKey);
      try {
        const got = await selectOnce(o);
        o.moved?.(moved);
        return got;
      } finally {
        process.stdin.off('keypress', onKey);
      }
    },
    async checkbox<T>(o: {
      message: string;
      choices: Choice<T>[];
      checked?: T[];
      back?: boolean;
    }): Promise<T[] | BackWithTicks<T>> {
      const choices = o.choices.map((c) => ({
        value: c.value,
        name: name(c, 4),
        short: c.label,
        checked: (o.checked ?? []).includes(c.value),
      }));
      // inquirer's "a" toggles: it ticks all, or unticks all when all are ticked. Said as it is.
      const msg = message(
        o.message,
        `(space to tick, a to tick or untick all, Enter when done${o.back ? ', < to go back' : ''})`,
      );
      // "<" ends the list as Enter would (inquirer hands over the ticks), then goes back: ticks made on
      // this screen are kept. Aborting the prompt instead would throw them away.
      let back = false;
      // The answer line says how many were ticked (and, going back, that they are kept, not answered); the
      // ticked ones follow as a list wrapped by words.
      const theme = {
        style: {
          renderSelectedChoices: (sel: unknown[]) =>
            back
              ? `going back (${sel.length ? `${sel.length} ticked, kept` : 'none ticked'})`
              : sel.length
                ? `${sel.length} ticked`
                : 'none ticked',
        },
      };
      const run = () => p.checkbox<T>({ message: msg, choices, pageSize: 14, loop: false, theme });
      const onKey = (c: string | undefined) => {
        if (c !== '<' || back || !o.back) return;
        back = true;
        setImmediate(() => process.stdin.emit('keypress', '\r', { name: 'return', sequence: '\r' }));
      };
      process.stdin.on('keypress', onKey);
      let got: T[];
      try {
        got = await run();
      } finally {
        process.stdin.off('keypress', onKey);
      }
      if (back) return { back: BACK, ticked: got };
      for (const c of o.choices.filter((x) => got.includes(x.value)))
        process.stdout.write(`${wrap(c.label, terminalWidth(), '  • ', '    ')}\n`);
      return got;
    },
    async input(o: {
      message: string;
      default?: string;
      validate?: (s: string) => string | true;
      back?: boolean;
    }): Promise<string | Back> {
      const paste = watchPaste();
      let got: string;
      try {
        const msg = message(o.message, o.back ? '(< to go back)' : undefined);
        got = await p.input({
          message: msg,
          default: o.default,
          // The answer beside the message once given: wrapped by words too (a long step or note).
          // The default shown beside the message (a note kept from last time) is wrapped the same way.
          theme: {
            style: {
              // "<" is going back, not an answer: said so, not shown as if "<" were saved.
              answer: (v: string) => (o.back && v.trim() === '<' ? ch.dim('going back') : ch.cyan(answered(msg, v))),
              defaultAnswer: (v: string) => ch.dim(answered(msg, `(${v})`)),
            },
          },
          validate: (s) => ((o.back && s.trim() === '<') || !o.validate ? true : o.validate(s.trim())),
        });
      } finally {
        await paste.stop();
      }
      if (o.back && got.trim() === '<') return BACK;
      // A pasted text of several lines: the first Enter answered the prompt; the rest is kept, not dropped.
      const rest = paste.rest();
      if (rest.length === 0) return got.trim();
      const all = [got, ...rest]
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' ');
      const ok = o.validate ? o.validate(all) : true;
      if (ok !== true) {
        process.stdout.write(
          `${ch.yellow(wrap(`Only the first line of the pasted text was kept (${ok})`, terminalWidth()))}\n`,
        );
        return got.trim();
      }
      process.stdout.write(
        `${ch.dim(
          wrap(
            `(The pasted text had ${rest.length + 1} lines: all are kept, joined into one: "${all}")`,
            terminalWidth(),
          ),
        )}\n`,
      );
      return all;
    },
  };
}
