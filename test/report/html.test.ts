import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  figureHtml,
  formatCell,
  markdownTable,
  offlineProblems,
  PLOTLY_MARKER,
  plotlyLibraryHtml,
  tableHtml,
} from '../../src/report/index.js';

describe('tables', () => {
  it('formats cells: integers as is, 4 significant digits, null/NaN as –, booleans as yes/no', () => {
    expect([1234567, 0.123456, 12.34567, null, Number.NaN, true, 'x'].map((v) => formatCell(v))).toEqual([
      '1234567',
      '0.1235',
      '12.35',
      '–',
      '–',
      'yes',
      'x',
    ]);
  });

  it('renders rows or a data frame (index shown unless 0…n−1), escaping HTML', () => {
    const html = tableHtml([{ a: '<b>', b: 1.5 }], { caption: 'c&d' });
    expect(html).toContain('<caption>c&amp;d</caption>');
    expect(html).toContain('<th>a</th><th>b</th>');
    expect(html).toContain('<td>&lt;b&gt;</td><td style="text-align:right">1.5</td>');
    const frame = tableHtml({ columns: ['x'], values: [[1], [2]], index: ['mean', 'std'] });
    expect(frame).toContain('<th></th><th>x</th>');
    expect(frame).toContain('<td>mean</td>');
    expect(tableHtml({ columns: ['x'], values: [[1]], index: [0] })).not.toContain('<th></th>');
    expect(tableHtml([{ a: 1 }, { a: 2 }, { a: 3 }], { maxRows: 2 })).toContain('… 1 more rows');
  });

  it('renders Markdown tables with escaped pipes', () => {
    expect(markdownTable([{ k: 'a|b', v: 0.5 }])).toBe('| k | v |\n| --- | --- |\n| a\\|b | 0.5 |');
  });
});

describe('figure HTML', () => {
  it('embeds the spec in a script that cannot be closed early, with sequential ids', () => {
    const a = figureHtml({ data: [{ type: 'bar', name: '</script><script>alert(1)</script>' }], layout: {} });
    const b = figureHtml({ data: [], layout: { height: 300 } });
    const n = Number(/sq-fig-(\d+)/.exec(a)?.[1]);
    expect(b).toContain(`id="sq-fig-${n + 1}"`);
    expect(b).toContain('min-height:300px');
    // Only the two script tags of the fragment itself; the name survives as escaped JSON.
    expect(a.match(/<\/script>/g)).toHaveLength(1);
    expect(a).toContain('\\u003c/script>');
    expect(figureHtml({ data: [], layout: {} }, { id: 'mine' })).toContain('id="mine"');
  });

  it('inlines plotly.js once, guarded, marked for the offline check', () => {
    const lib = plotlyLibraryHtml();
    expect(lib.startsWith(`<script id="${PLOTLY_MARKER}">if (!window.Plotly)`)).toBe(true);
    expect(lib).toMatch(/plotly\.js v\d+\.\d+\.\d+/);
    expect(lib.length).toBeGreaterThan(1_000_000);
    // Exactly one closing tag: the bundle cannot end the script early.
    expect(lib.match(/<\/script/gi)).toHaveLength(1);
  });
});

describe('offlineProblems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sq-offline-'));
  const page = (name: string, body: string) => {
    const p = join(dir, name);
    writeFileSync(p, `<!DOCTYPE html><html><head></head><body>${body}</body></html>`);
    return p;
  };
  const fig = '<div id="sq-fig-1" class="sq-figure"></div>';
  const lib = `<script id="${PLOTLY_MARKER}">/* plotly */</script>`;

  it('passes a page with plotly inlined once and plain links', () => {
    const r = offlineProblems(page('ok.html', `${lib}${fig}${fig}<a href="https://plotly.com">docs</a>`));
    expect(r).toEqual({ figures: 2, plotlyCopies: 1, issues: [] });
  });

  it('flags what a browser would fetch: scripts (nbconvert’s require.js), stylesheets, images, CSS imports', () => {
    const r = offlineProblems(
      page(
        'cdn.html',
        `${lib}${fig}<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>` +
          `<link rel="stylesheet" href="//fonts.example.com/a.css"><img src='http://x/y.png'>` +
          `<style>@import url("https://x/z.css");</style>`,
      ),
    );
    expect(r.issues.map((i) => i.path.slice(0, 12))).toEqual([
      '<script src=',
      '<link rel="s',
      "<img src='ht",
      '@import url(',
    ]);
  });

  it('requires exactly one plotly copy when the page has figures', () => {
    expect(offlineProblems(page('none.html', fig)).issues[0].message).toContain('found 0 copies');
    expect(offlineProblems(page('two.html', `${lib}${lib}${fig}`)).issues[0].message).toContain(
      'found 2 copies',
    );
    expect(offlineProblems(page('text.html', '<p>no figures</p>')).issues).toEqual([]);
  });
});
