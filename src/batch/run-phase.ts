import { logger } from '../core/index.js';
import { PHASE_STEPS } from './phase-steps.js';
import type { Phase } from './phases.js';
import type { RunState } from './run-state.js';

/**
 * Runs one phase between its phase_start and phase_end events, timing it (the wall clock goes to
 * telemetry, the log and summary.md's timeline, never into artifacts). An error ends the phase as failed
 * and is rethrown.
 */
export async function runPhase(s: RunState, phase: Phase): Promise<void> {
  const started = new Date();
  s.tel.emit({ event_type: 'phase_start', phase, status: 'in_progress' });
  const p0 = performance.now();
  try {
    const r = await PHASE_STEPS[phase](s);
    const seconds = (performance.now() - p0) / 1000;
    s.timings.push({
      phase,
      status: r.status,
      seconds,
      started: started.toISOString(),
      ended: new Date().toISOString(),
      message: r.message,
    });
    s.tel.emit({
      event_type: 'phase_end',
      phase,
      status: r.status,
      metrics: r.metrics,
      message: r.message,
      duration_seconds: seconds,
    });
    logger.info('batch phase done', {
      phase,
      status: r.status,
      s: Math.round(seconds * 1000) / 1000,
      message: r.message,
    });
  } catch (e) {
    s.tel.emit({
      event_type: 'phase_end',
      phase,
      status: 'failed',
      message: String(e).split('\n')[0],
      duration_seconds: (performance.now() - p0) / 1000,
    });
    throw e;
  }
}
