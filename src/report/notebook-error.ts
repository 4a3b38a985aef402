import { basename } from 'node:path';
import type { Issue } from '../core/index.js';
import { READ_LIMITS, readJsonBounded } from '../pipeline/index.js';

interface Cell {
  cell_type: string;
  id?: string;
  source: string | string[];
}

const text = (s: string | string[]) => (Array.isArray(s) ? s.join('') : s);
const RULE = '------------------';

/** The first meaningful lines of a cell's error: the error line and its issues, or the compile diagnostics. */
function errorLines(block: string): string[] {
  const lines = block.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('-----'));
  const at = lines.findIndex((l) => /^(?:[A-Z][A-Za-z]*)?(?:Error|Exception)\b/.test(l));
  if (at >= 0) {
    const out = [lines[at]];
    for (let i = at + 1; i < lines.length && /^\s+- /.test(lines[i]); i++) out.push(lines[i].trim());
    return out.slice(0, 6);
  }
  return lines.filter((l) => !/^\s+at /.test(l)).slice(0, 4);
}

/**
 * Names the failing cell of an nbconvert run from its stderr: nbclient prints the cell's source between
 * rules, which is matched back to the notebook's cells to get its position and id. When no cell failed
 * (the kernel did not start, a template is missing…) the last lines of stderr are the message.
 */
export function notebookFailure(notebookPath: string, stderr: string): Issue {
  const fix =
    'open the notebook in JupyterLab (npm run lab), run it, and fix the library or the artifacts it reads';
  const m = /executing the following cell:\n-{18}\n([\s\S]*?)\n-{18}\n([\s\S]*)$/.exec(stderr);
  if (!m) {
    const tail = stderr.trim().split('\n').slice(-4).join(' ').slice(-800);
    const kernel = /No such kernel/i.test(stderr);
    return {
      file: notebookPath,
      path: basename(notebookPath),
      message: `nbconvert failed before any cell ran: ${tail}`,
      fix: kernel ? 'register the tslab kernel: npm run bootstrap' : fix,
    };
  }
  const source = m[1].trim();
  const [block] = m[2].split(`\n${RULE}\n`);
  let where = 'a cell';
  try {
    const nb = readJsonBounded(notebookPath, { maxBytes: READ_LIMITS.metadata, what: 'notebook' }) as {
      cells: Cell[];
    };
    const idx = nb.cells.findIndex((c) => c.cell_type === 'code' && text(c.source).trim() === source);
    if (idx >= 0) where = `cell ${idx + 1}${nb.cells[idx].id ? ` (id ${nb.cells[idx].id})` : ''}`;
  } catch {
    // The notebook itself is unreadable: the source line below still names the cell.
  }
  return {
    file: notebookPath,
    path: `${where}: ${source.split('\n')[0].slice(0, 100)}`,
    message: errorLines(block).join(' | ') || 'the cell raised an error',
    fix,
  };
}
