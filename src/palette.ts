// Profile colours (a name from the schema, or #rrggbb) as hex, for terminals and the HTML report alike.

const NAMED: Record<string, string> = {
  green: '#2e7d32', yellow: '#f9a825', pink: '#e91e63', red: '#c62828', orange: '#ef6c00', blue: '#1565c0',
  cyan: '#00838f', teal: '#00796b', magenta: '#ad1457', purple: '#6a1b9a', grey: '#757575',
};

/** Only #rrggbb or a known name comes out, so the result is safe inside a style attribute. */
export function colourHex(colour: string): string {
  if (/^#[0-9a-fA-F]{6}$/.test(colour)) return colour;
  return NAMED[colour] ?? NAMED.grey;
}
