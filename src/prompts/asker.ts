// The few questions the CLI asks, as an interface: inquirer on a terminal, numbered lines in --plain, scripts in tests.

/** Returned by any question when the coach chooses "← Back". */
export const BACK: unique symbol = Symbol('back');
export type Back = typeof BACK;

export interface Choice<T> {
  value: T;
  /** Always carries the meaning in words; colour (if any) only adds to it. */
  label: string;
  /** Shown after the label in the list ("(last time)"), not in the answer line once chosen. */
  tag?: string;
  colour?: string;
  /** Longer text (a rubric cell), shown for the highlighted choice, or under it in plain mode. */
  hint?: string;
  /**
   * The choice ends or saves the session (Finish, Save and finish): --plain takes it only by its number, its
   * whole first word or its whole label, never from the start of a word ("fin"). Unset, a choice whose value is
   * save, quit, finish or exit counts as one.
   */
  ends?: boolean;
}

/** A tick list left with Back: the ticks made on that screen, so they are kept, not thrown away. */
export interface BackWithTicks<T> {
  back: Back;
  ticked: T[];
}

export function isBackWithTicks<T>(x: T[] | BackWithTicks<T>): x is BackWithTicks<T> {
  return !Array.isArray(x);
}

export interface Asker {
  /** `said` (plain mode): the line that confirms the choice, e.g. "Rated: Yellow", for a screen reader. */
  select<T>(o: {
    message: string;
    choices: Choice<T>[];
    default?: T;
    /** --plain: how the default is marked in the list, "(default)" unless said ("(your answer)"). */
    defaultTag?: string;
    back?: boolean;
    /** undefined: nothing to say (the question itself says why the choice is refused). */
    said?: (c: Choice<T>) => string | undefined;
    /**
     * Told, once answered, whether the choice was moved to (arrow keys, typing) or taken where the cursor
     * started (Enter alone). --plain always types its answer: moved.
     */
    moved?: (moved: boolean) => void;
  }): Promise<T | Back>;
  checkbox<T>(o: {
    message: string;
    choices: Choice<T>[];
    checked?: T[];
    back?: boolean;
  }): Promise<T[] | BackWithTicks<T>>;
  /** `validate` returns an error message or true. With `back`, typing "<" goes back. */
  input(o: {
    message: string;
    default?: string;
    validate?: (s: string) => string | true;
    back?: boolean;
  }): Promise<string | Back>;
  /** True for --plain (screen readers, logs): no tables or marks, nothing picked by Enter unless asked. */
  plain?: boolean;
  /** Plain text for the coach (a criterion card, a table). */
  say(text: string): void;
  close?(): void;
}

/** The error the top level turns into "Stopped ... exit 130" (the name inquirer uses for Ctrl-C). */
export class StoppedError extends Error {
  override name = 'ExitPromptError';
  resumeHint?: string;
}
