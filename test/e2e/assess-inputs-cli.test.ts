// Answers from several places at once (--from, --answers, flags, a resumed draft), on the built CLI.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixture as fixtureIn, recordsIn, runCli, sandbox } from '../helpers/cli.js';

const fixture = (f: string) => fixtureIn('assess', f);
type Box = ReturnType<typeof sandbox>;
const run = (args: string[], box: Box) => runCli(args, { ...box, timeout: 15_000 });

/** A complete Ohio record (group OH / Region 5 / Example City Schools) to start from. */
function lastYear(box: Box): string {
  expect(
    run(['assess', 'ohio-process-coaching', '--answers', fixture('ohio-answers.yaml'), '--dir', 'old'], box).code,
  ).toBe(0);
  return recordsIn(join(box.cwd, 'old'))[0];
}
const write = (box: Box, name: string, text: string) => {
  const f = join(box.cwd, name);
  writeFileSync(f, text);
  return f;
};
const only = (box: Box) => {
  const files = recordsIn(join(box.cwd, 'records'));
  expect(files).toHaveLength(1);
  return parse(readFileSync(files[0], 'utf8'));
};

describe('--from with other answers', () => {
  it('--from --yes never answers a rating: every one is listed as missing (exit 2), nothing written', () => {
    const box = sandbox();
    const r = run(['assess', '--from', lastYear(box), '--yes', '--cycle', '2026-27'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ratings for 9 items');
    expect(r.stderr).toContain('\n      2. Building and maintaining rapport [communication.rapport]\n');
    expect(r.stderr).toContain("To keep last time's ratings unchanged instead, add --keep-ratings.");
    expect(recordsIn(join(box.cwd, 'records'))).toEqual([]);
  });
  it("--keep-ratings keeps last year's ratings (the coach's explicit choice), and its group when --cycle is given", () => {
    const box = sandbox();
    const last = lastYear(box);
    const r = run(['assess', '--from', last, '--keep-ratings', '--yes', '--cycle', '2026-27'], box);
    expect(r.code).toBe(0);
    // Last time's context goes into the new record: said, not put there unseen; so is what happens to
    // last time's unfinished steps (planned again, without their old due dates).
    const said = r.stderr.replace(/\s+/g, ' ').trim();
    expect(said).toMatch(
      /^Starting from \S+ \(ohio-process-coaching@3\.15\) for ohio-process-coaching@3\.15: - Last time's 2 unfinished action steps come along as this time's plan, marked planned and without a due date \(1 had a due date\)/,
    );
    expect(said).toMatch(
      new RegExp(
        `Context: OH · Region 5 · Example City Schools · cycle 2026-27 \\(from ${relative(box.cwd, last).replace(/[.]/g, '\\.')}; --group and --cycle to change\\)\\. `,
      ),
    );
    // Ratings only: last time's notes, areas and priorities are not this year's answers, and that is said.
    expect(said).toMatch(
      /Not kept from last time: its notes, improvement areas and priorities \(this year's to give, in --answers\)\. This record has no improvement areas; priorities: every item below target, in the profile's order \([^)]+\)\.$/,
    );
    const rec = only(box);
    expect(rec).toMatchObject({
      cycle: '2026-27',
      group: { state: 'OH', region: 'Region 5', district: 'Example City Schools' },
    });
    expect(rec.ratings).toEqual(parse(readFileSync(last, 'utf8')).ratings);
    expect(rec.notes).toBeUndefined();
    expect(rec.improvementAreas).toEqual([]);
  });
  it("--from --yes without --cycle: the review has no cycle, and that is said (last time's is not copied)", () => {
    const box = sandbox();
    const last = lastYear(box);
    const lastCycle = parse(readFileSync(last, 'utf8')).cycle;
    const r = run(['assess', '--from', last, '--keep-ratings', '--yes'], box);
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain(
      `No cycle: this review has no cycle label (last time's was "${lastCycle}"), so summaries by cycle list it apart; give --cycle to set one.`,
    );
    expect(only(box).cycle).toBeUndefined();
  });
  it('--keep-ratings without --from, and --resume with --from, are usage errors that say why', () => {
    const box = sandbox();
    const k = run(['assess', 'ohio-process-coaching', '--keep-ratings', '--yes'], box);
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('--keep-ratings keeps the ratings of the record given with --from');
    const r = run(['assess', '--resume', '--from', lastYear(box)], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--resume and --from do not go together');
  });
  it('--answers with some ratings: the others are missing, unless --keep-ratings', () => {
    const box = sandbox();
    const last = lastYear(box);
    const a = write(box, 'a.yaml', 'ratings:\n  communication.method: pink\n');
    const r = run(['assess', '--from', last, '--answers', a], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ratings for 8 items');
    expect(r.stderr).toContain('\n      2. Building and maintaining rapport [communication.rapport]\n');
    expect(run(['assess', '--from', last, '--answers', a, '--keep-ratings'], box).code).toBe(0);
    expect(only(box)).toMatchObject({ group: { state: 'OH' }, ratings: { 'communication.method': 'pink' } });
  });
  it("a note in --answers attaches to last year's rating only when it is kept", () => {
    const box = sandbox();
    const last = lastYear(box);
    const a = write(box, 'n.yaml', 'notes:\n  communication.method: new note\n');
    const r = run(['assess', '--from', last, '--answers', a], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'a note for "communication.method", which has no rating; add it under ratings (or pass --keep-ratings',
    );
    expect(run(['assess', '--from', last, '--answers', a, '--keep-ratings'], box).code).toBe(0);
    expect(only(box).notes['communication.method']).toBe('new note');
  });
  it("priorities in --answers may name items rated in last year's record only when its ratings are kept", () => {
    const box = sandbox();
    const last = lastYear(box);
    const a = write(box, 'p.yaml', 'priorities: [communication.feedback-goals]\n');
    const r = run(['assess', '--from', last, '--answers', a], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('priority "communication.feedback-goals" has no rating this time');
    expect(run(['assess', '--from', last, '--answers', a, '--keep-ratings'], box).code).toBe(0);
    expect(only(box).priorities).toEqual(['communication.feedback-goals']);
  });
});

describe('--answers mistakes are refused (exit 2), nothing written', () => {
  for (const [name, text, message] of [
    ['a note for an unknown item', 'notes:\n  nope: hi\n', '"nope" is not a rated item'],
    [
      'a note for an unrated item',
      'notes:\n  communication.method: hi\n',
      'a note for "communication.method", which has no rating',
    ],
    [
      'no priorities while items are below target',
      'ratings:\n  communication.method: pink\npriorities: []\n',
      'priorities is empty, but 1 item is below target',
    ],
  ] as const) {
    it(name, () => {
      const box = sandbox();
      const r = run(['assess', 'ohio-process-coaching', '--answers', write(box, 'a.yaml', text)], box);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(recordsIn(join(box.cwd, 'records'))).toEqual([]);
    });
  }
});

describe('saving', () => {
  it('--dir that is a file: a clear usage error, not a crash', () => {
    const box = sandbox();
    write(box, 'afile', 'x');
    const r = run(
      ['assess', 'ohio-process-coaching', '--answers', fixture('ohio-answers.yaml'), '--dir', 'afile'],
      box,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--dir afile is not a folder');
  });
  it('--resume refuses a draft that rates an item its profile lacks', () => {
    const box = sandbox();
    mkdirSync(join(box.cwd, 'records'));
    const d = write(
      box,
      'records/d.yaml',
      'kind: practice-profile-record\nformat: 1\nid: 3f2b8c1e-7a4d-4c1b-9e8f-2a6b5c4d3e21\nprofile: ohio-process-coaching@3.15\nstatus: draft\ndate: 2025-09-14\nratings:\n  bogus.item: green\n',
    );
    const r = run(['assess', '--resume', d, '--answers', fixture('ohio-answers.yaml')], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/d\.yaml:8:3: cannot resume this draft: "bogus\.item" is not a rated item/);
  });
});

describe('the remembered context', () => {
  it('a broken config file does not stop an assessment, and a script does not replace the context', () => {
    const box = sandbox();
    const cfg = join(box.env.XDG_CONFIG_HOME!, 'practice-profile');
    mkdirSync(cfg, { recursive: true });
    writeFileSync(join(cfg, 'config.yaml'), 'hello\n');
    const r = run(['assess', 'ohio-process-coaching', '--answers', fixture('ohio-answers.yaml')], box);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Your action plan');
    expect(readFileSync(join(cfg, 'config.yaml'), 'utf8')).toBe('hello\n');
  });
});
