// The HTML summary in a real browser (Debian's chromium through playwright-core) on a fixed small state
// (test/fixtures/summarize/state, 80 records, two cycles): no horizontal overflow at 1280 and 390 px,
// every chart present, nothing fetched, readable contrast in the heat map, and a printed length within a
// budget on A4 and Letter. Screenshots and PDFs are kept in test/artifacts/ (not compared to goldens).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fixture, runCli, sandbox } from '../helpers/cli.js';
import { CHROMIUM, hasChromium, launchChromium, pageCount } from '../support/chromium.mjs';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
const STATE = fixture('summarize', 'state');

/** WCAG contrast ratio of two "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0'])
      .slice(0, 3)
      .map((x) => Number(x) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe.skipIf(!hasChromium)('profile summarize --format html in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  const cases = [
    { name: 'state-by-region', args: ['--cycle', '2025-26 baseline', '--by', 'region,district'], pages: 7 },
    { name: 'growth', args: ['--growth', '2025-26 baseline..2025-26 end of year', '--by', 'region'], pages: 15 },
  ];
  for (const c of cases) {
    it(`${c.name}: fits 1280 and 390 px, every chart present, loads nothing, prints within ${c.pages} pages`, async () => {
      const box = sandbox();
      const out = join(box.cwd, 'summary.html');
      const r = runCli(['summarize', STATE, ...c.args, '--title', 'Test state report', '--out', out], {
        cwd: box.cwd,
        env: box.env,
      });
      expect(r.code, r.stderr).toBe(0);
      for (const width of [1280, 390]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const requests: string[] = [];
        page.on('request', (q) => requests.push(q.url()));
        await page.goto(pathToFileURL(out).href);
        expect(requests).toEqual([pathToFileURL(out).href]);
        const [scroll, client] = (await page.evaluate(
          '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
        )) as number[];
        expect(scroll, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(client);
        expect(await page.locator('h1').textContent()).toBe('Test state report');
        expect(await page.locator('table.heat').count()).toBeGreaterThan(0);
        expect(await page.locator('.hbar').count()).toBeGreaterThan(0);
        expect(await page.locator('.steps').count()).toBeGreaterThan(0);
        expect(await page.locator('.bar .target').count()).toBeGreaterThan(0);
        if (c.name === 'growth') expect(await page.locator('.growth .pair').count()).toBeGreaterThan(0);
        // Heat-map cells: dark text on the lightest and darkest green both readable (WCAG AA, 4.5:1).
        const cells = (await page.evaluate(
          `[...document.querySelectorAll('table.heat td[style]')].map((td) => { const s = getComputedStyle(td); return [s.color, s.backgroundColor]; })`,
        )) as string[][];
        expect(cells.length).toBeGreaterThan(0);
        for (const [fg, bg] of cells) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        await page.screenshot({ path: join(ARTIFACTS, `summary-${c.name}-${width}.png`), fullPage: true });
        if (width === 1280) {
          for (const format of ['A4', 'Letter'] as const) {
            const pdf = await page.pdf({ format });
            writeFileSync(join(ARTIFACTS, `summary-${c.name}-${format}.pdf`), pdf);
            expect(pageCount(pdf), `${format} pages`).toBeLessThanOrEqual(c.pages);
          }
        }
        await page.close();
      }
    }, 120_000);
  }
});

if (!hasChromium)
  describe('profile summarize in a browser', () =>
    it.skip(`skipped: chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`, () => {}));
