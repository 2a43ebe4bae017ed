// Profile colours (a name from the schema, or #rrggbb) as hex, for terminals and the HTML report alike.

const NAMED: Record<string, string> = {
  green: '#2e7d32',
  yellow: '#f9a825',
  pink: '#e91e63',
  red: '#c62828',
  orange: '#ef6c00',
  blue: '#1565c0',
  cyan: '#00838f',
  teal: '#00796b',
  magenta: '#ad1457',
  purple: '#6a1b9a',
  grey: '#757575',
};

/** Only #rrggbb or a known name comes out, so the result is safe inside a style attribute. */
export function colourHex(colour: string): string {
  if (/^#[0-9a-fA-F]{6}$/.test(colour)) return colour;
  return NAMED[colour] ?? NAMED.grey;
}

/** Highlighter-like fills for the same names (as on the paper profiles), light enough for dark text on top. */
const HIGHLIGHTER: Record<string, string> = {
  green: '#5fd35f',
  teal: '#4fc3f7',
  cyan: '#4fc3f7',
  blue: '#64b5f6',
  yellow: '#ffe74c',
  orange: '#ffb347',
  pink: '#ff80bf',
  red: '#ff6b6b',
  magenta: '#e57cd8',
  purple: '#b39ddb',
  grey: '#bdbdbd',
};

export function highlighterHex(colour: string): string {
  if (/^#[0-9a-fA-F]{6}$/.test(colour)) return colour;
  return HIGHLIGHTER[colour] ?? HIGHLIGHTER.grey;
}
