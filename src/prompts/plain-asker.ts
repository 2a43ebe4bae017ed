// --plain / TERM=dumb: numbered questions read one line at a time, nothing redrawn (screen readers, logs).
import { terminalWidth, wrap, wrapLines } from '../ui/wrap.js';
import { createInterface, type Interface } from 'node:readline';
import { BACK, StoppedError, type Asker, type Back, type BackWithTicks, type Choice } from './asker.js';

export class PlainAsker implements Asker {
  readonly plain = true;
  private rl: Interface;
  private lines: string[] = [];
  private waiting?: { resolve: (s: string) => void; reject: (e: Error) => void };
  private closed = false;
  private inputIsTTY: boolean;

  constructor(
    input: NodeJS.ReadableStream = process.stdin,
    private out: NodeJS.WritableStream = process.stdout,
  ) {
    this.inputIsTTY = Boolean((input as NodeJS.ReadStream).isTTY);
    this.rl = createInterface({ input, terminal: false });
    this.rl.on('line', (l) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w.resolve(l);
      } else this.lines.push(l);
    });
    this.rl.on('close', () => {
      this.closed = true;
      this.waiting?.reject(new StoppedError('input closed'));
    });
    // Not in raw mode, so Ctrl-C arrives as a signal: turn it into the same "stopped, draft kept" ending.
    process.on('SIGINT', this.onSigint);
  }

  private onSigint = (): void => {
    if (this.waiting) this.waiting.reject(new StoppedError('interrupted'));
    else process.exit(130);
  };

  private write(s: string): void {
    this.out.write(s);
  }

  /** A message under the question, indented and wrapped by words. */
  private line(text: string): void {
    this.write(`${wrap(text, terminalWidth(), '   ', '   ')}\n`);
  }

  private readLine(prompt: string): Promise<string> {
    this.write(prompt);
    const l = this.lines.shift();
    if (l !== undefined) return Promise.resolve(l);
    if (this.closed) return Promise.reject(new StoppedError('input closed'));
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  say(text: string): void {
    this.write(wrapLines(text.endsWith('\n') ? text : `${text}\n`));
  }

  async select<T>(o: {
    message: string;
    choices: Choice<T>[];
    default?: T;
    defaultTag?: string;
    back?: boolean;
    said?: (c: Choice<T>) => string | undefined;
  }): Promise<T | Back> {
    const got = await this.ask(o);
    // Nothing is redrawn in plain mode, so the choice is said back (Enter's default too): a screen reader
    // hears what was taken.
    const c = got !== BACK ? o.choices.find((x) => x.value === got) : undefined;
    const line = c ? (o.said ? o.said(c) : `Chosen: ${c.label}`) : undefined;
    if (line) this.line(line);
    return got;
  }

  private async ask<T>(o: {
    message: string;
    choices: Choice<T>[];
    default?: T;
    defaultTag?: string;
    back?: boolean;
  }): Promise<T | Back> {
    this.write(`\n${wrap(`? ${o.message}`, terminalWidth(), '', '  ')}\n`);
    o.choices.forEach((c, i) => {
      // The default marked once: "(your answer)" is already in the tag of this session's own answer.
      const mark = c.value === o.default && !(o.defaultTag && c.tag?.includes(o.defaultTag)) ? ' (default)' : '';
      this.write(choiceLine(i, `${c.label}${c.tag ? ` ${c.tag}` : ''}${mark}`));
      // Wrapped here, not by the terminal: a screen reader or a log should never get half a word.
      if (c.hint)
        this.write(
          c.hint
            .split('\n')
            .map((l) => `${wrap(l, terminalWidth(), '        ', '          ')}\n`)
            .join(''),
        );
    });
    const def = o.choices.findIndex((c) => c.value === o.default);
    // One choice: "type 1", not "a number from 1 to 1" (its name still takes it).
    const single = o.choices.length === 1;
    const help = options([
      single ? 'type 1' : `a number from 1 to ${o.choices.length} or the start of a name`,
      def >= 0 ? `Enter for ${def + 1}` : '',
      o.back ? '< to go back' : '',
    ]);
    for (;;) {
      const a = (await this.readLine(answerPrompt(help))).trim();
      if (o.back && isBack(a)) return BACK;
      if (a === '' && def >= 0) return o.choices[def].value;
      const k = Number(a);
      if (Number.isInteger(k) && k >= 1 && k <= o.choices.length) return o.choices[k - 1].value;
      // A level (or any choice) by name: "green", "close to": the one choice whose label starts so.
      // An item's own number ("6. Powerful questioning") is not needed: "powerful" names it too.
      const typed = a.toLowerCase();
      const names = (c: Choice<T>) => [c.label, c.label.replace(/^\d+\.\s+/, '')].map((l) => l.toLowerCase());
      let named = a ? o.choices.filter((c) => names(c).some((l) => l.startsWith(typed))) : [];
      // Else whole words of a label: "done" is Mark done, when one choice has them; when several do, the one
      // whose label ends with them ("progress": Mark in progress, not Add a progress note).
      if (named.length !== 1 && !/^\d+$/.test(a)) {
        let byWords = o.choices.filter((c) => hasWords(c.label, a) !== undefined);
        const last = byWords.filter((c) => hasWords(c.label, a) === 'last');
        if (byWords.length > 1 && last.length === 1) byWords = last;
        if (byWords.length === 1 || (byWords.length > 1 && named.length === 0)) named = byWords;
      }
      if (named.length === 1) {
        const c = named[0];
        // A way out (Finish, Save and finish) is never taken from the start of a word: "fin" or "s" typed
        // for something else would end the session. Its number, its whole first word or its label take it.
        const whole = names(c).some((l) => l === typed || l.split(/\s+/)[0] === typed);
        if (!endsSession(c) || whole) return c.value;
        this.line(
          `"${a}" could be ${c.label}, which ends the session: type ${names(c)[1].split(/\s+/)[0]} in full, or ${o.choices.indexOf(c) + 1}.`,
        );
      } else if (named.length > 1)
        this.line(`"${a}" could be ${named.map((c) => c.label).join(' or ')}; type more of the name or a number.`);
      // A number past the end (7 at a 4-choice menu): which number is wrong comes first, then what would do.
      else if (/^-?\d+$/.test(a)) this.line(`${notOnList([a])}; please ${single ? '' : 'type '}${help}.`);
      else this.line(`Please ${single ? '' : 'type '}${help}.`);
    }
  }

  async checkbox<T>(o: {
    message: string;
    choices: Choice<T>[];
    checked?: T[];
    back?: boolean;
  }): Promise<T[] | BackWithTicks<T>> {
    this.write(`\n${wrap(`? ${o.message}`, terminalWidth(), '', '  ')}\n`);
    const checked = o.choices.map((c, i) => ((o.checked ?? []).includes(c.value) ? i + 1 : 0)).filter(Boolean);
    o.choices.forEach((c, i) =>
      this.write(choiceLine(i, `${c.label}${c.tag ? ` ${c.tag}` : ''}${checked.includes(i + 1) ? ' (ticked)' : ''}`)),
    );
    const help = options([
      'numbers separated by commas',
      'a for all',
      '0 for none',
      checked.length ? `Enter to keep ${checked.join(',')}` : 'Enter for none',
      o.back ? '< to go back' : '',
    ]);
    for (;;) {
      const a = (await this.readLine(answerPrompt(help))).trim();
      const kept = o.choices.filter((_, i) => checked.includes(i + 1)).map((c) => c.value);
      if (o.back && isBack(a)) return { back: BACK, ticked: kept };
      // Nothing is redrawn, so what was ticked is said back (Enter too), as a rating is ("Rated: ...").
      const said = (ks: number[]): T[] => {
        this.line(
          ks.length
            ? `Ticked ${ks.length}: ${ks.map((k) => `${k}. ${o.choices[k - 1].label}`).join('; ')}.`
            : 'None ticked.',
        );
        return ks.map((k) => o.choices[k - 1].value);
      };
      if (a === '') return said(checked);
      if (a === '0') return said([]);
      if (a.toLowerCase() === 'a' || a.toLowerCase() === 'all') {
        this.line(`All ${o.choices.length} ticked.`);
        return o.choices.map((c) => c.value);
      }
      const parts = a.split(/[\s,]+/).filter(Boolean);
      const ks = parts.map(Number);
      if (ks.length && ks.every((k) => Number.isInteger(k) && k >= 1 && k <= o.choices.length)) {
        return said([...new Set(ks)].sort((x, y) => x - y));
      }
      // Numbers only, some past the end ("2,5" at a 2-item list): say which are not on it, then what would do.
      const off = parts.filter((p, i) => /^-?\d+$/.test(p) && !(ks[i] >= 1 && ks[i] <= o.choices.length));
      if (off.length && parts.every((p) => /^-?\d+$/.test(p)))
        this.line(`${notOnList([...new Set(off)])}; please type ${help}.`);
      else this.line(`Please type ${help}.`);
    }
  }

  async input(o: {
    message: string;
    default?: string;
    validate?: (s: string) => string | true;
    back?: boolean;
  }): Promise<string | Back> {
    const def = o.default ? ` [${o.default}]` : '';
    for (;;) {
      const raw = await this.readPasted(
        `\n${wrap(`? ${o.message}${def}${o.back ? ' (< to go back)' : ''}`, terminalWidth(), '', '  ')}\n   > `,
      );
      if (o.back && raw.trim() === '<') return BACK;
      const byEnter = raw.trim() === '' && o.default !== undefined;
      const a = byEnter ? (o.default ?? '') : raw.trim();
      const ok = o.validate ? o.validate(a) : true;
      // A default taken by Enter is said back, as a choice is: nothing typed, so nothing else says it.
      if (ok === true && byEnter && a) this.line(`Kept: ${a}`);
      if (ok === true) return a;
      this.line(ok);
    }
  }

  /**
   * One answer line. On a terminal, lines that arrive right after it (faster than anyone types a line and
   * presses Enter: a paste of several lines) belong to it: they are joined and the coach is told, so none goes
   * on to the next question. Piped input (a script, a test) is read line by line as always.
   */
  private async readPasted(prompt: string): Promise<string> {
    const line = await this.readLine(prompt);
    if (!this.inputIsTTY) return line;
    // A terminal in line mode hands over a pasted text one line per read, all within a few milliseconds.
    await new Promise((r) => setTimeout(r, PASTE_WINDOW_MS));
    if (this.lines.length === 0) return line;
    const kept = [line, ...this.lines.splice(0)].map((l) => l.trim()).filter(Boolean);
    if (kept.length > 1)
      this.write(
        `${wrap(`The pasted text had ${kept.length} lines: all are kept, joined into one.`, terminalWidth(), '   ', '   ')}\n`,
      );
    return kept.join(' ');
  }

  close(): void {
    process.off('SIGINT', this.onSigint);
    this.rl.close();
  }
}

