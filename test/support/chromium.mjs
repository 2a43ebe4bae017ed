// Debian's chromium, driven by playwright-core (no browser download): one place for where it is, how it
// is started, and the PDF page count the print checks use. Plain JS so the screenshot script shares it.
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Headless, no sandbox (CI runs as root), and nothing started that would reach the network. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Pages in a PDF that chromium wrote (its page objects are plain dictionaries). */
export function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
