import { join } from 'node:path';
import { ingest, sliceBars } from '../../data/index.js';
import { computeFeatures } from '../../features/index.js';
import { PATHS, RUN_LOG_FILE, withStageRecord } from '../../pipeline/index.js';
import { stageContext, teacherStage } from '../../stages/index.js';
import { dateFlag, foldListFlags, listValue, numberFlag, parseFlags, print } from '../args.js';
import type { Command } from './types.js';

const USAGE =
  'sensequant train-teacher [--symbols A B ...] [--start-date YYYY-MM-DD] [--end-date YYYY-MM-DD] [--strategy intraday|swing] ' +
  '[--output-dir DIR] [--min-holding-return X] [--lookback-days N] [--features f1 f2 ...] [--baseline-model TEACHER_DIR] [--append-labels] [--params FILE]';

const DAY = 86_400_000;

/** `train-teacher`: labels + teacher model on the configured data, flags overriding params.yaml. */
export const trainTeacherCommand: Command = {
  async run(argv) {
    const { values } = parseFlags(
      foldListFlags(argv, ['symbols', 'features']),
      {
        symbols: { type: 'string' },
        'start-date': { type: 'string' },
        'end-date': { type: 'string' },
        strategy: { type: 'string' },
        'output-dir': { type: 'string' },
        'min-holding-return': { type: 'string' },
        'lookback-days': { type: 'string' },
        features: { type: 'string' },
        'baseline-model': { type: 'string' },
        'append-labels': { type: 'boolean', default: false },
        params: { type: 'string', default: PATHS.params },
      },
      USAGE,
    );
    const symbols = listValue(values.symbols as string | undefined);
    const features = listValue(values.features as string | undefined);
    // The window flags are data.start / data.end: ingest selects the bars (plus the warm-up lookback).
    const ctx = stageContext(values.params as string, {
      data: {
        ...(symbols ? { symbols } : {}),
        ...(values['start-date'] !== undefined ? { start: values['start-date'] } : {}),
        ...(values['end-date'] !== undefined ? { end: values['end-date'] } : {}),
      },
      features: features ? { list: features } : undefined,
      teacher: {
        ...(values.strategy ? { strategy: values.strategy } : {}),
        ...(values['min-holding-return'] !== undefined
          ? { min_holding_return: numberFlag('min-holding-return', values['min-holding-return'] as string) }
          : {}),
        ...(values['lookback-days'] !== undefined
          ? { lookback_days: numberFlag('lookback-days', values['lookback-days'] as string) }
          : {}),
      },
    });
    const tz = ctx.params.base.exchange_tz;
    const startMs = dateFlag('start-date', values['start-date'] as string | undefined, tz);
    const endMs = dateFlag('end-date', values['end-date'] as string | undefined, tz, true);
    const outDir =
      (values['output-dir'] as string | undefined) ?? join(PATHS.runs, ctx.configHash, 'teacher');
    const artifacts = [outDir];
    await withStageRecord(
      join(outDir, '..', RUN_LOG_FILE),
      { stage: 'teacher_training', configHash: ctx.configHash, artifacts },
      async () => {
        const { series } = ingest(ctx.params);
        // Keep lookback_days of history before the window only to warm up the (causal) features.
        const from = startMs === undefined ? -Infinity : startMs - ctx.params.teacher.lookback_days * DAY;
        const cut = series.map((b) => {
          let lo = 0;
          while (lo < b.ts.length && b.ts[lo] < from) lo++;
          return sliceBars(b, lo, b.ts.length);
        });
        const tables = computeFeatures(ctx.params, cut);
        await teacherStage(ctx, cut, tables, {
          outDir,
          startMs,
          endMs,
          baselineDir: values['baseline-model'] as string | undefined,
          appendLabels: values['append-labels'] as boolean,
        });
      },
    );
    print(`teacher artifacts: ${outDir}`);
    return 0;
  },
};
