import type { Classifier } from '../models/index.js';
import { roundDeep } from '../pipeline/index.js';

/** One feature's split gain and split count in a trained GBDT, and its share of the total gain. */
export interface ImportanceRow {
  feature: string;
  gain: number;
  split: number;
  gain_share: number;
}

/** Split gain per feature, largest first; null for learners without split statistics (the MLP). */
export function importanceRows(model: Classifier): ImportanceRow[] | null {
  // Capability, not type: learners that track split gain expose featureImportance().
  const m = model as Classifier & {
    featureImportance?: () => { feature: string; gain: number; split: number }[];
  };
  if (typeof m.featureImportance !== 'function') return null;
  const rows = m.featureImportance();
  const total = rows.reduce((s, r) => s + r.gain, 0) || 1;
  return [...rows].sort((a, b) => b.gain - a.gain).map((r) => ({ ...r, gain_share: r.gain / total }));
}

/** feature_importance.json: the rows, or why there are none. */
export function featureImportance(model: Classifier, rows: ImportanceRow[] | null): unknown {
  if (rows === null) return { available: false, reason: `${model.className} has no split statistics` };
  return roundDeep({ importance_type: ['gain', 'split'], features: rows });
}

/** Plot rows (DVC needs at least one: an MLP teacher gets a single labelled zero bar). */
export function importancePlotRows(model: Classifier, rows: ImportanceRow[] | null): unknown[] {
  if (rows === null)
    return [{ feature: `n/a: ${model.className} has no split gain`, gain: 0, gain_share: 0 }];
  return roundDeep(rows.map((r) => ({ feature: r.feature, gain: r.gain, gain_share: r.gain_share })));
}