const PASTE_WINDOW_MS = 40;

/** "   3) label", wrapped by words under the label's first letter. */
function choiceLine(i: number, text: string): string {
  const first = `   ${i + 1}) `;
  return `${wrap(text, terminalWidth(), first, ' '.repeat(first.length))}\n`;
}

/** "   Answer (...): ", wrapped by words so a screen reader or a narrow terminal never gets half a word. */
function answerPrompt(help: string): string {
  return `${wrap(`Answer (${help}):`, terminalWidth(), '   ', '   ')} `;
}

/** The values the CLI gives its ways out, for a choice that does not say (`ends`) whether it is one. */
const ENDING_VALUES = new Set(['save', 'quit', 'finish', 'exit']);

/** A choice that ends or saves the session: taken only by its number or a whole word. */
function endsSession<T>(c: Choice<T>): boolean {
  return c.ends ?? ENDING_VALUES.has(String(c.value));
}

/** The words of a text, lower case, without punctuation. */
function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Are the words typed whole words of the label, one after the other ("done" in "Mark done", "in progress")?
 * 'last' when they end it. What a label says in brackets ("(now, since 2025-11-18)", a step's "(done)") is left
 * out: it describes the choice, it is not its name.
 */
function hasWords(label: string, typed: string): 'last' | 'inside' | undefined {
  const want = words(typed);
  const have = words(label.replace(/\([^()]*\)/g, ' '));
  if (!want.length) return undefined;
  let found: 'last' | 'inside' | undefined;
  for (let i = 0; i + want.length <= have.length; i++)
    if (want.every((w, k) => have[i + k] === w)) found = i + want.length === have.length ? 'last' : 'inside';
  return found;
}

/** "7 is not on the list", "5 and 7 are not on the list". */
function notOnList(ns: string[]): string {
  const list = ns.length > 1 ? `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}` : ns[0];
  return `${list} ${ns.length > 1 ? 'are' : 'is'} not on the list`;
}

/** "<" is the one Back key, in lists as in text answers. */
function isBack(a: string): boolean {
  return a === '<';
}

/** "a, b, or c" from the non-empty parts. */
function options(parts: string[]): string {
  const p = parts.filter(Boolean);
  return p.length > 1 ? `${p.slice(0, -1).join(', ')}, or ${p[p.length - 1]}` : p.join('');
}
