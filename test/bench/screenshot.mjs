// `npm run screenshot`: regenerate the README's picture of the HTML summary (test/screenshots/), from
// the fixed small state in test/fixtures/summarize/state, in Debian's chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../support/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'pp-shot-'));
const html = join(work, 'summary.html');
execFileSync(
  process.execPath,
  [
    join(ROOT, 'bin/profile.js'),
    'summarize',
    join(ROOT, 'test/fixtures/summarize/state'),
    '--cycle',
    '2025-26 baseline',
    '--by',
    'region,district',
    '--title',
    'Example state, 2025-26 baseline',
    '--out',
    html,
  ],
  { stdio: 'inherit' },
);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  await page.goto(pathToFileURL(html).href);
  const out = join(ROOT, 'test/screenshots/summary-html.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
