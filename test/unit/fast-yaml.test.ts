// The fast record-YAML path must give exactly what `yaml` gives, or step aside (undefined).
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParseYaml } from '../../src/summary/read/fast-yaml.js';
import { serializeRecord } from '../../src/record/write.js';
import { makeRecord, prng, recordYaml } from '../support/corpus.mjs';

function yamlValue(t: string): unknown {
  const doc = parseDocument(t, { uniqueKeys: true, strict: true });
  return doc.errors.length ? 'error' : JSON.parse(JSON.stringify(doc.toJS()));
}

describe('fastParseYaml', () => {
  it('reads generated and serialised records like yaml does', () => {
    const rng = prng(5);
    for (let i = 0; i < 300; i++) {
      const r = makeRecord(rng, i);
      for (const t of [
        recordYaml(r),
        serializeRecord({ kind: 'practice-profile-record', format: 1, status: 'complete', ...r } as never),
      ]) {
        const f = fastParseYaml(t);
        expect(f).toBeDefined();
        expect(JSON.parse(JSON.stringify(f))).toEqual(yamlValue(t));
      }
    }
  });

  it('steps aside on YAML it does not fully understand', () => {
    for (const t of [
      'a: &x 1\nb: *x\n',
      'a: |\n  text\n',
      'a: yes # comment\n',
      'a: null\n',
      'a: 1e3\n',
      'a: 1\na: 2\n',
      'a:\n',
      '- 1\n',
      'a: "x\\ty"\n',
      '---\na: 1\n',
      'a: {b: 1}\n',
      'a: b: c\n',
    ]) {
      expect(fastParseYaml(t), t).toBeUndefined();
    }
  });

  it('never disagrees with yaml on thousands of mutated records', () => {
    const rng = prng(99);
    const bits = [
      ':',
      ' ',
      '  ',
      '#',
      ' #',
      '"',
      "'",
      '- ',
      '-',
      '[',
      ']',
      ',',
      '\n',
      '\n  ',
      '\n- ',
      '&a ',
      '*a',
      '!',
      '|',
      '>',
      'null',
      'true',
      '1',
      '0x1',
      '1e3',
      '.5',
      '\\',
      '{',
      '}',
      '? ',
      '%',
      '@',
      ': ',
      '\r\n',
      '\t',
      '~',
      '---',
      'é',
      // Whitespace that JS's trim() strips but YAML keeps as content (or rejects), and control characters.
      '\u00a0',
      '\u00a0 ',
      ' \u00a0',
      '\u2028',
      '\u2029',
      '\u3000',
      '\u1680',
      '\u2003',
      '\u202f',
      '\u205f',
      '\u0085',
      '\v',
      '\f',
      '\ufeff',
      '\u200b',
      '\x00',
      '\x1b',
      '\x7f',
    ];
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      let t = recordYaml(makeRecord(rng, i));
      for (let j = 0; j < 1 + Math.floor(rng() * 3); j++) {
        const p = Math.floor(rng() * t.length);
        const op = rng();
        const bit = bits[Math.floor(rng() * bits.length)];
        t =
          op < 0.6
            ? t.slice(0, p) + bit + t.slice(p)
            : op < 0.8
              ? t.slice(0, p) + t.slice(p + 1 + Math.floor(rng() * 3))
              : t.slice(0, p) + bit + t.slice(p + 1);
      }
      const f = fastParseYaml(t);
      if (f === undefined) continue;
      accepted++;
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(f)), yamlValue(t))) expect.fail(`differs from yaml on:\n${t}`);
    }
    expect(accepted).toBeGreaterThan(500);
  });
});
