import { basename } from 'node:path';
import type { Issue } from '../core/index.js';

/** One notebook's result line from scripts/execute-notebooks.py. */
export interface NotebookResult {
  notebook: string;
  ok: boolean;
  seconds: number;
  /** The exception that stopped the notebook (type: message). */
  error?: string;
  /** 1-based position of the failing cell in the notebook, its id and source. */
  cell?: number;
  id?: string | null;
  source?: string;
  /** The failing cell's stderr and error outputs. */
  text?: string;
}

/** Prefix of the result lines on the script's stdout (anything else there is ignored). */
export const RESULT_PREFIX = '@@notebook-result ';

/** The result lines of an execute-notebooks.py run. */
export function parseNotebookResults(stdout: string): NotebookResult[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(RESULT_PREFIX))
    .map((l) => JSON.parse(l.slice(RESULT_PREFIX.length)) as NotebookResult);
}

/** The first meaningful lines of a cell's error: the error line and its issues, or the compile diagnostics. */
function errorLines(text: string): string[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('-----'));
  const at = lines.findIndex((l) => /^(?:[A-Z][A-Za-z]*)?(?:Error|Exception)\b/.test(l));
  if (at >= 0) {
    const out = [lines[at]];
    for (let i = at + 1; i < lines.length && /^\s+- /.test(lines[i]); i++) out.push(lines[i].trim());
    return out.slice(0, 6);
  }
  return lines.filter((l) => !/^\s+at /.test(l)).slice(0, 4);
}

/**
 * The Issue of a notebook that failed: its file, the failing cell (position, id, first source line) and
 * the error the cell printed; without a failing cell (the kernel did not start…), the exception.
 */
export function notebookFailure(r: NotebookResult): Issue {
  const fix =
    'open the notebook in JupyterLab (npm run lab), run it, and fix the library or the artifacts it reads';
  if (r.cell === undefined) {
    const kernel = /NoSuchKernel|No such kernel/i.test(r.error ?? '');
    return {
      file: r.notebook,
      path: basename(r.notebook),
      message: `the notebook did not run: ${(r.error ?? 'unknown error').slice(0, 800)}`,
      fix: kernel ? 'register the tslab kernel: npm run bootstrap' : fix,
    };
  }
  const first = (r.source ?? '').trim().split('\n')[0].slice(0, 100);
  return {
    file: r.notebook,
    path: `cell ${r.cell}${r.id ? ` (id ${r.id})` : ''} \`${first}\``,
    message: errorLines(r.text || r.error || '').join(' | ') || 'the cell raised an error',
    fix,
  };
}
