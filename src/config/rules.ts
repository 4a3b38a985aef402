import type { Issue } from '../core/index.js';
import type { Params } from './params-schema.js';
import { clockMinutes } from './schema.js';
import { maxBarsInWindow, windowFrequency } from './window-bars.js';

/**
 * The embargo drops `embargo_bars` timestamps before the validation and before the test split, so each
 * earlier split must be longer than it (the same sizes the time split computes, on the most bars the
 * data window can hold).
 */
function embargoFitsData(p: Params): Issue[] {
  const w = maxBarsInWindow(p);
  if (w === 0) return []; // data-range-ordered reports it
  const e = p.split.embargo_bars ?? p.teacher.horizon;
  const nValid = Math.max(1, Math.round(w * p.split.valid_size));
  const nTrain = w - nValid - Math.max(1, Math.round(w * p.split.test_size));
  if (e < nValid && e + 1 < nTrain) return [];
  const window = `data.start ${p.data.start} … data.end ${p.data.end} holds at most ${w} ${windowFrequency(p)} bars per symbol`;
  return [
    {
      path: 'split.embargo_bars',
      value: e,
      message: `an embargo of ${e} bars (teacher.horizon when null) does not fit the data: ${window}, so the validation split has at most ${nValid} and training at most ${Math.max(nTrain, 0)}`,
      fix: `use split.embargo_bars (and teacher.horizon) below ${Math.max(1, Math.min(nValid, nTrain - 1))}, or widen data.start … data.end`,
    },
  ];
}

/** A named cross-field rule: returns the issues it finds. */
export interface Rule {
  name: string;
  check(p: Params): Issue[];
}

/** Cross-field rules that a per-key schema cannot express. */
export const RULES: Rule[] = [
  {
    name: 'data-range-ordered',
    check: (p) =>
      p.data.start < p.data.end
        ? []
        : [
            {
              path: 'data.end',
              value: p.data.end,
              message: `must be after data.start (${p.data.start})`,
              fix: 'swap or widen the dates',
            },
          ],
  },
  {
    name: 'csv-source-has-files',
    check: (p) =>
      p.data.source === 'csv' && p.data.csv_paths.length === 0
        ? [
            {
              path: 'data.csv_paths',
              value: [],
              message: 'is empty but data.source is csv',
              fix: 'list the CSV files or set data.source: synthetic',
            },
          ]
        : [],
  },
  {
    name: 'session-open-before-close',
    check: (p) =>
      clockMinutes(p.data.session.open) < clockMinutes(p.data.session.close)
        ? []
        : [
            {
              path: 'data.session.close',
              value: p.data.session.close,
              message: `must be after data.session.open (${p.data.session.open}); a session may not span midnight`,
              fix: 'for a 24-hour market use open "00:00", close "24:00" and pick base.exchange_tz so the session day starts at local midnight',
            },
          ],
  },
  {
    name: 'synthetic-frequency-supported',
    check: (p) =>
      p.data.source === 'synthetic' && !['auto', '1d', '5m'].includes(p.data.frequency)
        ? [
            {
              path: 'data.frequency',
              value: p.data.frequency,
              message: 'the synthetic market generates daily (1d) or 5-minute (5m) bars only',
              fix: 'use auto, 1d or 5m, or import CSV data (data.source: csv)',
            },
          ]
        : [],
  },
  {
    name: 'one-baseline',
    check: (p) =>
      p.validation.baseline_model !== null &&
      p.validation.baseline !== 'buy_and_hold' &&
      p.validation.baseline !== p.validation.baseline_model
        ? [
            {
              path: 'validation.baseline_model',
              value: p.validation.baseline_model,
              message: `conflicts with validation.baseline (${p.validation.baseline})`,
              fix: 'set only validation.baseline (baseline_model is its deprecated alias)',
            },
          ]
        : [],
  },
  {
    name: 'splits-leave-training-data',
    check: (p) =>
      p.split.valid_size + p.split.test_size <= 0.7
        ? []
        : [
            {
              path: 'split.test_size',
              value: p.split.test_size,
              message: `valid_size + test_size = ${(p.split.valid_size + p.split.test_size).toFixed(2)} leaves under 30% for training`,
              fix: 'keep valid_size + test_size ≤ 0.7',
            },
          ],
  },
  {
    name: 'intraday-needs-intraday-bars',
    check: (p) =>
      p.teacher.strategy === 'intraday' &&
      (p.data.frequency === '1d' ||
        p.data.frequency === '1wk' ||
        (p.data.frequency === 'auto' && p.data.source === 'synthetic'))
        ? [
            {
              path: 'teacher.strategy',
              value: 'intraday',
              message: `intraday labels never hold past a session close, but with ${p.data.frequency === 'auto' ? 'synthetic daily bars (data.frequency auto)' : `data.frequency ${p.data.frequency}`} every forward window does, so no row would be labelled`,
              fix: 'use data.frequency: 5m, or teacher.strategy: swing',
            },
          ]
        : [],
  },
  { name: 'embargo-fits-data', check: embargoFitsData },
  {
    name: 'validation-window-ordered',
    check: (p) =>
      p.validation.start !== null && p.validation.end !== null && p.validation.start >= p.validation.end
        ? [
            {
              path: 'validation.end',
              value: p.validation.end,
              message: `must be after validation.start (${p.validation.start})`,
              fix: 'swap the dates',
            },
          ]
        : [],
  },
  {
    name: 'validation-symbols-known',
    check: (p) => {
      if (p.data.symbols.length === 0) return [];
      const known = new Set(p.data.symbols);
      return p.validation.symbols
        .filter((s) => !known.has(s))
        .map((s) => ({
          path: 'validation.symbols',
          value: s,
          message: 'is not in data.symbols',
          fix: `use one of ${p.data.symbols.join(', ')}`,
        }));
    },
  },
  {
    name: 'tuning-space-ordered',
    check: (p) =>
      Object.entries(p.student.tuning.space)
        .filter(([, [lo, hi]]) => lo > hi)
        .map(([k, v]) => ({
          path: `student.tuning.space.${k}`,
          value: v,
          message: 'lower bound above upper bound',
          fix: 'write [low, high]',
        })),
  },
];
