import type { Params } from '../config/index.js';
import { DataValidationError, type Issue, logger } from '../core/index.js';
import { CLASSES } from '../labels/index.js';
import type { LabelledRows } from './labelled-rows.js';
import { SPLIT_NAMES, type TimeSplit } from './time-split.js';

/**
 * The too-few-bars gate (data.quality.too_few_bars): a symbol that contributes no labelled row — its
 * bars in the window do not cover feature warm-up plus the label horizon — is an error naming the counts,
 * a warning, or dropped. Returns the symbols to drop.
 */
export function symbolsWithoutRows(rows: LabelledRows, params: Params): string[] {
  const setting = params.data.quality.too_few_bars;
  const h = params.teacher.horizon;
  const empty = (rows.perSymbol ?? []).filter((c) => c.labelled === 0);
  if (empty.length === 0) return [];
  const issues: Issue[] = empty.map((c) => ({
    path: 'data.quality.too_few_bars',
    value: c.symbol,
    message: `${c.symbol} contributes no labelled rows: ${c.windowBars} bar(s) in the window (${c.bars - c.windowBars} more before it for warm-up), ${c.warmup} still warming up the features, ${c.horizon} too close to the end for the ${h}-bar horizon`,
    fix: `give ${c.symbol} more history (more bars before data.start: teacher.lookback_days) or a longer window, remove it, or set data.quality.too_few_bars: drop`,
  }));
  if (setting === 'error')
    throw new DataValidationError('symbols with too few bars for warm-up + horizon', issues);
  for (const i of issues)
    logger.warn('teacher: symbol without labelled rows', {
      symbol: i.value,
      action: setting,
      message: i.message,
    });
  return setting === 'drop' ? empty.map((c) => c.symbol) : [];
}

/**
 * The single-class gate (data.quality.single_class_split): a train, validation or test split whose
 * labels are all one class makes every metric meaningless (a constant series gives "accuracy 1").
 */
export function checkSplitClasses(rows: LabelledRows, split: TimeSplit, params: Params): void {
  const counts = [0, 1, 2].map(() => new Int32Array(CLASSES.length));
  for (let i = 0; i < rows.n; i++) {
    const s = split.split[i];
    if (s >= 0) counts[s][rows.label[i]]++;
  }
  const issues: Issue[] = [];
  counts.forEach((c, s) => {
    const total = c.reduce((a, b) => a + b, 0);
    const present = [...c].filter((x) => x > 0).length;
    if (total > 0 && present < 2) {
      const only = CLASSES[c.findIndex((x) => x > 0)];
      issues.push({
        path: 'data.quality.single_class_split',
        value: SPLIT_NAMES[s],
        message: `every one of the ${total} ${SPLIT_NAMES[s]} labels is ${only}: a model cannot be trained or judged on one class`,
        fix:
          only === 'NOOP'
            ? 'check for constant prices (ingest_report.json quality) or lower teacher.min_holding_return'
            : 'use a longer window or a different label threshold (teacher.min_holding_return)',
      });
    }
  });
  if (issues.length === 0) return;
  if (params.data.quality.single_class_split === 'error')
    throw new DataValidationError('a split holds a single label class', issues);
  for (const i of issues) logger.warn('teacher: single-class split', { split: i.value, message: i.message });
}
