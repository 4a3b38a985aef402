import type { Params } from '../config/index.js';
import { createRng, logger, startProgress } from '../core/index.js';
import { logLoss } from '../eval/index.js';
import { NUM_CLASSES } from '../labels/index.js';
import type { DistillationOptions, StudentRole } from '../models/index.js';
import { gather, takeRows } from './labelled-rows.js';
import type { StudentSplit } from './student.js';
import { walkForwardFolds } from './time-split.js';

/** Hyper-parameters the search explores. */
export interface Candidate {
  learningRate: number;
  l2: number;
  alpha: number;
  temperature: number;
}

/** Record of a search: every trial (for the deflated Sharpe ratio's trial count) and the winner. */
export interface TuningResult {
  method: string;
  best: Candidate;
  n_configurations: number;
  trials: { rung: number; epochs: number; candidate: Candidate; cv_log_loss: number }[];
}

function logUniform(u: number, [lo, hi]: [number, number]): number {
  if (lo <= 0 || hi <= 0) return lo + u * (hi - lo);
  return Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo)));
}

/** Trials successive halving will run: the same schedule as the loop below, without training. */
function plannedTrials(n: number, eta: number, epochs: number, maxEpochs: number): number {
  let total = 0;
  for (let pool = n, e = epochs; ; e = Math.min(maxEpochs, e * eta)) {
    total += pool;
    pool = Math.max(1, Math.floor(pool / eta));
    if (pool === 1 || e >= maxEpochs) return total;
  }
}

/**
 * Random search with successive halving: `n_candidates` seeded draws from the params' space are scored
 * by mean validation log-loss over walk-forward folds of the training rows (embargo = horizon, so no
 * label straddles a fold boundary); each rung keeps the best 1/eta and multiplies the epoch budget by eta.
 * `trainer` is the student learner's trainer (one whose capabilities include tuning).
 */
export async function tuneStudent(
  params: Params,
  train: StudentSplit,
  base: DistillationOptions,
  trainer: StudentRole['train'],
): Promise<TuningResult> {
  const K = NUM_CLASSES;
  const t = params.student.tuning;
  const rng = createRng(params.base.seed).fork('tuning');
  let pool: Candidate[] = Array.from({ length: t.n_candidates }, () => ({
    learningRate: logUniform(rng.next(), t.space.learning_rate),
    l2: logUniform(rng.next(), t.space.l2),
    alpha: t.space.alpha[0] + rng.next() * (t.space.alpha[1] - t.space.alpha[0]),
    temperature: t.space.temperature[0] + rng.next() * (t.space.temperature[1] - t.space.temperature[0]),
  }));
  const all = Int32Array.from({ length: train.x.n }, (_, i) => i);
  const embargo = params.split.embargo_bars ?? params.teacher.horizon;
  const folds = walkForwardFolds(train.ts, all, params.student.cv_folds, embargo).filter(
    (f) => f.fit.length > 0 && f.predict.length > 0,
  );
  const maxEpochs = typeof base.epochs === 'number' ? base.epochs : 60;
  const trials: TuningResult['trials'] = [];
  let epochs = Math.min(t.min_epochs, maxEpochs);
  const progress = startProgress('tuning trials', plannedTrials(t.n_candidates, t.eta, epochs, maxEpochs));
  for (let rung = 0; ; rung++) {
    const scored: { c: Candidate; loss: number }[] = [];
    for (const c of pool) {
      let sum = 0;
      for (const f of folds) {
        const soft = new Float64Array(f.fit.length * K);
        for (let i = 0; i < f.fit.length; i++)
          for (let k = 0; k < K; k++) soft[i * K + k] = train.soft[f.fit[i] * K + k];
        const m = await trainer(
          { x: takeRows(train.x, f.fit), y: gather(train.y, f.fit), soft },
          { ...base, ...c, epochs, calibrate: false },
        );
        sum += logLoss(gather(train.y, f.predict), m.predictProba(takeRows(train.x, f.predict)), K);
      }
      const loss = sum / folds.length;
      progress.tick();
      scored.push({ c, loss });
      trials.push({ rung, epochs, candidate: c, cv_log_loss: loss });
    }
    scored.sort((a, b) => a.loss - b.loss);
    logger.info('tuning: rung done', {
      rung,
      epochs,
      candidates: pool.length,
      best_cv_log_loss: scored[0].loss,
    });
    const keep = Math.max(1, Math.floor(pool.length / t.eta));
    pool = scored.slice(0, keep).map((s) => s.c);
    if (pool.length === 1 || epochs >= maxEpochs) break;
    epochs = Math.min(maxEpochs, epochs * t.eta);
  }
  progress.done();
  return {
    method: `random search (${t.n_candidates}) + successive halving (eta ${t.eta}) over ${folds.length} walk-forward folds, embargo ${embargo}`,
    best: pool[0],
    n_configurations: t.n_candidates,
    trials,
  };
}
