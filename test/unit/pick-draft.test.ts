// The "unfinished assessment" menu at the start of profile assess: a question that names its two ways, so a
// yes/no answer is not invited (in --plain, "yes" is no choice of the list); "resume", "start" or "new" are.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { DraftOnDisk } from '../../src/assess/store.js';
import { pickDraft } from '../../src/prompts/assess-start.js';
import { PlainAsker } from '../../src/prompts/plain-asker.js';
import type { PracticeRecord } from '../../src/record/schema.js';

const draft = (file: string): DraftOnDisk => ({
  file,
  mtimeMs: 0,
  record: { profile: 'sbic@2024', date: '2026-11-26', ratings: { ef1: 'proficient' } } as unknown as PracticeRecord,
});

async function ask(drafts: DraftOnDisk[], lines: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (b: Buffer) => (text += b.toString()));
  input.end(lines);
  const a = new PlainAsker(input, output);
  try {
    const got = await pickDraft(drafts, false, true, async () => a);
    return { got, text: text.replace(/\s+/g, ' ') };
  } finally {
    a.close();
  }
}

describe('the unfinished-assessment menu (--plain)', () => {
  it('one draft: "resume it, or start a new one?", not a yes/no question; resume and start are taken by name', async () => {
    const one = [draft('/tmp/records/a.yaml')];
    const r = await ask(one, 'resume\n');
    expect(r.text).toContain('? You have an unfinished assessment: resume it, or start a new one?');
    expect(r.text).not.toContain('Resume it?');
    expect(r.got).toBe('/tmp/records/a.yaml');
    expect((await ask(one, 'start\n')).got).toBeUndefined();
    expect((await ask(one, 'new\n')).got).toBeUndefined();
  });

  it('several drafts: the question says how many and asks to resume one', async () => {
    const r = await ask([draft('/tmp/records/a.yaml'), draft('/tmp/records/b.yaml')], '2\n');
    expect(r.text).toContain('? You have 2 unfinished assessments: resume one, or start a new one?');
    expect(r.got).toBe('/tmp/records/b.yaml');
  });
});
