import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './browser.js';

/** What a report page did in headless Chromium. */
export interface PageCheck {
  /** Plotly figures drawn (each with its SVG). */
  plots: number;
  pageErrors: string[];
  consoleErrors: string[];
  /** Requests for anything but the page itself (blocked, so the check never reaches the network). */
  externalRequests: string[];
}

/**
 * Opens each HTML file in Debian's Chromium (fresh profile), waits for `expectedPlots` plotly figures to be
 * drawn, records page errors, console errors and every request other than the file itself (aborted), and
 * saves a screenshot of the page from its first figure on.
 */
export async function checkPages(
  pages: { html: string; expectedPlots: number; screenshot: string }[],
): Promise<PageCheck[]> {
  const ctx = await launchChromium(mkdtempSync(join(tmpdir(), 'sq-chromium-')), {
    viewport: { width: 1280, height: 1400 },
    deviceScaleFactor: 0.6,
  });
  try {
    const out: PageCheck[] = [];
    for (const p of pages) {
      const page = await ctx.newPage();
      const self = `file://${p.html}`;
      const check: PageCheck = { plots: 0, pageErrors: [], consoleErrors: [], externalRequests: [] };
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url === self || url.startsWith('data:')) return route.continue();
        check.externalRequests.push(url);
        return route.abort();
      });
      page.on('pageerror', (e) => check.pageErrors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') check.consoleErrors.push(m.text());
      });
      await page.goto(self, { waitUntil: 'load' });
      await page
        .waitForFunction(
          `document.querySelectorAll('.js-plotly-plot .main-svg').length >= ${p.expectedPlots}`,
          null,
          {
            timeout: 30_000,
          },
        )
        .catch(() => undefined);
      check.plots = await page.locator('.js-plotly-plot:has(.main-svg)').count();
      // The screenshot starts at the first figure (with its section heading), not at the imports.
      await page.evaluate(
        "(() => { const f = document.querySelector('.js-plotly-plot'); if (f) { f.scrollIntoView(); window.scrollBy(0, -90); } })()",
      );
      await page.screenshot({ path: p.screenshot });
      await page.close();
      out.push(check);
    }
    return out;
  } finally {
    await ctx.close();
  }
}
