// The third cold trial of `profile assess`, seen in a real terminal (tmux): improvement areas never lost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, recordsIn, sandbox } from '../helpers/cli.js';
import { hasTmux, TmuxSession } from './tmux.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function start(args: string, box = sandbox(), width = 60): TmuxSession {
  const t = new TmuxSession(
    `env XDG_CONFIG_HOME=${box.env.XDG_CONFIG_HOME} TERM=xterm-256color NO_COLOR=1 ${process.execPath} ${BIN} ${args}`,
    box.cwd,
    width,
  );
  sessions.push(t);
  return t;
}

const after = (s: string, mark: string) => s.slice(s.lastIndexOf(mark));
const flat = (s: string) => s.replace(/\s+/g, ' ');
const draftOf = (box: ReturnType<typeof sandbox>) =>
  parse(readFileSync(recordsIn(join(box.cwd, 'records'))[0], 'utf8'));

describe.skipIf(!hasTmux)('assess, third cold trial (tmux)', () => {
  it('ticks and an own area survive "<" to the ticks, "<" to the last rating, and forward again', async () => {
    const box = sandbox();
    const t = start('assess ohio-process-coaching', box);
    for (const m of ['State', 'Region', 'District', 'Building', 'Cycle']) await t.answer(m, () => t.type(''));
    // "<" at the first rating goes back to the cycle, the question just before.
    await t.waitFor((s) => s.includes('? Where is your practice now?'), 'rating 1');
    t.keys('<');
    await t.waitFor((s) => after(s, 'Rating 1 of 9').includes('? Cycle'), 'the cycle again');
    expect(after(t.screen(), 'Rating 1 of 9')).not.toContain('? State');
    // The list left with "<" closes on one line that says so: no level list left drawn as if still open.
    expect(after(t.screen(), 'Rating 1 of 9')).toContain('✔ Where is your practice now? going back');
    expect(after(t.screen(), 'Rating 1 of 9')).not.toContain('❯');
    t.type('2026-27');
    for (let i = 0; i < 9; i++) {
      await t.answer('Where is your practice now?', () => t.keys('Enter'));
      await t.answer('Private note', () => t.type(''));
    }
    await t.answer('Tick those that apply', () => t.keys('Space', 'Down', 'Space', 'Enter'));
    await t.answer('Add an improvement area', () => t.type('Video feedback'));
    await t.answer('Add an improvement area', () => t.type('<')); // to the ticks
    await t.waitFor((s) => after(s, '(< to go back) going back').includes('◉ Video feedback'), 'the ticks');
    t.keys('<'); // to the last rating, at its note (its last part); its level is one more "<" away
    await t.waitFor(
      (s) => after(s, 'Rating 9 of 9').includes('? Private note') && s.includes('(< to change it)'),
      'rating 9 again, at its note',
    );
    expect(flat(after(t.screen(), 'Rating 9 of 9'))).toMatch(/Your rating: Green\b.*\(< to change it\)/);
    // The tick list's answer line says the ticks are kept and it went back (not "3 ticked" as if answered).
    expect(flat(t.screen())).toContain('< to go back) going back (3 ticked, kept)');
    t.type('<');
    await t.answer('Where is your practice now?', () => t.keys('Enter'));
    await t.answer('Private note', () => t.type(''));
    await t.waitFor((s) => after(s, '? Tick those').includes('Video feedback'), 'the ticks again');
    const rec = draftOf(box);
    expect(rec.cycle).toBe('2026-27');
    expect(rec.improvementAreas).toEqual([
      'communication.methods-range',
      'communication.relationship-building',
      { text: 'Video feedback' },
    ]);
    t.keys('Enter'); // the ticks as they were
    await t.answer('Add an improvement area', () => t.type(''));
    await t.waitFor((s) => s.includes('? Action step 1'), 'the action steps');
    expect(draftOf(box).improvementAreas).toEqual(rec.improvementAreas);
  });

  it('--plain: Ctrl-C at the next own-area prompt keeps ticks and own area, and the stop message is true', async () => {
    const box = sandbox();
    const t = start('assess ohio-process-coaching --plain', box);
    for (const m of ['State', 'Region', 'District', 'Building', 'Cycle']) {
      await t.waitFor((s) => after(s, `? ${m}`).trimEnd().endsWith('>'), m);
      t.type('');
    }
    for (let i = 0; i < 9; i++) {
      await t.waitFor((s) => after(s, `Rating ${i + 1} of 9`).includes('Answer ('), `rating ${i + 1}`);
      t.type('yellow');
      await t.waitFor((s) => after(s, `Rating ${i + 1} of 9`).includes('? Private note'), `note ${i + 1}`);
      t.type('');
    }
    await t.waitFor((s) => after(s, '? Tick those').includes('Answer ('), 'the tick list');
    t.type('2,4,6');
    await t.waitFor((s) => after(s, '? Tick those').includes('? Add an improvement area'), 'own area');
    expect(flat(after(t.screen(), '? Tick those'))).toMatch(/Ticked 3: 2\. .*; 4\. .*; 6\. /);
    t.type('Co-teaching');
    await t.waitFor((s) => after(s, 'Co-teaching').includes('? Add an improvement area'), 'the next own area');
    expect(after(t.screen(), '> Co-teaching')).toContain('Added: Co-teaching'); // said back, as a tick is
    t.keys('C-c');
    const s = await t.waitFor((x) => t.dead() && x.includes('To carry on'), 'the stop message');
    expect(flat(s)).toContain('Your improvement areas so far (ticked and added) are saved');
    expect(flat(s)).not.toContain('The answer you were typing was not saved');
    expect(draftOf(box).improvementAreas).toEqual([
      'communication.relationship-building',
      'communication.powerful-questioning',
      'communication.change-feedback',
      { text: 'Co-teaching' },
    ]);
    // --resume comes back to the improvement areas (not on to the priorities), with the ticks and own area.
    const r = start('assess --resume --plain', box);
    await r.waitFor((x) => after(x, '? Tick those').includes('Answer ('), 'the tick list again');
    const again = flat(r.screen());
    expect(again).toContain('Your last session stopped while you were adding improvement areas');
    expect(again).toMatch(/Co-teaching \(your own\) \(ticked\)/);
    expect(again).not.toContain('? Priority');
    r.type('');
    await r.waitFor((x) => after(x, 'Ticked 4').includes('? Add an improvement area'), 'own areas');
    r.type('');
    await r.waitFor((x) => x.includes('? Priority 1') || x.includes('? Action step 1'), 'the question after');
    expect(draftOf(box).improvementAreas).toHaveLength(4);
  });
});
