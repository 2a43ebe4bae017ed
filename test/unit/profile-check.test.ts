import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfileText } from '../../src/profile/load.js';
import { descriptorsFor, isAtOrAboveTarget, ratedItems } from '../../src/profile/model.js';
import { checkRecordAgainstProfile } from '../../src/record/check.js';
import { parseRecordText } from '../../src/record/read.js';
import { ROOT } from '../helpers/cli.js';

const ohio = readFileSync(join(ROOT, 'profiles/ohio-process-coaching/3.15.yaml'), 'utf8');
const sbic2014 = readFileSync(join(ROOT, 'profiles/sbic/2014.yaml'), 'utf8');
const messages = (text: string) =>
  loadProfileText(text, 'p.yaml').diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`);

describe('profile cross-checks', () => {
  it('a target that is not a level', () => {
    expect(messages(ohio.replace('target: green', 'target: blue'))).toEqual([
      expect.stringMatching(/^\d+:11 target "blue" is not one of the levels \(green, yellow, pink\)$/),
    ]);
  });
  it('a descriptor for a level the scale lacks', () => {
    expect(
      messages(
        sbic2014.replace('      close-to-proficient:\n        stem: "At the', '      nearly:\n        stem: "At the'),
      ),
    ).toEqual([expect.stringContaining('"nearly" is not a level')]);
  });
  it('a criterion stem that is not defined', () => {
    expect(
      messages(
        ohio.replace(
          '        stem: c\n        text: Feedback that positively reinforces',
          '        stem: d\n        text: Feedback that positively reinforces',
        ),
      ),
    ).toEqual([expect.stringContaining('stem "d" is not defined')]);
  });
  it('min action steps above max', () => {
    expect(messages(ohio.replace('actionSteps: { min: 2, max: 3 }', 'actionSteps: { min: 4, max: 3 }'))).toEqual([
      expect.stringContaining('min (4) is more than max (3)'),
    ]);
  });
  it('a missing required field names the field', () => {
    expect(messages(ohio.replace(/^title: .*\n/m, ''))).toEqual(['2:1 title: missing (expected text)']);
  });
});

describe('model', () => {
  const p = loadProfileText(sbic2014, 'p.yaml').profile!;
  it('proficient is the target; exemplary is above it', () => {
    expect(isAtOrAboveTarget(p, 'exemplary')).toBe(true);
    expect(isAtOrAboveTarget(p, 'proficient')).toBe(true);
    expect(isAtOrAboveTarget(p, 'close-to-proficient')).toBe(false);
  });
  it('resolves "same as" cells and falls back to the generic meaning', () => {
    const cells = descriptorsFor(p, ratedItems(p)[1]);
    expect(cells[1].sameAs?.id).toBe('exemplary');
    expect(cells[1].items).toEqual(cells[0].items);
    expect(cells[3]).toMatchObject({ generic: true, items: ['(Follow-up professional development is critical.)'] });
  });
});

describe('record cross-checks', () => {
  const p = loadProfileText(ohio, 'p.yaml').profile!;
  const rec = (body: string) => {
    const r = parseRecordText(
      `kind: practice-profile-record\nformat: 1\nid: 3f2b8c1e-7a4d-4c1b-9e8f-2a6b5c4d3e21\nprofile: ohio-process-coaching@3.15\nstatus: draft\ndate: 2025-09-14\n${body}`,
      'r.yaml',
    );
    expect(r.diagnostics).toEqual([]);
    return checkRecordAgainstProfile(r.record!, p, r.source!).map(
      (d) => `${d.severity} ${d.line}:${d.col} ${d.message}`,
    );
  };
  it('flags an unknown item, level, improvement area and priority', () => {
    expect(
      rec(
        'ratings:\n  communication.method: purple\n  communication.nope: green\nimprovementAreas: [communication.nope]\npriorities: [communication.rapport]\n',
      ),
    ).toEqual([
      'error 8:25 "purple" is not a level of ohio-process-coaching@3.15 (levels: green, yellow, pink)',
      'error 9:3 "communication.nope" is not a rated item of ohio-process-coaching@3.15',
      'error 10:20 "communication.nope" is not an improvement area of ohio-process-coaching@3.15 (own areas are written as "- text: ...")',
    ]);
  });
  it('a priority already at target is only a warning', () => {
    expect(rec('ratings:\n  communication.method: green\npriorities: [communication.method]\n')).toEqual([
      expect.stringMatching(
        /^warning 9:\d+ priority "communication.method" is rated green, which is already at target$/,
      ),
    ]);
  });
});

describe('schema messages', () => {
  it('a wrong type says what was expected and what was found, at the value', () => {
    const r = parseRecordText(
      'kind: practice-profile-record\nformat: 1\nid: 3f2b8c1e-7a4d-4c1b-9e8f-2a6b5c4d3e21\nprofile: sbic@2024\nstatus: draft\ndate: 2025-09-14\nratings: 5\n',
      'r.yaml',
    );
    expect(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '7:10 ratings: expected a mapping (key: value lines), got number 5',
    ]);
  });
});

describe('one run reports schema errors and duplicate ids together', () => {
  it('a wrong type and a duplicate criterion id in one file', () => {
    const text = ohio
      .replace('      score: 3\n', '      score: three\n')
      .replace('      - id: communication.paraphrasing', '      - id: communication.pausing');
    expect(messages(text)).toEqual([
      expect.stringMatching(/^\d+:14 scale\.levels\.0\.score: expected a number, got "three"$/),
      expect.stringContaining('duplicate id "communication.pausing" (criterion)'),
    ]);
  });
});
