// One action step: its text, the priority it addresses, its due date; last time's unfinished step offered.
import { dueDateProblem, type Answer, type Draft, type Question } from '../assess/flow.js';
import { profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { itemLabel, plainItemLabel } from '../ui/assess-view.js';
import { terminalWidth, wrap } from '../ui/wrap.js';
import { BACK, type Asker, type Back } from './asker.js';
import type { BackKeeping } from './ask-question.js';

export async function askStep(
  asker: Asker,
  profile: Profile,
  d: Draft,
  q: Extract<Question, { kind: 'step' }>,
  cur?: { text: string; for?: string; due?: string },
  last?: { text: string; for?: string; due?: string },
  commit?: (a: Answer) => void,
): Promise<Answer | Back | BackKeeping> {
  const { min, max } = profile.process.actionSteps;
  if (q.index === 0)
    asker.say(
      `\nAction steps: ${min === max ? min : `${min} to ${max}`} steps that will move your practice toward the target.`,
    );
  // Last time's unfinished step is offered by name; Enter keeps it, as the question says.
  const offer = cur ? undefined : last;
  if (offer) {
    // An in-progress step restarts as planned; its progress notes stay in last time's record: said here.
    const was = d.defaults?.actionSteps?.find((x) => x.text === offer.text)?.was;
    const state = [
      was?.status === 'in-progress' ? 'it was in progress' : '',
      was?.notes
        ? `its ${was.notes === 1 ? 'progress note stays' : `${was.notes} progress notes stay`} in last time's record`
        : '',
    ].filter(Boolean);
    asker.say(
      wrap(
        `Last time's step, not done yet${state.length ? ` (${state.join('; ')})` : ''}: "${offer.text}"`,
        terminalWidth(),
        '',
        '  ',
      ),
    );
  }
  // An answered step shows its text as the default (Enter keeps it), so removing one needs its own key.
  // "-" leaves last time's step out of this plan (said, and the next of last time's steps, or a new one, is
  // asked here): it never ends the list, so no other step of last time's is dropped unseen.
  const finish = offer
    ? " (Enter keeps last time's step, - leaves it out, or type a new one)"
    : !q.optional
      ? ''
      : cur
        ? ' (- to remove this step)'
        : ' (Enter with no text to finish)';
  // This session's own link ("" = not linked), undefined until the step is answered here.
  // (A step whose text was saved before a stop has no link answered yet: undefined, not "Not linked".)
  let forId: string | undefined = cur ? (cur.for ?? (q.atLink ? undefined : '')) : undefined;
  cur ??= offer;
  const items = ratedItems(profile);
  const prios = (d.rec.priorities ?? []).map((p) => items.find((i) => i.id === p)!).filter(Boolean);
  // Three parts, each with "<" to the one before: the text, the priority it addresses, the due date.
  // Come back to with "<" from the question after it: its last part (the due date) first, "<" to the others.
  const later = (q.atDue || q.atLink) && cur;
  let text: string | undefined = later ? cur?.text : undefined;
  // Which step this is, said first: the due date and link questions do not name it (a screen reader reads
  // one line at a time, and the step's own question is not asked again here).
  if (text) asker.say(wrap(`Action step ${q.index + 1}: "${text}"`, terminalWidth(), '', '  '));
  for (let part: 'text' | 'link' | 'due' = !later ? 'text' : q.atDue || !prios.length ? 'due' : 'link'; ; ) {
    if (part === 'text') {
      const got = await asker.input({
        message: `Action step ${q.index + 1}: what will you do?${finish}`,
        default: text ?? cur?.text,
        back: true,
        validate: (s) => (s || q.optional ? true : 'Please describe the step (a sentence is enough).'),
      });
      // Leaving with "<" after typing this step here (not yet saved): it is kept, and comes back as the
      // default when going forward again; going back never discards an answer.
      // "<" right after leaving one of last time's steps out here: that step is offered again.
      const lastOut = d.leftOutSteps?.at(-1);
      if (got === BACK && !text && lastOut?.at === q.index) return { kind: 'step', step: null, undoLeaveOut: true };
      if (got === BACK)
        return text && text !== cur?.text
          ? {
              back: BACK,
              keep: {
                kind: 'step',
                step: { text, for: prios.length ? forId || undefined : undefined, due: cur?.due },
              },
            }
          : BACK;
      if (offer && got === '-') {
        asker.say(wrap(`Left out of this plan: "${offer.text}" (it stays in last time's record).`, terminalWidth()));
        return { kind: 'step', step: null, leaveOut: offer.text };
      }
      if (!got || (q.optional && got === '-')) return { kind: 'step', step: null };
      text = got;
      // Saved at once, as a rating is before its note: Ctrl-C at the link or the due date loses no text.
      commit?.({
        kind: 'step',
        step: { text, for: prios.length ? forId || undefined : undefined, due: cur?.due },
      });
      // A new text does not use up last time's step: said, and it is offered again at the next step.
      if (offer && got.trim() !== offer.text.trim())
        asker.say(
          wrap(
            `Last time's step "${offer.text}" is not in this plan${q.index + 1 < max ? '; it is offered again at the next step' : ''}.`,
            terminalWidth(),
          ),
        );
      part = prios.length ? 'link' : 'due';
    } else if (part === 'link') {
      // Last time's link only for last time's own step, never for a new text typed in its place.
      const same = offer && text?.trim() === offer.text.trim();
      const wasFor = offer && d.defaults?.actionSteps?.find((x) => x.text === offer.text)?.wasFor;
      const link = stepLink(profile, prios, forId, same ? { for: offer.for, wasFor } : undefined);
      if (link.said) asker.say(link.said);
      const got = await asker.select({
        message: 'Which priority does it address?',
        choices: [
          ...prios.map((i) => ({ value: i.id, label: asker.plain ? plainItemLabel(i) : itemLabel(i) })),
          // A plain label: --plain finds it by its first word ("not"), as every other choice.
          { value: '', label: 'Not linked to a priority' },
        ],
        default: link.default,
        back: true,
        said: (c) => (c.value ? `Linked: ${c.label}` : 'Not linked.'),
      });
      if (got === BACK) {
        part = 'text';
        continue;
      }
      forId = got;
      commit?.({ kind: 'step', step: { text: text ?? '', for: forId || undefined, due: cur?.due } });
      part = 'due';
    } else {
      const due = await asker.input({
        message: 'Due date (YYYY-MM-DD, optional)',
        default: cur?.due,
        back: true,
        validate: (s) => (!s || s === '-' ? true : (dueDateProblem(s, d.rec.date) ?? true)),
      });
      if (due === BACK) {
        part = prios.length ? 'link' : 'text';
        continue;
      }
      // --plain says back a typed date too (a screen reader hears no redraw).
      // (A date kept with Enter is said by the asker: "Kept: …".)
      if (asker.plain && (!due || due === '-') && (due === '-' || !cur?.due)) asker.say('No due date.');
      else if (asker.plain && due !== cur?.due) asker.say(`Due ${due}.`);
      return {
        kind: 'step',
        step: {
          text: text ?? '',
          for: prios.length ? forId || undefined : undefined,
          due: due && due !== '-' ? due : undefined,
        },
      };
    }
  }
}

/**
 * Where the "Which priority" cursor starts, and what to say above it. This session's own answer first
 * ("" = not linked, kept as such); for last time's step (--from), last time's link when that item is among
 * this time's priorities, else "(not linked)", never some other priority picked by position.
 */
export function stepLink(
  profile: Profile,
  prios: { id: string }[],
  current: string | undefined,
  last: { for?: string; wasFor?: string } | undefined,
): { default: string; said?: string } {
  const among = (id: string | undefined): id is string => id === '' || prios.some((p) => p.id === id);
  const lastItem = last?.for ? ratedItems(profile).find((i) => i.id === last.for) : undefined;
  const said = !last
    ? undefined
    : lastItem
      ? `Last time: for ${itemLabel(lastItem)}${among(last.for) ? '' : ' (not among your priorities this time)'}`
      : last.wasFor
        ? `Last time: for ${last.wasFor} (not in ${profileRef(profile)}, so not linked now)`
        : 'Last time: not linked to a priority';
  if (current !== undefined) return { default: among(current) ? current : '', said };
  if (last) return { default: among(last.for) ? last.for : '', said };
  return { default: prios.length ? prios[0].id : '' }; // the first priority, whichever step this is
}
