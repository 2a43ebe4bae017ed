import { describe, expect, it } from 'vitest';
import { locate, parseYaml } from '../../src/yaml-source.js';

describe('parseYaml', () => {
  it('reads BOM and CRLF files like any other', () => {
    expect(parseYaml('\ufeffa: 1\r\nb: two\r\n', 'x.yaml').value).toEqual({ a: 1, b: 'two' });
  });
  it('reports a syntax error with line and column', () => {
    const r = parseYaml('a: 1\nb: [1, 2\nc: 3\n', 'x.yaml');
    expect(r.value).toBeUndefined();
    // At the unclosed [ on line 2, not where the parser noticed (line 3).
    expect(r.diagnostics[0]).toMatchObject({ file: 'x.yaml', line: 2, col: 4, severity: 'error', code: 'yaml-syntax' });
  });
  it('rejects duplicate keys', () => {
    expect(parseYaml('a: 1\na: 2\n', 'x.yaml').diagnostics[0]).toMatchObject({
      line: 2,
      col: 1,
      message:
        'line 2: the key "a" is used twice in the same mapping (first on line 1) (parser: Map keys must be unique)',
    });
  });
  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const r = parseYaml(lines.join('\n'), 'bomb.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0].message).toMatch(/alias bomb/);
  });
  it('survives very deep nesting', () => {
    const r = parseYaml('['.repeat(50000) + ']'.repeat(50000), 'deep.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0].message).toBe('nesting is too deep to read');
  });
});

describe('locate', () => {
  const src = parseYaml('top:\n  list:\n    - id: a\n    - id: b\n      text: hello\n', 'x.yaml');
  it('finds the value at a path', () => {
    expect(locate(src, ['top', 'list', 1, 'text'])).toEqual({ file: 'x.yaml', line: 5, col: 13 });
  });
  it('can point at the key instead', () => {
    expect(locate(src, ['top', 'list', 1, 'text'], true)).toEqual({ file: 'x.yaml', line: 5, col: 7 });
  });
  it('falls back to the nearest existing parent', () => {
    expect(locate(src, ['top', 'list', 1, 'missing'])).toEqual({ file: 'x.yaml', line: 4, col: 7 });
  });
});
