import cliProgress from 'cli-progress';
import { logger, logLevel } from './logger.js';

/** A progress handle for long work: a bar on a TTY, a few log lines otherwise. */
export interface Progress {
  tick(n?: number): void;
  done(): void;
}

/** Starts progress reporting for `total` units of work labelled `label`. */
export function startProgress(label: string, total: number): Progress {
  if (process.stderr.isTTY && logLevel() !== 'silent') {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% {value}/{total} eta {eta}s`, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { tick: (n = 1) => bar.increment(n), done: () => bar.stop() };
  }
  let value = 0;
  let nextReport = total / 4;
  return {
    tick: (n = 1) => {
      value += n;
      if (value >= nextReport && value < total) {
        logger.info(`${label} progress`, { done: value, total });
        nextReport += total / 4;
      }
    },
    done: () => logger.debug(`${label} done`, { total }),
  };
}
