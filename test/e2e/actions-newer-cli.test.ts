// `profile actions` on last year's record after a newer review (`profile assess --from`) carried its unfinished
// steps on: the coach is told, once, where this year's plan is; the old record is still changed as asked.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixture, runCli, sandbox } from '../helpers/cli.js';

const OLD = 'records/2025-09-20_ohio-process-coaching-3.15_5c1d2e3f.yaml';

function setup() {
  const box = sandbox();
  mkdirSync(join(box.cwd, 'records'));
  copyFileSync(fixture('report', 'ohio-2025.yaml'), join(box.cwd, OLD));
  const run = (...args: string[]) => runCli(args, { ...box, timeout: 20_000 });
  return { box, run };
}

describe('profile actions on a record whose open steps a newer review carries on (built CLI)', () => {
  it('says which review holds them now (stderr, first), and still makes the change; the new one: nothing said', () => {
    const { box, run } = setup();
    const made = run('assess', '--from', OLD, '--keep-ratings', '--yes', '--cycle', '2026-27 baseline');
    expect(made.code, made.stderr).toBe(0);
    const name = readdirSync(join(box.cwd, 'records')).find((n) => !OLD.endsWith(n))!;
    const NEW = `records/${name}`;
    const day = parse(readFileSync(join(box.cwd, NEW), 'utf8')).date;

    const r = run('actions', OLD, '--done', '3');
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(
      `A newer review, ${NEW} (${day}, 2026-27 baseline), carries this record's unfinished steps on: to keep this year's plan up, use profile actions ${NEW}. Changes made here stay in this record.`,
    );
    expect(r.stdout).toContain('Step 3 ("Keep a log of questions that opened up the talk") is done');
    expect(parse(readFileSync(join(box.cwd, OLD), 'utf8')).actionSteps[2].status).toBe('done');

    // Said once per run, the list alone too; the newer review itself is this year's plan: nothing to say.
    const list = run('actions', OLD);
    expect(list.stderr.split('A newer review')).toHaveLength(2);
    expect(run('actions', NEW).stderr).toBe('');
    expect(run('actions', NEW, '--start', '1').stderr).toBe('');
  });
});
