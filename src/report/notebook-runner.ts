import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Issue, logger, ReportError } from '../core/index.js';
import { REPORT_FILES } from '../pipeline/index.js';
import { notebookFailure } from './notebook-error.js';
import { offlineProblems } from './offline-html.js';

/** What runNotebooks needs: which notebooks, where the HTML goes, and which project they read. */
export interface RunNotebooksOptions {
  /** Directory of the notebooks (`<name>.ipynb`) and of the nbconvert template (`templates/offline`). */
  notebooksDir: string;
  names: readonly string[];
  outDir: string;
  /** Project whose params.yaml and artifacts the notebooks read (SENSEQUANT_PROJECT_DIR of the kernels). */
  projectDir: string;
  /** The jupyter executable (default .venv/bin/jupyter of the working directory). */
  jupyter?: string;
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

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-200_000);
    });
    child.on('error', (e) => done({ code: -1, stderr: `${stderr}\n${e.message}` }));
    child.on('close', (code) => done({ code: code ?? -1, stderr }));
  });
}

/**
 * Executes notebooks headless with the tslab kernel (`jupyter nbconvert --execute --to html`, the offline
 * template) into self-contained HTML pages. All-or-nothing: pages are written to a temp dir and moved into
 * `outDir` only when every notebook ran and every page passed the offline check; otherwise a ReportError
 * names each failing notebook and cell.
 */
export async function runNotebooks(opts: RunNotebooksOptions): Promise<NotebookRun[]> {
  const jupyter = opts.jupyter ?? resolve('.venv', 'bin', 'jupyter');
  const tmp = join(opts.outDir, `.report-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const env = {
    ...process.env,
    SENSEQUANT_PROJECT_DIR: resolve(opts.projectDir),
    SENSEQUANT_LOG_LEVEL: process.env.SENSEQUANT_LOG_LEVEL === 'debug' ? 'debug' : 'warn',
  };
  const issues: Issue[] = [];
  const runs: NotebookRun[] = [];
  const queue = [...opts.names];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const nb = join(opts.notebooksDir, `${name}.ipynb`);
      const t0 = performance.now();
      const r = await run(
        jupyter,
        [
          'nbconvert',
          '--execute',
          '--to',
          'html',
          `--TemplateExporter.extra_template_basedirs=${resolve(opts.notebooksDir, 'templates')}`,
          '--template',
          'offline',
          '--ExecutePreprocessor.kernel_name=tslab',
          `--ExecutePreprocessor.timeout=${opts.cellTimeoutS ?? 600}`,
          '--output-dir',
          tmp,
          '--output',
          name,
          nb,
        ],
        env,
      );
      const seconds = (performance.now() - t0) / 1000;
      if (r.code !== 0) {
        issues.push(notebookFailure(nb, r.stderr));
        continue;
      }
      const html = join(tmp, REPORT_FILES.html(name));
      const check = offlineProblems(html);
      issues.push(...check.issues);
      runs.push({ name, html, seconds, figures: check.figures });
      logger.info('report: notebook executed', {
        notebook: name,
        seconds: Number(seconds.toFixed(1)),
        figures: check.figures,
      });
    }
  };
  if (!existsSync(jupyter)) {
    rmSync(tmp, { recursive: true, force: true });
    throw new ReportError('jupyter is not installed', [
      {
        path: jupyter,
        message: 'not found',
        fix: 'npm run bootstrap (installs .venv with nbconvert and the tslab kernel)',
      },
    ]);
  }
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? opts.names.length) }, worker));
  if (issues.length > 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new ReportError(`${issues.length} notebook problem${issues.length === 1 ? '' : 's'}`, issues);
  }
  const out = runs
    .sort((a, b) => opts.names.indexOf(a.name) - opts.names.indexOf(b.name))
    .map((r) => {
      const dest = join(opts.outDir, REPORT_FILES.html(r.name));
      renameSync(r.html, dest);
      return { ...r, html: dest };
    });
  rmSync(tmp, { recursive: true, force: true });
  return out;
}
