import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { renderPage } from './browser.js';
import { dvc, repoCopy, run } from '../../bench/repo-copy.js';

// Slow: a two-point sweep queued and run by DVC's task queue (two workers) in a fresh copy of the repository,
// on a small window so the whole file stays near a minute; then the comparison views people use on it.

interface ExpRev {
  rev: string;
  name?: string;
  data: {
    params: Record<string, { data: Record<string, unknown> }>;
    metrics: Record<string, { data?: Record<string, number | null> }>;
  };
}
interface Baseline {
  rev: string;
  name?: string;
  experiments?: { name?: string; revs: ExpRev[] }[] | null;
}

const HEADLINE = [
  'reports/validation/metrics.json',
  'data/models/student/metrics.json',
  'data/models/teacher/metrics.json',
];
/** The page's charts: one per top-level plot definition in dvc.yaml. */
const PLOT_IDS = [
  'reliability',
  'roc_teacher',
  'roc_student',
  'precision_recall_teacher',
  'precision_recall_student',
  'confusion_teacher',
  'confusion_student',
  'feature_importance',
  'equity',
];
/** The 120-column comparison the README documents: changed params and the validation headline. */
const COMPACT = ['--only-changed', '--drop', 'Created|State|Executor|[ts]_|.*/|package-lock|dsr|ic'];

let repo = '';
let exps: ExpRev[] = [];

function queueDone(): string {
  // `dvc queue status` can fail while a worker rewrites its state file: retry until it answers.
  const deadline = Date.now() + 480_000;
  for (;;) {
    const r = run(repo, join(repo, '.venv', 'bin', 'dvc'), ['queue', 'status']);
    if (r.status === 0 && !/\b(Queued|Running)\b/.test(r.stdout)) return r.stdout;
    if (Date.now() > deadline) throw new Error(`queue did not finish:\n${r.stdout}\n${r.stderr}`);
    execFileSync('sleep', ['2']);
  }
}

