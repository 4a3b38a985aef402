import type { Issue } from '../core/index.js';
import { READ_LIMITS, readTextBounded } from '../pipeline/index.js';
import { PLOTLY_MARKER } from './plotly-html.js';

/** What offlineProblems found in one HTML page. */
export interface OfflineCheck {
  figures: number;
  plotlyCopies: number;
  issues: Issue[];
}

// Elements that make a browser fetch their URL on load (links in <a> are not fetched).
const FETCHING =
  /<(script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*["']?(https?:)?\/\/[^"'\s>]+|<link\b[^>]*\bhref\s*=\s*["']?(https?:)?\/\/[^"'\s>]+|@import\s+(url\()?["']?(https?:)?\/\//gi;

/**
 * Checks that an HTML report opens offline: nothing is fetched from the network (no external script,
 * stylesheet, image or CSS import) and, when it has figures, plotly.js is inlined exactly once.
 */
export function offlineProblems(htmlPath: string): OfflineCheck {
  const html = readTextBounded(htmlPath, { maxBytes: READ_LIMITS.columnsCsv, what: 'HTML report' });
  const figures = (html.match(/class="sq-figure"/g) ?? []).length;
  const plotlyCopies = (html.match(new RegExp(`<script id="${PLOTLY_MARKER}"`, 'g')) ?? []).length;
  const issues: Issue[] = [];
  for (const m of html.matchAll(FETCHING)) {
    issues.push({
      file: htmlPath,
      path: m[0].slice(0, 120),
      message: 'the page fetches this from the network',
      fix: 'inline it (the offline template drops require.js, MathJax and mermaid)',
    });
  }
  if (figures > 0 && plotlyCopies !== 1) {
    issues.push({
      file: htmlPath,
      path: 'plotly.js',
      value: plotlyCopies,
      message: `plotly.js must be inlined exactly once (found ${plotlyCopies} copies for ${figures} figures)`,
      fix: 'display plotlyLibraryHtml() once, in the first cell',
    });
  }
  return { figures, plotlyCopies, issues };
}
