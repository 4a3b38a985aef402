import { signalsToPositions, smaCrossoverTarget } from '../backtest/index.js';
import type { BarSeries } from '../data/index.js';
import type { FeatureTable } from '../features/index.js';
import { NOOP } from '../labels/index.js';
import type { Classifier } from '../models/index.js';

/** Per-bar decisions of a policy over bars [lo, hi): targets plus the class and confidence behind them. */
export interface Decisions {
  target: Int8Array;
  /** Predicted class (model argmax, or the rule's direction); −1 where no prediction could be made. */
  pred: Int8Array;
  confidence: Float64Array;
  /** Model probabilities (row-major (hi−lo)×3), NaN where features were still warming up; null for rules. */
  proba: Float64Array | null;
}

/** Something that turns bars + causal features into targets decided at each bar's close. */
export interface Policy {
  name: string;
  version: string;
  decide(bars: BarSeries, table: FeatureTable, lo: number, hi: number): Decisions;
}

/** Options shared by every policy: the strategy settings from params. */
export interface PolicyOptions {
  threshold: number;
  allowShort: boolean;
}

/** A trained classifier as a policy: argmax class, acted on only at confidence ≥ threshold. */
export function modelPolicy(model: Classifier, version: string, opts: PolicyOptions): Policy {
  return {
    name: model.className,
    version,
    decide(_bars, table, lo, hi) {
      const m = hi - lo;
      const start = Math.max(lo, table.firstValid);
      const rows = Math.max(0, hi - start);
      const cols = table.columns.map((c) => c.subarray(start, hi));
      const p =
        rows > 0
          ? model.predictProba({ n: rows, d: cols.length, columns: cols, featureNames: table.names })
          : new Float64Array(0);
      const proba = new Float64Array(m * 3).fill(Number.NaN);
      const pred = new Int8Array(m).fill(-1);
      const confidence = new Float64Array(m).fill(Number.NaN);
      for (let r = 0; r < rows; r++) {
        const i = start - lo + r;
        let best = 0;
        for (let k = 0; k < 3; k++) {
          proba[i * 3 + k] = p[r * 3 + k];
          if (p[r * 3 + k] > p[r * 3 + best]) best = k;
        }
        pred[i] = best;
        confidence[i] = p[r * 3 + best];
      }
      const safePred = Int8Array.from(pred, (c) => (c < 0 ? NOOP : c));
      const target = signalsToPositions(safePred, confidence, {
        threshold: opts.threshold,
        allowShort: opts.allowShort,
      });
      return { target, pred, confidence, proba };
    },
  };
}

/** The rule baseline: SMA(20)/SMA(50) crossover on closes ≤ t, through the same simulator. */
export function smaPolicy(opts: PolicyOptions): Policy {
  return {
    name: 'SMA20/50 crossover',
    version: 'rule:sma_20_50',
    decide(bars, _table, lo, hi) {
      const full = smaCrossoverTarget(bars.close.subarray(0, hi), { allowShort: opts.allowShort });
      const target = full.slice(lo, hi);
      const pred = Int8Array.from(target, (t) => (t > 0 ? 0 : t < 0 ? 1 : 2));
      return { target, pred, confidence: Float64Array.from(target, () => 1), proba: null };
    },
  };
}
