import { join } from 'node:path';
import {
  EVALUATION_FILES,
  READ_LIMITS,
  readJsonBounded,
  TEACHER_FILES,
  VALIDATION_FILES,
} from '../pipeline/index.js';

type Json = Record<string, unknown>;
type Metrics = Record<string, number | null>;

const read = (path: string): Json =>
  readJsonBounded(path, { maxBytes: READ_LIMITS.metadata, what: 'window metrics' }) as Json;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function at(o: unknown, ...keys: string[]): unknown {
  let cur = o;
  for (const k of keys) cur = cur !== null && typeof cur === 'object' ? (cur as Json)[k] : undefined;
  return cur;
}

function testMetrics(dir: string): Metrics {
  const m = read(join(dir, EVALUATION_FILES.metrics));
  return {
    accuracy: num(at(m, 'test_metrics', 'accuracy')),
    macro_auc: num(at(m, 'test_metrics', 'macro_auc')),
    macro_f1: num(at(m, 'test_metrics', 'macro_avg_f1')),
    log_loss: num(at(m, 'test_metrics', 'log_loss')),
    ece: num(at(m, 'calibration_metrics', 'expected_calibration_error')),
    n_test: num(at(m, 'n_test')),
  };
}

/** Ledger metrics of a written teacher dir (read back from its files, so a resumed window reports the same). */
export function teacherMetrics(dir: string): Metrics {
  const s = read(join(dir, TEACHER_FILES.stats));
  return {
    ...testMetrics(dir),
    samples: num(at(s, 'total_samples')),
    train: num(at(s, 'splits', 'train')),
    valid: num(at(s, 'splits', 'valid')),
    test: num(at(s, 'splits', 'test')),
    long: num(at(s, 'label_distribution', 'LONG')),
    short: num(at(s, 'label_distribution', 'SHORT')),
    noop: num(at(s, 'label_distribution', 'NOOP')),
  };
}

/** Ledger metrics of a written student dir. */
export function studentMetrics(dir: string): Metrics {
  const m = read(join(dir, EVALUATION_FILES.metrics));
  return {
    ...testMetrics(dir),
    teacher_accuracy: num(at(m, 'teacher_test_metrics', 'accuracy')),
    teacher_macro_auc: num(at(m, 'teacher_test_metrics', 'macro_auc')),
  };
}

/** Ledger metrics of a written validation dir (candidate vs the baseline the criteria used). */
export function validationMetrics(dir: string): Metrics {
  const r = read(join(dir, VALIDATION_FILES.results));
  const c = at(r, 'candidate', 'summary');
  const b = at(r, 'baseline', 'summary');
  return {
    sharpe: num(at(c, 'sharpe_ratio')),
    baseline_sharpe: num(at(b, 'sharpe_ratio')),
    total_return: num(at(c, 'total_return')),
    baseline_total_return: num(at(b, 'total_return')),
    precision_long: num(at(c, 'precision_long')),
    baseline_precision_long: num(at(b, 'precision_long')),
    hit_ratio: num(at(c, 'hit_ratio')),
    baseline_hit_ratio: num(at(b, 'hit_ratio')),
    accuracy: num(at(c, 'accuracy')),
    trades: num(at(c, 'num_trades')),
    bars: num(at(r, 'window', 'bars')),
    p_value: num(at(r, 'significance', 'p_value')),
    measurable: at(r, 'measurability', 'measurable') === false ? 0 : 1,
  };
}
