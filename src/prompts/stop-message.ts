// What Ctrl-C in \`profile assess\` leaves, said plainly: the asker watched for a half-typed answer.
import type { Asker } from './asker.js';

/** The asker, noting whether a text answer was being typed when the session stopped (Ctrl-C). */
export function typingWatch(a: Asker): Asker & { typing: () => boolean; openMessage: () => string } {
  let open = false;
  let message = '';
  return {
    plain: a.plain,
    say: (t) => a.say(t),
    select: (o) => a.select(o),
    checkbox: (o) => a.checkbox(o),
    input: async (o) => {
      open = true;
      message = o.message;
      const got = await a.input(o); // a throw (Ctrl-C) leaves `open` set
      open = false;
      return got;
    },
    close: () => a.close?.(),
    typing: () => open,
    openMessage: () => message,
  };
}

/**
 * What Ctrl-C leaves, said plainly: saved answers are kept, but a text being typed (not yet entered) was
 * not (inquirer does not hand over a half-typed line): a note is asked again on --resume.
 */
export function stopMessage(
  file: string | undefined,
  typing: boolean,
  noteOpen: boolean,
  plain: boolean,
  inAreas = false,
): string {
  if (!file) return '\nStopped before the first answer; nothing was saved.\n';
  // Whether anything was typed at the open prompt is not known (the terminal keeps a half line): said as such.
  const lost =
    typing && noteOpen
      ? `The note was open: anything typed in it was not saved (--resume asks that note again); your answers before it are in ${file}.`
      : typing && inAreas
        ? `Your improvement areas so far (ticked and added) are saved with your other answers in ${file}; only an area typed without Enter was not.`
        : typing
          ? `Your answers so far are in ${file}; only an answer typed without Enter at the last question was not saved.`
          : `Nothing was lost: your answers so far are in ${file}.`;
  return `\nStopped. ${lost}\nTo carry on: profile assess --resume ${file}${plain ? ' --plain' : ''}\n`;
}
