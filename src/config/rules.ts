import type { Issue } from '../core/index.js';
import type { Params } from './params-schema.js';
import { maxBarsInWindow } from './window-bars.js';

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
  const window = `data.start ${p.data.start} … data.end ${p.data.end} holds at most ${w} ${p.data.frequency} bars per symbol`;
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
    name: 'horizon-shorter-than-lookback',
    check: (p) =>
      p.teacher.horizon < 100
        ? []
        : [
            {
              path: 'teacher.horizon',
              value: p.teacher.horizon,
              message: 'a horizon of 100+ bars leaves too few labelled rows per split',
              fix: 'use a horizon under 100 bars',
            },
          ],
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
