import { signalsToPositions, smaCrossoverTarget } from '../backtest/index.js';
import type { BarSeries } from '../data/index.js';
import type { FeatureTable } from '../features/index.js';
import { LONG, NOOP } from '../labels/index.js';
import { ConfigError } from '../core/index.js';
import type { Scorer } from '../models/index.js';

/** Per-bar decisions of a policy over bars [lo, hi): targets plus the class and confidence behind them. */
export interface Decisions {
  target: Int8Array;
  /** Predicted class (model argmax, or the rule's direction); −1 where no prediction could be made. */
  pred: Int8Array;
  confidence: Float64Array;
  /** Model probabilities (row-major (hi−lo)×K), NaN where features were still warming up; null for rules. */
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

/** Indices of the scorer's features in a feature table (by name); a missing feature is an error. */
export function featureIndex(scorer: Scorer, table: FeatureTable): Int32Array {
  const at = new Map(table.names.map((n, j) => [n, j]));
  const missing = scorer.featureNames.filter((n) => !at.has(n));
  if (missing.length > 0) {
    throw new ConfigError(`the model needs features the ${table.symbol} feature table lacks`, [
      {
        path: 'features.list',
        value: missing.slice(0, 10),
        message: 'the model was trained on these features',
        fix: 'recompute features with the feature list the model was trained on (features.list: [])',
      },
    ]);
  }
  return Int32Array.from(scorer.featureNames, (n) => at.get(n) as number);
}

/**
 * A compiled student scorer as a policy — the same forward pass the live engine serves: argmax class,
 * acted on only at confidence ≥ threshold. Rows still warming up get no prediction (flat).
 */
export function scorerPolicy(scorer: Scorer, name: string, version: string, opts: PolicyOptions): Policy {
  const k = scorer.numClasses;
  const d = scorer.numFeatures;
  return {
    name,
    version,
    decide(_bars, table, lo, hi) {
      const m = hi - lo;
      const start = Math.max(lo, table.firstValid);
      const rows = Math.max(0, hi - start);
      const idx = featureIndex(scorer, table);
      const x = new Float64Array(rows * d);
      for (let j = 0; j < d; j++) {
        const col = table.columns[idx[j]];
        for (let r = 0; r < rows; r++) x[r * d + j] = col[start + r];
      }
      const p = rows > 0 ? scorer.scoreBatch(x, rows) : new Float64Array(0);
      const proba = new Float64Array(m * k).fill(Number.NaN);
      const pred = new Int8Array(m).fill(-1);
      const confidence = new Float64Array(m).fill(Number.NaN);
      for (let r = 0; r < rows; r++) {
        const i = start - lo + r;
        let best = 0;
        for (let c = 0; c < k; c++) {
          proba[i * k + c] = p[r * k + c];
          if (p[r * k + c] > p[r * k + best]) best = c;
        }
        pred[i] = best;
        confidence[i] = p[r * k + best];
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

/**
 * The passive baseline: long every symbol on every bar of the window (bought at the first open after
 * the window starts, held to the end), long only, through the same simulator and costs as the candidate.
 * A model that is LONG most of the time must beat this, not a long/short rule.
 */
export function buyAndHoldPolicy(): Policy {
  return {
    name: 'Buy and hold',
    version: 'rule:buy_and_hold',
    decide(_bars, _table, lo, hi) {
      const m = hi - lo;
      return {
        target: new Int8Array(m).fill(1),
        pred: new Int8Array(m).fill(LONG),
        confidence: new Float64Array(m).fill(1),
        proba: null,
      };
    },
  };
}

/** Names of the rule baselines validation.baseline accepts (anything else is a student dir). */
export const RULE_BASELINES = ['buy_and_hold', 'sma'] as const;

/** The rule baseline policy of a name in RULE_BASELINES. */
export function rulePolicy(name: (typeof RULE_BASELINES)[number], opts: PolicyOptions): Policy {
  return name === 'sma' ? smaPolicy(opts) : buyAndHoldPolicy();
}
