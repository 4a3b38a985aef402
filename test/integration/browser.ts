import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's chromium (the bootstrap installs it); never a downloaded browser build. */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? 'chromium';

/** Flags every browser test starts Debian's Chromium with: headless, no sandbox, no network services. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Headless Chromium on a fresh profile directory (the one way the tests launch a browser). */
export function launchChromium(
  profile: string,
  opts: { viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {},
) {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...opts,
  });
}

/** What a page did while it rendered. */
export interface PageReport {
  /** Uncaught exceptions and console errors. */
  errors: string[];
  /** Every request the page made other than loading the page file itself. */
  requests: string[];
  /** One entry per DVC plot container (`body > div`): its id and how many Vega marks it drew. */
  charts: { id: string; marks: number; text: string }[];
}

/**
 * Opens an HTML file in headless Chromium (fresh profile, no network services) and reports errors,
 * requests and the marks each chart drew once Vega has rendered.
 */
export async function renderPage(file: string): Promise<PageReport> {
  const profile = mkdtempSync(join(tmpdir(), 'sq-chromium-'));
  const context = await launchChromium(profile);
  try {
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    // vegaEmbed renders asynchronously: wait until every container holds an SVG or canvas, or time out.
    // (Browser-side code as strings: the project compiles without the DOM library.)
    await page
      .waitForFunction(
        "[...document.querySelectorAll('body > div')].every((d) => d.querySelector('svg, canvas'))",
        undefined,
        { timeout: 15_000 },
      )
      .catch(() => undefined);
    const charts = (await page.evaluate(`[...document.querySelectorAll('body > div')].map((d) => ({
      id: d.id,
      marks: d.querySelectorAll('g.role-mark > *').length,
      text: d.querySelector('svg')?.textContent ?? '',
    }))`)) as PageReport['charts'];
    return { errors, requests, charts };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
