import { TRAIN_PHASES } from '../../batch/index.js';
import type { FlagValues } from '../flag-spec.js';
import { runBatchCommand } from './batch-command.js';
import { TRAIN_BATCH_FLAGS } from './batch-flags.js';
import type { Command } from './types.js';

/** `train-batch`: ingestion, teacher and student over symbols × rolling windows (resumable). */
export const trainBatchCommand: Command = {
  run: (flags) =>
    runBatchCommand(TRAIN_BATCH_FLAGS, flags.values as FlagValues<typeof TRAIN_BATCH_FLAGS>, TRAIN_PHASES),
};
