import { join } from 'node:path';
import { ingest, sliceBars } from '../../data/index.js';
import { computeFeatures } from '../../features/index.js';
import { PATHS, RUN_LOG_FILE, withStageRecord } from '../../pipeline/index.js';
import { teacherStage } from '../../stages/index.js';
import { dateFlag, print } from '../args.js';
import { flagContext } from '../flag-context.js';
import type { FlagValues } from '../flag-spec.js';
import { TEACHER_FLAGS } from './teacher-flags.js';
import type { Command } from './types.js';

const DAY = 86_400_000;

/** `train-teacher`: labels + teacher model on the configured data, flags overriding params.yaml. */
export const trainTeacherCommand: Command = {
  async run(flags) {
    const values = flags.values as FlagValues<typeof TEACHER_FLAGS>;
    const ctx = flagContext(TEACHER_FLAGS, values);
    const tz = ctx.params.base.exchange_tz;
    const startMs = dateFlag(values['start-date'], tz);
    const endMs = dateFlag(values['end-date'], tz, true);
    const outDir = values['output-dir'] ?? join(PATHS.runs, ctx.configHash, 'teacher');
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
          baselineDir: values['baseline-model'],
          appendLabels: values['append-labels'],
        });
      },
    );
    print(`teacher artifacts: ${outDir}`);
    return 0;
  },
};
