import { childEnv, settings } from '../config/index.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type Issue, logger, ReportError } from '../core/index.js';
import { projectVenv, REPORT_FILES } from '../pipeline/index.js';
import { notebookFailure, parseNotebookResults } from './notebook-error.js';
import { offlineProblems } from './offline-html.js';

/** What runNotebooks needs: which notebooks, where the HTML goes, and which project they read. */
export interface RunNotebooksOptions {
  /** Directory of the notebooks (`<name>.ipynb`) and of the nbconvert template (`templates/offline`). */
  notebooksDir: string;
  names: readonly string[];
  outDir: string;
  /** Project whose params.yaml and artifacts the notebooks read (SENSEQUANT_PROJECT_DIR of the kernels). */
  projectDir: string;
  /** The project venv's python (default: the nearest .venv/bin/python from the working directory up). */
  python?: string;
  /** The runner script (default scripts/execute-notebooks.py of the working directory). */
  script?: string;
  /** Notebooks executed at once (default: all). */
  concurrency?: number;
  /** Seconds a cell may run (default 600). */
  cellTimeoutS?: number;
}

/** One executed notebook. */
export interface NotebookRun {
  name: string;
  html: string;
  seconds: number;
  figures: number;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-200_000);
    });
    child.on('error', (e) => done({ code: -1, stdout, stderr: `${stderr}\n${e.message}` }));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Executes notebooks headless with the tslab kernel into self-contained HTML pages: nbconvert's execution
 * (nbclient) and HTML export with the offline template, all notebooks at once in one Python process
 * (scripts/execute-notebooks.py; one interpreter start-up instead of one per notebook, kernels in
 * parallel). All-or-nothing: pages are written to a temp dir and moved into `outDir` only when every
 * notebook ran and every page passed the offline check; otherwise a ReportError names each failing
 * notebook and cell.
 */
export async function runNotebooks(opts: RunNotebooksOptions): Promise<NotebookRun[]> {
  const python = opts.python ?? join(projectVenv(), 'bin', 'python');
  const script = opts.script ?? resolve('scripts', 'execute-notebooks.py');
  for (const [path, what] of [
    [python, 'the project venv'],
    [script, 'the notebook runner'],
  ]) {
    if (!existsSync(path)) {
      throw new ReportError(`${what} is missing`, [
        {
          path,
          message: 'not found',
          fix: 'npm run bootstrap (installs .venv with nbconvert and the tslab kernel)',
        },
      ]);
    }
  }
  const tmp = join(opts.outDir, `.report-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const notebooks = opts.names.map((n) => join(opts.notebooksDir, `${n}.ipynb`));
    const r = await run(
      python,
      [
        script,
        '--out',
        tmp,
        '--template-dir',
        resolve(opts.notebooksDir, 'templates'),
        '--timeout',
        String(opts.cellTimeoutS ?? 600),
        ...(opts.concurrency ? ['--jobs', String(opts.concurrency)] : []),
        ...notebooks,
      ],
      childEnv({
        SENSEQUANT_PROJECT_DIR: resolve(opts.projectDir),
        SENSEQUANT_LOG_LEVEL: settings().logLevel === 'debug' ? 'debug' : 'warn',
      }),
    );
    const results = parseNotebookResults(r.stdout);
    const issues: Issue[] = results.filter((x) => !x.ok).map(notebookFailure);
    if (results.length !== notebooks.length) {
      issues.push({
        path: script,
        message: `the notebook runner stopped (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-4).join(' | ').slice(-800)}`,
        fix: 'npm run bootstrap, then run the stage again',
      });
    }
    const runs: NotebookRun[] = [];
    for (const x of results.filter((y) => y.ok)) {
      const name = basename(x.notebook, '.ipynb');
      const html = join(tmp, REPORT_FILES.html(name));
      const check = offlineProblems(html);
      issues.push(...check.issues);
      runs.push({ name, html, seconds: x.seconds, figures: check.figures });
      logger.info('report: notebook executed', {
        notebook: name,
        seconds: Number(x.seconds.toFixed(1)),
        figures: check.figures,
      });
    }
    if (issues.length > 0) {
      throw new ReportError(`${issues.length} notebook problem${issues.length === 1 ? '' : 's'}`, issues);
    }
    return runs
      .sort((a, b) => opts.names.indexOf(a.name) - opts.names.indexOf(b.name))
      .map((x) => {
        const dest = join(opts.outDir, REPORT_FILES.html(x.name));
        renameSync(x.html, dest);
        return { ...x, html: dest };
      });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
