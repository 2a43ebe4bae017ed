// At 60 columns the coach's messages break between words, never inside a word or a file name.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRecord } from '../../src/assess/store.js';
import { personalSummary } from '../../src/assess/summary.js';
import { ratedItems } from '../../src/profile/model.js';
import { runReport } from '../../src/prompts/run-report.js';
import { actionsList } from '../../src/ui/actions-view.js';
import { summaryText } from '../../src/ui/assess-view.js';
import { renderProfileList } from '../../src/ui/profile-list.js';
import { wrapMessage } from '../../src/ui/wrap.js';
import { profileOf, tempDir } from './assess-helpers.js';

const REC = new URL('../fixtures/report/ohio-2025.yaml', import.meta.url).pathname;
const plain = new Chalk({ level: 0 });
const FILE = 'records/2025-09-15_ohio-process-coaching-3.15_648bb6e6.yaml';

function fits(text: string, ...words: string[]) {
  // A line may be longer only when it is one word (a file name longer than the window), never cut.
  for (const l of text.split('\n')) if (l.trim().includes(' ')) expect(l.length, l).toBeLessThanOrEqual(60);
  const lines = text.split('\n').map((l) => l.trim());
  for (const w of words)
    expect(
      lines.some((l) => l.split(' ').includes(w)),
      w,
    ).toBe(true);
}

describe('60 columns', () => {
  const cols = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
  afterEach(() => {
    if (cols) Object.defineProperty(process.stdout, 'columns', cols);
    else delete (process.stdout as { columns?: number }).columns;
    vi.restoreAllMocks();
  });
  const narrow = () => Object.defineProperty(process.stdout, 'columns', { value: 60, configurable: true });

  it('the "Later, ... profile actions FILE" line after assess keeps the file name whole', () => {
    narrow();
    const ohio = profileOf('ohio-process-coaching');
    const t = summaryText(personalSummary(ohio, loadRecord(REC)), FILE, plain);
    fits(t, FILE, 'done:');
  });

  it('"No action steps yet" keeps the file name whole', () => {
    const rec = { ...loadRecord(REC), actionSteps: [] };
    fits(
      actionsList(rec, ratedItems(profileOf('ohio-process-coaching')), plain, '2026-01-01', undefined, 60, FILE),
      FILE,
    );
  });

  it('"Wrote FILE (open it in a browser ...)" breaks between words', () => {
    narrow();
    const dir = tempDir();
    copyFileSync(REC, join(dir, 'r.yaml'));
    let said = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      said += String(s);
      return true;
    });
    const out = join(dir, 'a-rather-long-name-for-the-partner-report.html');
    runReport({ file: join(dir, 'r.yaml'), format: 'html', out });
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    fits(said.trimEnd(), 'browser');
  });
});

describe('wrapLines', () => {
  it('a numbered or bulleted line hangs its next lines under its text, not under its mark', async () => {
    const { wrapLines } = await import('../../src/ui/wrap.js');
    const out = wrapLines(
      '  1) 3. Communicating in a timely and responsive manner (not in sbic@2024: it could not come along)\n- a bullet that is long enough to need a second line when wrapped at forty',
      40,
    ).split('\n');
    expect(out[0]).toBe('  1) 3. Communicating in a timely and');
    expect(out[1]).toMatch(/^ {5}\S/);
    expect(out.every((l) => l.length <= 40)).toBe(true);
    const bullet = out.findIndex((l) => l.startsWith('- '));
    expect(out[bullet + 1]).toMatch(/^ {2}\S/);
  });
});

describe('wrapMessage: an error for a 60-column terminal', () => {
  const where = 'error: Coaching Records/broken review.yaml:5:3: ';
  const msg = `${where}line 5: this line is indented more than line 4, which already has a value`;

  it('keeps the location whole on the first row even with spaces in its path, and wraps the rest by words', () => {
    const out = wrapMessage(msg, 60, where);
    expect(out.split('\n')[0]).toBe('error: Coaching Records/broken review.yaml:5:3: line 5: this');
    for (const l of out.split('\n')) expect(l.length, l).toBeLessThanOrEqual(60);
    expect(
      out
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('  ')),
    ).toBe(true);
    expect(out.replace(/\s+/g, ' ')).toBe(msg.trimEnd());
    // Without the lead, the path would be cut at its spaces.
    expect(wrapMessage(msg, 45).split('\n')[0]).toBe('error: Coaching Records/broken');
  });

  it('a location wider than the terminal beside "error:" gets a row of its own; a pipe (width 0) gets one line', () => {
    expect(wrapMessage(msg, 40, where).split('\n').slice(0, 3)).toEqual([
      'error:',
      '  Coaching Records/broken review.yaml:5:3:',
      '  line 5: this line is indented more',
    ]);
    expect(wrapMessage(msg, 0, where)).toBe(msg);
  });
});

describe('profile list at 60 columns', () => {
  const rows = [
    {
      ref: 'ohio-process-coaching@3.15',
      title: 'Ohio SPDG Process Coaching Practice Profile',
      status: 'partial',
      rate: 'criterion',
      unit: 'criterion',
      ratedItems: 9,
    },
    {
      ref: 'sbic@2024',
      title: 'School-Based Implementation Coaching Practice Profile',
      status: 'partial',
      rate: 'section',
      unit: 'essential function',
      ratedItems: 5,
    },
  ];

  it('breaks between words, the next lines under the title; every word kept', () => {
    const t = renderProfileList(rows, [], 60);
    fits(t, 'Practice', 'Profile', '(partial)', 'criteria', 'Implementation');
    expect(t).toContain(
      'ohio-process-coaching@3.15  Ohio SPDG Process Coaching\n                            Practice Profile (partial)',
    );
    expect(t.replace(/\s+/g, ' ')).toBe(renderProfileList(rows, []).replace(/\s+/g, ' '));
  });

  it('without a width (piped) and when it fits: one line per profile, as before', () => {
    const one = 'ohio-process-coaching@3.15  Ohio SPDG Process Coaching Practice Profile (partial)  9 criteria';
    expect(renderProfileList(rows, []).split('\n')[0]).toBe(one);
    expect(renderProfileList(rows, [], 120).split('\n')[0]).toBe(one);
  });
});
