/**
 * Distillation by row replication, so the unchanged GBDT trainer optimises the distillation loss.
 *
 * Row i becomes K replicas (row i, class k) with weight w_ik = α·1[y_i = k] + (1 − α)·q_ik, where
 * q_i = softmax(log p_i / T) is the teacher at temperature T. Since Σ_k w_ik = 1, the weighted softmax
 * cross-entropy over the replicas, Σ_k w_ik·(−log s_ik), is exactly the cross-entropy against the
 * mixture target t_i = w_i·, and its gradient/hessian per class sum to those of a single row with soft
 * target t_i. Trees have no logit the student could divide by T, so neither the student-side
 * temperature nor the T² factor of the neural KL term applies: T only softens the teacher target.
 */
import { ConfigError, type Issue } from '../../core/index.js';
import type { Dataset } from '../learner.js';

/** Smallest teacher probability before the log, so a zero probability gives a finite score. */
export const TEACHER_PROB_FLOOR = 1e-12;

/** Replicated training rows: replica r copies source row `rows[r]` with label `y[r]` and weight `weight[r]`. */
export interface DistillationReplicas {
  rows: Int32Array;
  y: Int32Array;
  weight: Float64Array;
}

/** Teacher probabilities at temperature T: row-wise softmax(log(max(p, 1e-12)) / T), row-major n × K. */
export function teacherAtTemperature(soft: Float64Array, K: number, temperature: number): Float64Array {
  const out = new Float64Array(soft.length);
  for (let o = 0; o < soft.length; o += K) {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) {
      out[o + k] = Math.log(Math.max(soft[o + k], TEACHER_PROB_FLOOR)) / temperature;
      if (out[o + k] > max) max = out[o + k];
    }
    let sum = 0;
    for (let k = 0; k < K; k++) {
      out[o + k] = Math.exp(out[o + k] - max);
      sum += out[o + k];
    }
    for (let k = 0; k < K; k++) out[o + k] /= sum;
  }
  return out;
}

/** Checks α ∈ [0, 1], T > 0 and the label / soft-label shapes; throws ConfigError listing every problem. */
export function checkDistillationInputs(
  y: Int32Array,
  soft: Float64Array,
  K: number,
  alpha: number,
  temperature: number,
): void {
  const issues: Issue[] = [];
  if (!(alpha >= 0 && alpha <= 1)) issues.push({ path: 'alpha', message: 'must be in [0, 1]', value: alpha });
  if (!(temperature > 0 && Number.isFinite(temperature))) {
    issues.push({ path: 'temperature', message: 'must be a positive finite number', value: temperature });
  }
  if (soft.length !== y.length * K) {
    issues.push({
      path: 'soft',
      message: `expected ${y.length} × ${K} teacher probabilities`,
      value: soft.length,
    });
  } else {
    const bad = soft.findIndex((p) => !(p >= 0 && p <= 1));
    if (bad >= 0) issues.push({ path: `soft[${bad}]`, message: 'must be a probability', value: soft[bad] });
  }
  const badY = y.findIndex((v) => v < 0 || v >= K);
  if (badY >= 0) issues.push({ path: `y[${badY}]`, message: `label must be in [0, ${K})`, value: y[badY] });
  if (issues.length > 0) throw new ConfigError('invalid GBDT student distillation inputs', issues);
}

/** The K replicas of every row with their mixture weights; replicas of weight 0 are dropped. */
export function distillationReplicas(
  y: Int32Array,
  soft: Float64Array,
  K: number,
  alpha: number,
  temperature: number,
): DistillationReplicas {
  checkDistillationInputs(y, soft, K, alpha, temperature);
  const q = teacherAtTemperature(soft, K, temperature);
  const n = y.length;
  const rows = new Int32Array(n * K);
  const labels = new Int32Array(n * K);
  const weight = new Float64Array(n * K);
  let m = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      const w = alpha * (y[i] === k ? 1 : 0) + (1 - alpha) * q[i * K + k];
      // Zero-weight replicas add nothing to the loss but would still count towards minDataInLeaf.
      if (w === 0) continue;
      rows[m] = i;
      labels[m] = k;
      weight[m] = w;
      m++;
    }
  }
  return { rows: rows.slice(0, m), y: labels.slice(0, m), weight: weight.slice(0, m) };
}

/** The rows of `x` selected (with repetition) by `rows`, as a new column-major Dataset. */
export function selectRows(x: Dataset, rows: Int32Array): Dataset {
  const columns = x.columns.map((col) => {
    const out = new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = col[rows[r]];
    return out;
  });
  return { n: rows.length, d: x.d, columns, featureNames: [...x.featureNames] };
}
