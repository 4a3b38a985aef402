import { ConfigError } from '../../core/index.js';
import { PATHS, withStageRecord } from '../../pipeline/index.js';
import { STAGES, stageContext } from '../../stages/index.js';
import { parseFlags } from '../args.js';
import type { Command } from './types.js';

const USAGE = `sensequant stage <${Object.keys(STAGES).join('|')}> [--params params.yaml]`;

/** `stage <name>`: runs one DVC stage's main() and records it in the run log. */
export const stageCommand: Command = {
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      { params: { type: 'string', default: PATHS.params } },
      USAGE,
    );
    const name = positionals[0];
    const stage = name ? STAGES[name] : undefined;
    if (!stage) {
      throw new ConfigError(`unknown stage "${name ?? ''}"`, [
        { path: 'stage', value: name, message: 'not a stage', fix: USAGE },
      ]);
    }
    const ctx = stageContext(values.params as string);
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
