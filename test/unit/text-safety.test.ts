// Control and bidi characters from files never reach a terminal or a document as themselves.
import { describe, expect, it } from 'vitest';
import { hasUnsafeChars, safeLine, safeText } from '../../src/text-safety.js';

const EVIL = 'Evil\x1b]0;TITLE\x07\x1b[2J\rSouth\u202Eelif.exe\x9b31m';

describe('safeText', () => {
  it('escapes ESC, BEL, a lone CR, C1 controls and a right-to-left override, visibly', () => {
    expect(safeText(EVIL)).toBe('Evil\\e]0;TITLE\\x07\\e[2J\\rSouth\\u202Eelif.exe\\x9B31m');
  });
  it('keeps newlines, tabs and ordinary Unicode; drops the CR of a CRLF', () => {
    expect(safeText('a\tb\nc\r\nd é ü 漢字 🙂')).toBe('a\tb\nc\nd é ü 漢字 🙂');
  });
  it('escapes every bidi embedding, override, isolate and mark', () => {
    const bidi = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    expect(safeText(bidi)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  });
  it('leaves nothing below U+0020 but tab and newline, and no DEL or C1', () => {
    let all = '';
    for (let c = 0; c < 0xa0; c++) all += String.fromCharCode(c);
    expect(safeText(all)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });
});

describe('safeLine', () => {
  it('escapes newlines and tabs too, so one value stays one line', () => {
    expect(safeLine('# Title\n# Forged\tx\r')).toBe('# Title\\n# Forged\\tx\\r');
    expect(safeLine(EVIL)).toBe(safeText(EVIL));
  });
});

describe('hasUnsafeChars', () => {
  it('tells whether safeText would change the text', () => {
    expect(hasUnsafeChars(EVIL)).toBe(true);
    expect(hasUnsafeChars('plain\ntext\r\n')).toBe(false);
    expect(hasUnsafeChars('plain')).toBe(false);
  });
});
