import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateParams } from '../../src/config/index.js';
import {
  checklistJson,
  checklistMarkdown,
  evaluateCriteria,
  type ValidationOutcome,
} from '../../src/validation/index.js';

const GOLDEN = join(import.meta.dirname, 'golden', 'promotion_checklist.md');

const r = validateParams({});
if (!r.ok) throw new Error('defaults');
const thresholds = r.value.validation.thresholds;

// A fixed outcome in the reference example's numbers (candidate 71.2 % precision vs 68.5 %, …).
const summary = (p: number, h: number, a: number, s: number, tr: number, dd: number, w: number) => ({
  precision_long: p,
  hit_ratio: h,
  accuracy: a,
  sharpe_ratio: s,
  sortino_ratio: s * 1.5,
  total_return: tr,
  max_drawdown: dd,
  win_rate: w,
  num_trades: 120,
  exposure: 0.6,
  turnover_per_bar: 0.05,
});
const outcome = {
  candidate: { summary: summary(0.712, 0.668, 0.687, 1.85, 0.142, 0.083, 0.583) },
  baseline: { summary: summary(0.685, 0.632, 0.654, 1.72, 0.118, 0.091, 0.557) },
  significance: {
    p_value: 0.08,
    psr: 0.97,
    dsr: 0.91,
    dsr_trials: 12,
    robustness: 1,
    mean_block: 5,
    resamples: 2000,
    sharpe_uplift_ci: [-0.1, 0.4],
  },
  calibration: { expected_calibration_error: 0.042, rows: 5000 },
  window: {
    start: '2024-06-30T18:30:00.000Z',
    end: '2024-09-29T18:30:00.000Z',
    symbols: ['RELIANCE', 'TCS'],
    bars: 64,
  },
} as unknown as ValidationOutcome;
const ctx = {
  timestamp: '2024-09-30T00:00:00.000Z',
  candidateDir: 'data/models/student',
  candidateModel: 'data/models/student/student_model.json',
  candidateSha256: 'a'.repeat(64),
  baselineModel: 'data/models/production/student_model.json',
  configHash: 'a3f5d8c2',
  registryRoot: 'data/models',
  tz: 'Asia/Kolkata',
};

describe('promotion checklist', () => {
  const verdict = evaluateCriteria(outcome, thresholds);

  it('matches the golden Markdown (set UPDATE_GOLDEN=1 to rewrite it after an intended change)', () => {
    const md = checklistMarkdown(outcome, thresholds, verdict, ctx);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, md);
    expect(existsSync(GOLDEN), `${GOLDEN} missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('JSON carries the reference fields, session dates in exchange time, and the verdict', () => {
    const j = checklistJson(outcome, thresholds, verdict, ctx);
    expect(j.validation_period).toEqual({
      start: '2024-07-01',
      end: '2024-09-30',
      symbols: ['RELIANCE', 'TCS'],
    });
    expect(j.validation_results).toMatchObject({
      precision_pass: true,
      hit_ratio_pass: true,
      sharpe_pass: true,
      significance_pass: true,
      calibration_pass: true,
    });
    expect(j.recommendation).toBe('PROMOTE');
    expect(j.deltas.precision_uplift).toBeCloseTo(0.027, 6);
    expect(j.candidate_model_sha256).toBe('a'.repeat(64));
  });
});
