// The first YAML error in plain words, at its cause, with a fix; one error, not the parser's cascade.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/yaml-source.js';

const first = (text: string) => {
  const r = parseYaml(text, 'x.yaml');
  expect(r.diagnostics).toHaveLength(1);
  return r.diagnostics[0];
};

describe('plain-word YAML errors', () => {
  it('an unquoted ": " in a text', () => {
    const d = first('kind: x\ntitle: Coaching: the basics\nid: y\n');
    expect(d).toMatchObject({ line: 2, col: 8, code: 'yaml-syntax' });
    expect(d.message).toMatch(/^line 2: this text contains ": ", so it needs quotes \(parser: Nested mappings/);
    expect(d.hint).toBe('Write it as  title: "Coaching: the basics"');
  });
  it('a tab in the indentation, even when the parser notices later', () => {
    const d = first('a:\n  b: 1\n\tc: 2\n');
    expect(d).toMatchObject({ line: 3, col: 1 });
    expect(d.message).toMatch(/^line 3: this line is indented with a tab; YAML indents with spaces only/);
  });
  it('a line indented under one that already has a value', () => {
    const d = first('a:\n  b: 1\n   c: 2\n');
    expect(d).toMatchObject({ line: 3, col: 4 });
    expect(d.message).toMatch(/^line 3: this line is indented more than line 2, which already has a value/);
    expect(d.hint).toMatch(/Line it up with line 2 \(column 3\)/);
  });
  it('a line not lined up with its siblings', () => {
    const d = first('a:\n  b: 1\n c: 2\n');
    expect(d.message).toMatch(/^line 3: this line is not lined up with the lines above it/);
    expect(d.hint).toMatch(/indent line 3 with (2|0) spaces/);
    expect(first('a:\n  - x\n - y\n').message).toMatch(/^line 3: this line is not lined up/);
  });
  it('a quote that is never closed points at the opening line, not the end of the file', () => {
    const d = first('a: 1\nb: "hello\nc: 3\nd: 4\n');
    expect(d.line).toBe(2);
    expect(d.message).toMatch(/^line 2: the quoted text that starts here is never closed/);
    expect(d.hint).toMatch(/End the text with " on line 2/);
  });
  it('a key used twice names the first use', () => {
    expect(first('a: 1\nb: 2\na: 3\n').message).toMatch(
      /^line 3: the key "a" is used twice in the same mapping \(first on line 1\)/,
    );
  });
  it('a text starting with a reserved character', () => {
    const d = first('a: @home\n');
    expect(d.message).toMatch(/^line 1: a text cannot start with @ unless it is in quotes/);
    expect(d.hint).toBe('Write it as  a: "@home"');
  });
  it('says how many more parser messages it left out', () => {
    expect(first('a:\n  - x\n - y\n').hint).toMatch(/reported \d+ more problem\(s\) after this one/);
  });
});

describe('plain-word YAML errors: flow collections', () => {
  it('an unclosed [ points at its own line, not where the parser noticed', () => {
    const d = first('ratings:\n  relationships: [unclosed\n  feedback: proficient\n');
    expect(d).toMatchObject({ line: 2, col: 18 });
    expect(d.message).toMatch(/^line 2: this \[ list \] or \{ mapping \} is not closed on its line/);
  });
});
