// `profile actions` after the third cold trial: a step's menu starts on the same choice whatever the step's
// status.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACK, StoppedError, type Asker } from '../../src/prompts/asker.js';
import { runActions } from '../../src/prompts/run-actions.js';
import { tempDir } from './assess-helpers.js';

const REPORT = new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname; // steps: done, planned, in progress
const TODAY = '2026-02-01';

function put(text = readFileSync(REPORT, 'utf8')): string {
  const file = join(tempDir(), 'rec.yaml');
  writeFileSync(file, text);
  return file;
}

interface Asked {
  message: string;
  default?: unknown;
}

/** Answers every question in turn from `answers`, noting what was asked; after the script, Ctrl-C. */
function recording(answers: unknown[]): { asker: Asker; asked: Asked[] } {
  const asked: Asked[] = [];
  const next = async (o: Asked) => {
    asked.push({ message: o.message, default: o.default });
    if (!answers.length) throw new StoppedError('User force closed the prompt');
    return answers.shift();
  };
  return { asker: { select: next, checkbox: next, input: next, say: () => {} } as unknown as Asker, asked };
}

afterEach(() => vi.restoreAllMocks());

describe("a step's menu: the cursor starts on the same choice every time", () => {
  it('"Add a progress note" for a planned, an in-progress and a done step alike', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const { asker, asked } = recording(['2', BACK, '3', BACK, '1', BACK, 'quit']);
    await runActions({ file: put(), asker, today: TODAY });
    const menus = asked.filter((q) => q.message.startsWith('Step '));
    expect(menus.map((q) => q.message.slice(0, 6))).toEqual(['Step 2', 'Step 3', 'Step 1']);
    expect(menus.map((q) => q.default)).toEqual(['note', 'note', 'note']);
  });
});
