import { ConfigError } from '../../core/index.js';
import { PATHS, withStageRecord } from '../../pipeline/index.js';
import { STAGES, stageContext } from '../../stages/index.js';
import type { Command } from './types.js';

/** `stage <name>`: runs one DVC stage's main() and records it in the run log. */
export const stageCommand: Command = {
  async run({ values, positionals }) {
    const name = positionals[0];
    const stage = name ? STAGES[name] : undefined;
    if (!stage) {
      throw new ConfigError(`unknown stage "${name ?? ''}"`, [
        {
          path: 'STAGE',
          value: name,
          message: 'not a stage',
          fix: `one of ${Object.keys(STAGES).join(', ')} (sensequant stage --help)`,
        },
      ]);
    }
    const ctx = stageContext((values.params as string | undefined) ?? PATHS.params);
    if (stage.usesTf) await (await import('../../models/tfjs/index.js')).initTfBackend();
    const run = await stage.load();
    await withStageRecord(
      PATHS.runLog,
      { stage: name as string, configHash: ctx.configHash, artifacts: stage.artifacts },
      () => run(ctx),
    );
    return 0;
  },
};
