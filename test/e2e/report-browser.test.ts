// The HTML report in a real browser (Debian's chromium through playwright-core): no horizontal scrolling at
// 1280 and 390 px, nothing fetched from anywhere, and at most two printed pages on A4 and on Letter.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fixture, runCli, sandbox } from '../helpers/cli.js';
import { CHROMIUM, hasChromium, launchChromium, pageCount } from '../support/chromium.mjs';

describe.skipIf(!hasChromium)('profile report --format html in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  for (const name of ['ohio-2025.yaml', 'sbic-2014.yaml']) {
    it(`${name}: fits 1280 and 390 px, loads nothing, prints on 1-2 pages`, async () => {
      const box = sandbox();
      const out = join(box.cwd, 'report.html');
      const r = runCli(['report', fixture('report', name), '--format', 'html', '--out', out], {
        cwd: box.cwd,
        env: box.env,
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      for (const width of [1280, 390]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const requests: string[] = [];
        page.on('request', (q) => requests.push(q.url()));
        await page.goto(pathToFileURL(out).href);
        const [scroll, client] = (await page.evaluate(
          '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
        )) as number[];
        expect(scroll, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(client);
        expect(await page.locator('h2', { hasText: 'Action plan' }).isVisible()).toBe(true);
        expect(requests).toEqual([pathToFileURL(out).href]);
        if (width === 390) {
          for (const format of ['A4', 'Letter'] as const) {
            const pdf = await page.pdf({ format });
            writeFileSync(join(box.cwd, `report-${format}.pdf`), pdf);
            const n = pageCount(pdf);
            expect(n, `${format} pages`).toBeGreaterThanOrEqual(1);
            expect(n, `${format} pages`).toBeLessThanOrEqual(2);
          }
        }
        await page.close();
      }
    });
  }
});

if (!hasChromium)
  describe('profile report in a browser', () =>
    it.skip(`skipped: chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`, () => {}));
