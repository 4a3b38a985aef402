import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactError } from '../core/index.js';
import { projectVenv } from '../pipeline/index.js';
import { baseLayout, COLORS, type Figure } from './figure.js';

/** One experiment (or the workspace / a commit) of `dvc exp show --json`, flattened. */
export interface ExperimentRow {
  /** Experiment name, or `workspace`, or the commit's branch name / short sha. */
  name: string;
  rev: string;
  /** The commit the experiment is based on (its own rev for the workspace and commits). */
  baseline: string;
  /** params.yaml values by dotted key (`teacher.horizon`). */
  params: Record<string, unknown>;
  /** Numeric metrics by `file:dotted.key`. */
  metrics: Record<string, number>;
}

type Json = Record<string, unknown>;

function flatten(obj: unknown, prefix: string, out: Record<string, unknown>): void {
  if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out[prefix] = Array.isArray(obj) ? JSON.stringify(obj) : obj;
}

function row(entry: Json, baseline: string): ExperimentRow | null {
  const data = entry.data as Json | undefined;
  if (!data) return null;
  const params: Record<string, unknown> = {};
  for (const file of Object.values((data.params as Json) ?? {})) flatten((file as Json).data, '', params);
  const metrics: Record<string, number> = {};
  for (const [file, m] of Object.entries((data.metrics as Json) ?? {})) {
    const flat: Record<string, unknown> = {};
    flatten((m as Json).data, '', flat);
    for (const [k, v] of Object.entries(flat)) if (typeof v === 'number') metrics[`${file}:${k}`] = v;
  }
  const rev = String(entry.rev ?? data.rev ?? '');
  const name = (entry.name as string | null) ?? (rev === 'workspace' ? 'workspace' : rev.slice(0, 7));
  return { name, rev, baseline, params, metrics };
}

/**
 * Flattens the JSON of `dvc exp show --json` (DVC 3): the workspace, each commit, and every experiment
 * under a commit (its `baseline`), keeping params by dotted key and numeric metrics by `file:key`.
 */
export function parseDvcExpShow(json: unknown): ExperimentRow[] {
  if (!Array.isArray(json)) return [];
  const out: ExperimentRow[] = [];
  for (const commit of json as Json[]) {
    const rev = String(commit.rev ?? '');
    const base = row(commit, rev);
    if (base) out.push(base);
    for (const exp of (commit.experiments as Json[] | null) ?? []) {
      for (const r of (exp.revs as Json[] | undefined) ?? []) {
        const e = row({ ...r, name: r.name ?? exp.name }, rev);
        if (e) out.push(e);
      }
    }
  }
  return out;
}

/** Runs `dvc exp show --json` in `root` (the project's .venv/bin/dvc) and parses it. */
export function dvcExperiments(root: string, dvc = join(projectVenv(root), 'bin', 'dvc')): ExperimentRow[] {
  const bin = existsSync(dvc) ? dvc : 'dvc';
  const r = spawnSync(bin, ['exp', 'show', '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new ArtifactError('dvc exp show failed', [
      {
        path: root,
        message: (r.stderr || String(r.error ?? '')).trim().split('\n').slice(-3).join(' '),
        fix: 'run it inside the project (a git repository with DVC; npm run bootstrap installs dvc)',
      },
    ]);
  }
  return parseDvcExpShow(JSON.parse(r.stdout));
}

/** Param keys whose value differs between the rows (what the experiments varied), sorted. */
export function varyingParams(rows: readonly ExperimentRow[]): string[] {
  const keys = new Set(rows.flatMap((r) => Object.keys(r.params)));
  return [...keys]
    .filter((k) => new Set(rows.map((r) => JSON.stringify(r.params[k] ?? null))).size > 1)
    .sort();
}

/** The headline metrics the experiments notebook tables and plots (file:key of the metrics files). */
export const EXPERIMENT_METRICS = [
  'data/models/teacher/evaluation_metrics.json:test_metrics.macro_auc',
  'data/models/student/evaluation_metrics.json:test_metrics.macro_auc',
  'data/models/student/evaluation_metrics.json:calibration_metrics.expected_calibration_error',
  'reports/validation/validation_results.json:candidate.summary.sharpe_ratio',
  'reports/validation/validation_results.json:significance.p_value',
  'reports/validation/validation_results.json:signal.rank_ic_mean',
  'reports/validation/validation_results.json:signal.long_short',
] as const;

const short = (metric: string) => metric.replace(/^.*\/([^/]+)\/[^/]+:/, '$1:');

/** One flat row per experiment: name, the given params and metrics (missing values null). */
export function experimentsTable(
  rows: readonly ExperimentRow[],
  params: readonly string[],
  metrics: readonly string[] = EXPERIMENT_METRICS,
): Record<string, unknown>[] {
  return rows.map((r) => ({
    experiment: r.name,
    baseline: /^[0-9a-f]{40}$/.test(r.baseline) ? r.baseline.slice(0, 7) : r.baseline,
    ...Object.fromEntries(params.map((p) => [p, r.params[p] ?? null])),
    ...Object.fromEntries(metrics.map((m) => [short(m), r.metrics[m] ?? null])),
  }));
}

/** One panel per metric: the metric against a param across experiments (a point per experiment, named). */
export function metricsVsParamFigure(
  rows: readonly ExperimentRow[],
  param: string,
  metrics: readonly string[] = EXPERIMENT_METRICS,
): Figure {
  const cols = Math.min(4, metrics.length);
  const nRows = Math.ceil(metrics.length / cols);
  const axes: Record<string, unknown> = {};
  const data = metrics.map((m, i) => {
    const s = i === 0 ? '' : String(i + 1);
    const [r, c] = [Math.floor(i / cols), i % cols];
    axes[`xaxis${s}`] = {
      domain: [c / cols + 0.03, (c + 1) / cols - 0.03],
      anchor: `y${s}`,
      title: { text: param, font: { size: 10 } },
    };
    axes[`yaxis${s}`] = {
      domain: [1 - (r + 1) / nRows + 0.1 / nRows, 1 - r / nRows - 0.04 / nRows],
      anchor: `x${s}`,
      title: { text: short(m), font: { size: 10 } },
    };
    return {
      type: 'scatter',
      mode: 'markers+text',
      x: rows.map((row) => row.params[param] ?? null),
      y: rows.map((row) => row.metrics[m] ?? null),
      text: rows.map((row) => row.name),
      textposition: 'top center',
      textfont: { size: 9 },
      marker: { size: 9, color: COLORS.student },
      xaxis: `x${s}`,
      yaxis: `y${s}`,
      showlegend: false,
    };
  });
  return {
    data,
    layout: baseLayout(`Metrics against ${param} across experiments`, { height: 300 * nRows + 60, ...axes }),
  };
}
