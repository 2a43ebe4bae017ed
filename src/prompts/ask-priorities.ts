// The priorities: the items rated below target, picked in order; last time's priorities shown, never picked.
import { belowTarget, type Answer, type Draft } from '../assess/flow.js';
import { levelById, profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { itemLabel, plainItemLabel } from '../ui/assess-view.js';
import { BACK, type Asker, type Back, type Choice } from './asker.js';
import { lastWhen } from './last-when.js';

/**
 * `commit` saves the picks so far after each one (Ctrl-C loses none); `resumed`: the last session stopped in
 * this question, so its saved picks are taken as picked and the question goes on from there.
 */
export async function askPriorities(
  asker: Asker,
  profile: Profile,
  d: Draft,
  cur: string[],
  commit?: (a: Answer) => void,
  kept?: 'resumed' | 'back',
): Promise<Answer | Back> {
  const resumed = kept === 'resumed';
  const offered = belowTarget(profile, d.rec);
  asker.say(
    `\nPriorities: ${offered.length === 1 ? '1 item is' : `${offered.length} items are`} below target. Pick them in order, most important first.`,
  );
  const last = d.defaults?.lastTime;
  if (last) {
    const items = ratedItems(profile);
    // Last time's numbers kept: priority 2 stays "2)" when priority 1 has no counterpart in this version.
    const list = last.priorityList ?? last.priorities.map((id) => ({ id, was: id }));
    const was = list.map((p, i) => {
      const it = p.id ? items.find((x) => x.id === p.id) : undefined;
      if (!p.id || !it) return `  ${i + 1}) ${p.was} (not in ${profileRef(profile)}: it could not come along)`;
      const level = last.ratings[p.id] ? levelById(profile, last.ratings[p.id])?.label : undefined;
      return `  ${i + 1}) ${asker.plain ? plainItemLabel(it) : itemLabel(it)}${level ? ` (then ${level})` : ''}`;
    });
    asker.say(
      was.length
        ? `Last time (${lastWhen(last)}) your priorities were:\n${was.join('\n')}`
        : `Last time (${lastWhen(last)}) you set no priorities.`,
    );
  }
  const levelOf = (id: string) => levelById(profile, d.rec.ratings[id])?.label;
  // Resumed after a stop, or come back to with "<": the picks so far stay picked; "<" undoes the last.
  const chosen: string[] = kept ? [...cur] : [];
  // Come back to with every item picked: asked once anyway ("That is all", or "<"), not skipped past.
  let askOnce = kept === 'back' && chosen.length > 0;
  let undone: string | undefined;
  if (chosen.length)
    asker.say(
      `${resumed ? 'Picked before your last session stopped (saved)' : 'Your priorities so far'}: ${chosen
        .map((id, i) => {
          const it = offered.find((x) => x.id === id);
          return `${i + 1}) ${it ? (asker.plain ? plainItemLabel(it) : itemLabel(it)) : id}`;
        })
        .join('; ')}. "<" undoes the last one.`,
    );
  const label = (i: (typeof offered)[number]) =>
    asker.plain ? `${plainItemLabel(i)}, ${levelOf(i.id)}` : `${itemLabel(i)} (${levelOf(i.id)})`;
  for (;;) {
    const left = offered.filter((i) => !chosen.includes(i.id));
    if (!left.length && !askOnce) break;
    askOnce = false;
    // --plain: every item keeps its number for the whole question (a screen-reader user remembers "3"), a
    // picked one says so; "That is all" comes last, once something is picked. Enter alone never picks.
    // On a terminal the list shrinks as items are picked: the cursor, not numbers, does the choosing.
    const choices: Choice<string>[] = asker.plain
      ? offered.map((i) => {
          const at = chosen.indexOf(i.id);
          return { value: i.id, label: `${label(i)}${at >= 0 ? ` (already priority ${at + 1})` : ''}` };
        })
      : left.map((i) => ({ value: i.id, label: label(i) }));
    if (chosen.length) choices.push({ value: '', label: 'That is all my priorities' });
    // Resumed mid-way, the picks saved so far are all of `cur`: the cursor starts on the next item, as it did
    // before the stop, not on "That is all".
    const def =
      (undone && !chosen.includes(undone) ? undone : undefined) ??
      cur.find((p) => !chosen.includes(p)) ??
      (chosen.length && cur.length && !resumed ? '' : left[0]?.id);
    const got = await asker.select({
      message: `Priority ${chosen.length + 1}`,
      choices,
      default: asker.plain ? undefined : def,
      back: true,
      // One already picked is refused below, and only the refusal is said (a screen reader hears no "accepted").
      said: (c) =>
        chosen.includes(c.value)
          ? undefined
          : c.value
            ? `Priority ${chosen.length + 1}: ${c.label}`
            : 'No more priorities.',
    });
    if (got === BACK) {
      if (!chosen.length) return BACK;
      undone = chosen.pop(); // back undoes the last pick before leaving the question; the cursor goes to it
      continue;
    }
    if (!got) break;
    if (chosen.includes(got)) {
      asker.say(`That one is already priority ${chosen.indexOf(got) + 1}; pick another, or "That is all".`);
      continue;
    }
    chosen.push(got);
    commit?.({ kind: 'priorities', priorities: [...chosen] });
  }
  return { kind: 'priorities', priorities: chosen };
}