describe('experiments wherever DVC runs them [slow]', () => {
  beforeAll(() => {
    repo = repoCopy('sq-exp-');
    const doc = parseDocument(readFileSync(join(repo, 'params.yaml'), 'utf8'));
    doc.setIn(['data', 'symbols'], ['RELIANCE', 'TCS', 'INFY', 'HDFCBANK', 'ICICIBANK', 'ITC']);
    doc.setIn(['data', 'end'], '2023-12-31');
    doc.setIn(['teacher', 'gbdt', 'num_rounds'], 60);
    doc.setIn(['teacher', 'oof_folds'], 3);
    doc.setIn(['validation', 'bootstrap_samples'], 200);
    writeFileSync(join(repo, 'params.yaml'), doc.toString());
    execFileSync('git', ['commit', '-q', '-am', 'small window for the test'], { cwd: repo });
    // DVC's temporary workspaces (.dvc/tmp/exps/…) hold only the git-tracked files — no dist/, no
    // node_modules, no .venv: every stage, the notebook reports included, must still run there.
    dvc(repo, 'exp', 'run', '--queue', '-S', 'teacher.gbdt.num_leaves=7,31');
    dvc(repo, 'queue', 'start', '-j', '2');
    const status = queueDone();
    const failed = [...status.matchAll(/^\w+\s+(\S+)\s+.*\bFailed\b/gm)].map((m) => m[1]);
    if (failed.length > 0) {
      const logs = failed.map(
        (n) => run(repo, join(repo, '.venv', 'bin', 'dvc'), ['queue', 'logs', n]).stdout,
      );
      throw new Error(`queued experiments failed:\n${status}\n${logs.join('\n')}`);
    }
    const shown = JSON.parse(dvc(repo, 'exp', 'show', '--json')) as Baseline[];
    exps = shown.flatMap((b) => (b.experiments ?? []).flatMap((e) => e.revs));
  }, 600_000);

  afterAll(() => {
    if (!repo) return;
    run(repo, join(repo, '.venv', 'bin', 'dvc'), ['queue', 'stop']);
    rmSync(dirname(repo), { recursive: true, force: true });
  });

  it('finds both queued experiments in `dvc exp show --json`, with different params and metrics', () => {
    expect(exps).toHaveLength(2);
    const leaves = exps.map((e) => {
      const t = e.data.params['params.yaml'].data.teacher as { gbdt: { num_leaves: number } };
      return t.gbdt.num_leaves;
    });
    expect(leaves.sort((a, b) => a - b)).toEqual([7, 31]);
    for (const e of exps) {
      expect(Object.keys(e.data.metrics).sort()).toEqual([...HEADLINE].sort());
      for (const f of HEADLINE) {
        const values = Object.values(e.data.metrics[f].data ?? {});
        expect(values.length, `${e.name} ${f}`).toBeGreaterThanOrEqual(4);
        expect(values.every((v) => v === null || typeof v === 'number')).toBe(true);
      }
    }
    const teacher = exps.map((e) => JSON.stringify(e.data.metrics['data/models/teacher/metrics.json'].data));
    expect(teacher[0]).not.toBe(teacher[1]);
  });

  it('`dvc exp show` starts with the names and the validation headline; the compact view fits 120 columns', () => {
    const names = exps.map((e) => e.name as string);
    // Default options: DVC pages the full-width table; a 120-column terminal shows its first 120 columns.
    const full = run(repo, join(repo, '.venv', 'bin', 'dvc'), ['exp', 'show'], { COLUMNS: '120' }).stdout;
    const screen = full.split('\n').map((l) => l.slice(0, 120));
    expect(screen.join('\n')).not.toContain('…');
    const header = screen.find((l) => l.includes('Experiment')) ?? '';
    for (const col of ['promote', 'sharpe', 'sharpe_base', 'uplift']) expect(header).toContain(col);
    for (const n of names) expect(screen.some((l) => l.includes(`[${n}]`))).toBe(true);
    const dvcBin = join(repo, '.venv', 'bin', 'dvc');
    const compact = run(repo, dvcBin, ['exp', 'show', '--no-pager', ...COMPACT], {
      COLUMNS: '120',
    }).stdout.replace(/\n$/, '');
    const lines = compact.split('\n');
    // DVC may wrap a row rather than exceed the width; "…" would mean a column collapsed.
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(compact).not.toContain('…');
    for (const col of ['promote', 'sharpe', 'uplift', 'p_value', 'teacher.gbdt.num_leaves']) {
      expect(compact).toContain(col);
    }
    for (const e of exps) {
      const leaves = (e.data.params['params.yaml'].data.teacher as { gbdt: { num_leaves: number } }).gbdt
        .num_leaves;
      const row = lines.find((l) => l.includes(`[${e.name}]`)) ?? '';
      expect(row.trimEnd().endsWith(` ${leaves}`), row).toBe(true);
    }
  });

  it('renders `dvc plots show` and `dvc plots diff` pages offline: every chart drawn, no error, no request', async () => {
    const [a, b] = exps.map((e) => e.name as string);
    expect(run(repo, 'node', ['scripts/plots-page.mjs']).status).toBe(0);
    // The workspace's own (git-tracked) plot data for `show`; the experiments' for `diff`.
    const showDir = join(dirname(repo), 'show');
    dvc(repo, 'plots', 'show', '-o', showDir);
    const diffDir = join(dirname(repo), 'diff');
    dvc(repo, 'plots', 'diff', a, b, '-o', diffDir);
    for (const [page, revs] of [
      [join(showDir, 'index.html'), ['workspace']],
      [join(diffDir, 'index.html'), [a, b]],
    ] as const) {
      const report = await renderPage(page);
      expect(report.errors, page).toEqual([]);
      expect(report.requests, page).toEqual([]);
      expect(report.charts.map((c) => c.id).sort()).toEqual([...PLOT_IDS].sort());
      for (const c of report.charts) expect(c.marks, `${page} ${c.id}`).toBeGreaterThan(0);
      const roc = report.charts.find((c) => c.id === 'roc_student')?.text ?? '';
      expect(roc).toMatch(/LONG \(AUC 0\.\d{3}\)/);
      expect(roc).toContain('chance');
      expect(report.charts.find((c) => c.id === 'reliability')?.text).toContain('Rows in bin');
      // Under diff, every series names its revision, so colours never mean two things.
      if (revs.length > 1) for (const r of revs) expect(roc).toContain(`${r} · LONG`);
    }
  });

  it('`dvc exp apply` brings an experiment back whole: its params, metrics and notebook reports', () => {
    const seven = exps.find(
      (e) =>
        (e.data.params['params.yaml'].data.teacher as { gbdt: { num_leaves: number } }).gbdt.num_leaves === 7,
    );
    expect(seven?.name).toBeTruthy();
    dvc(repo, 'exp', 'apply', seven?.name as string);
    const params = parseDocument(readFileSync(join(repo, 'params.yaml'), 'utf8')).toJS() as {
      teacher: { gbdt: { num_leaves: number } };
    };
    expect(params.teacher.gbdt.num_leaves).toBe(7);
    const metrics = JSON.parse(
      readFileSync(join(repo, 'reports/validation/metrics.json'), 'utf8'),
    ) as unknown;
    expect(metrics).toEqual(seven?.data.metrics['reports/validation/metrics.json'].data);
    for (const n of ['01_explore_data', '02_student_evaluation', '03_promotion_report']) {
      expect(readFileSync(join(repo, 'reports', `${n}.html`), 'utf8')).toContain('<html');
    }
    // The applied experiment is complete: nothing left for DVC to run.
    expect(dvc(repo, 'status')).toContain('up to date');
  });
});
