import { PHASES } from '../../batch/index.js';
import type { FlagValues } from '../flag-spec.js';
import { runBatchCommand } from './batch-command.js';
import { HISTORICAL_FLAGS } from './batch-flags.js';
import type { Command } from './types.js';

/** `run-historical-training`: the seven phases, from ingestion to the promotion briefing. */
export const runHistoricalTrainingCommand: Command = {
  run: (flags) =>
    runBatchCommand(HISTORICAL_FLAGS, flags.values as FlagValues<typeof HISTORICAL_FLAGS>, PHASES),
};
