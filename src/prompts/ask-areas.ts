// The improvement areas: a tick list of the profile's areas, then the coach's own, each saved as entered.
import type { AreaAnswer, Answer } from '../assess/flow.js';
import type { Profile } from '../profile/schema.js';
import { BACK, isBackWithTicks, type Asker, type Back, type Choice } from './asker.js';
import type { BackKeeping } from './ask-question.js';

/** Last time's areas (`--from`) are marked "(last time)", not ticked: the coach ticks what applies now. */
export async function askAreas(
  asker: Asker,
  profile: Profile,
  saved: AreaAnswer[] | undefined,
  last: AreaAnswer[] = [],
  commit?: (a: Answer) => void,
): Promise<Answer | Back | BackKeeping> {
  const cur = saved ?? [];
  const key = (a: AreaAnswer) => (typeof a === 'string' ? a : `text:${a.text}`);
  const lastKeys = new Set(last.map(key));
  const tag = (k: string) => (lastKeys.has(k) ? '(last time)' : undefined);
  const listed: Choice<string>[] = profile.sections.flatMap((s) =>
    s.improvementAreas.map((a) => ({ value: a.id, label: a.text, tag: tag(a.id) })),
  );
  const toAreas = (vs: string[]): AreaAnswer[] => vs.map((v) => (v.startsWith('text:') ? { text: v.slice(5) } : v));
  // "<" in an own area goes back to the ticks (kept, with the areas added so far), or to the question before.
  for (let current = cur; ; ) {
    const own = current.filter((a): a is { text: string } => typeof a !== 'string');
    const lastOwn = last.filter(
      (a): a is { text: string } => typeof a !== 'string' && !own.some((o) => o.text === a.text),
    );
    const choices = [
      ...listed,
      ...own.map((a) => ({ value: key(a), label: `${a.text} (your own)`, tag: tag(key(a)) })),
      ...lastOwn.map((a) => ({ value: key(a), label: `${a.text} (your own)`, tag: '(last time)' })),
    ];
    let picked: string[] = [];
    if (choices.length) {
      asker.say('\nImprovement areas: which may need attention to reach the target?');
      if (lastKeys.size) asker.say('Areas marked (last time) were ticked last time: tick the ones that apply now.');
      const got = await asker.checkbox({
        message: 'Tick those that apply',
        choices,
        checked: current.map(key),
        back: true,
      });
      if (isBackWithTicks(got)) {
        // Ticks (and own areas added) on this screen are kept (saved), then back to the question before.
        // Compared with what is saved, not with this screen's start: a return from the own areas is unsaved.
        const ticked = toAreas(got.ticked);
        const same = JSON.stringify(ticked) === JSON.stringify(saved ?? []);
        return !same ? { back: BACK, keep: { kind: 'areas', areas: ticked } } : BACK;
      }
      picked = got;
      // Saved as soon as the list is answered, each own area as soon as it is entered: Ctrl-C loses none.
      commit?.({ kind: 'areas', areas: toAreas(picked) });
    } else {
      asker.say('\nImprovement areas: this profile lists none, so add your own (or none).');
    }
    const areas: AreaAnswer[] = toAreas(picked);
    let back = false;
    for (;;) {
      const t = await asker.input({ message: 'Add an improvement area of your own (Enter when done)', back: true });
      if (t === BACK) back = true;
      if (t === BACK || !t) break;
      areas.push({ text: t });
      // Nothing is redrawn in --plain: the area is said back, as a tick or a choice is.
      if (asker.plain) asker.say(`Added: ${t}`);
      commit?.({ kind: 'areas', areas: [...areas] });
    }
    if (!back) return { kind: 'areas', areas };
    if (!choices.length && areas.length === 0) return BACK;
    current = areas;
  }
}
