import cliProgress from 'cli-progress';
import { logger, logLevel } from '../core/index.js';
import type { WindowStatus } from './ledger.js';

/** Windows of one phase so far. */
export interface PhaseCounts {
  done: number;
  total: number;
  success: number;
  skipped: number;
  failed: number;
}

/** Progress of one window phase: counts for telemetry, and a bar (TTY) or log lines (otherwise). */
export interface PhaseProgress {
  update(status: WindowStatus): PhaseCounts;
  counts(): PhaseCounts;
  done(): void;
}

/** Seconds left at the current rate, or null before the first window. */
export function etaSeconds(c: PhaseCounts, elapsedS: number): number | null {
  return c.done === 0 ? null : Math.round((elapsedS / c.done) * (c.total - c.done));
}

/**
 * Starts progress reporting for a phase of `total` windows: on a TTY a bar with done / skipped / failed
 * and the ETA; otherwise a log line at every tenth of the phase.
 */
export function phaseProgress(
  phase: string,
  total: number,
  tty = Boolean(process.stderr.isTTY),
): PhaseProgress {
  const c: PhaseCounts = { done: 0, total, success: 0, skipped: 0, failed: 0 };
  const t0 = performance.now();
  const elapsed = () => (performance.now() - t0) / 1000;
  const bar =
    tty && logLevel() !== 'silent' && total > 0
      ? new cliProgress.SingleBar(
          {
            format: `${phase} [{bar}] {value}/{total} | ok {success} skipped {skipped} failed {failed} | eta {eta_formatted}`,
            stream: process.stderr,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(total, 0, { success: 0, skipped: 0, failed: 0 });
  let nextLog = Math.max(1, Math.ceil(total / 10));
  return {
    update(status) {
      c.done++;
      c[status]++;
      if (bar) bar.update(c.done, { success: c.success, skipped: c.skipped, failed: c.failed });
      else if (c.done >= nextLog || c.done === total) {
        logger.info('batch progress', { phase, ...c, eta_s: etaSeconds(c, elapsed()) });
        nextLog = c.done + Math.max(1, Math.ceil(total / 10));
      }
      return { ...c };
    },
    counts: () => ({ ...c }),
    done() {
      bar?.stop();
    },
  };
}
