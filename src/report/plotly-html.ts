import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Figure } from './figure.js';

const require = createRequire(import.meta.url);
let figureCount = 0;
let library: string | null = null;

/** Marks the one inlined copy of plotly.js in a page (the offline check counts it). */
export const PLOTLY_MARKER = 'sensequant-plotly-library';

/** plotly.js source (plotly.js-dist-min), read once per process. */
export function plotlySource(): string {
  library ??= readFileSync(require.resolve('plotly.js-dist-min'), 'utf8');
  return library;
}

/** Safe inside a `<script>` element: no `</script>` (or `<!--`) can end it early. */
function scriptSafe(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A `<script>` that defines `window.Plotly` from the inlined plotly.js bundle: emit it once per page (the
 * first cell of a notebook), before any figure. Pages built from it open offline.
 */
export function plotlyLibraryHtml(): string {
  // A page that already has plotly skips the second copy; AMD loaders (require.js) are bypassed so the
  // bundle always lands on window.Plotly.
  return `<script id="${PLOTLY_MARKER}">if (!window.Plotly) { (function (define, module, exports) {\n${plotlySource().replace(/<\/script/gi, '<\\/script')}\n}).call(window, undefined, undefined, undefined); }</script>`;
}

/** Options of figureHtml. */
export interface FigureHtmlOptions {
  /** Element id; default `sq-fig-<n>` (n counts figures rendered by this process, so pages are stable). */
  id?: string;
}

/**
 * A figure as an HTML fragment: a div and a script drawing it with the page's plotly (see
 * plotlyLibraryHtml). Outside a page with plotly the div says so instead of failing silently.
 */
export function figureHtml(fig: Figure, opts: FigureHtmlOptions = {}): string {
  figureCount++;
  const id = opts.id ?? `sq-fig-${figureCount}`;
  const height = typeof fig.layout.height === 'number' ? fig.layout.height : 420;
  const spec = scriptSafe(JSON.stringify({ data: fig.data, layout: fig.layout }));
  return (
    `<div id="${id}" class="sq-figure" style="width:100%;min-height:${height}px"></div>\n` +
    `<script>(function () { var el = document.getElementById(${JSON.stringify(id)}); var f = ${spec};\n` +
    `if (!window.Plotly) { el.textContent = 'plotly.js is not loaded on this page: run the first cell (plotlyLibraryHtml).'; return; }\n` +
    `window.Plotly.newPlot(el, f.data, f.layout, { responsive: true, displaylogo: false }); })();</script>`
  );
}
