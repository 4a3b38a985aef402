import { barWindow } from '../data/index.js';
import type { WindowTask } from './windows.js';

/** Why a window is not trained (countable codes; the message says the numbers). */
export type SkipReason = 'no_bars' | 'insufficient_future_data';

/** What a window needs from its symbol's bars: the instants it labels, or why it is skipped. */
export type WindowPlan =
  | { kind: 'train'; startMs: number; endMs: number; labelEndMs: number; bars: number }
  | { kind: 'skip'; reason: SkipReason; message: string };

/**
 * Plans a window on its symbol's bar timestamps (sorted, epoch ms): the rows of `[start, end]` are
 * labelled with forward returns `horizon` bars ahead, so the data must hold `horizon` bars after the
 * window's last bar (`labelEndMs` is the last of them). Otherwise the window is skipped: its horizon runs
 * past the data. Pure.
 */
export function planWindow(task: WindowTask, ts: ArrayLike<number>, horizon: number, tz: string): WindowPlan {
  const { startMs, endMs } = barWindow(task.start, task.end, 0, tz);
  let first = 0;
  while (first < ts.length && ts[first] < startMs) first++;
  let last = first - 1;
  while (last + 1 < ts.length && ts[last + 1] <= endMs) last++;
  if (last < first) {
    return {
      kind: 'skip',
      reason: 'no_bars',
      message: `${task.symbol} has no bars between ${task.start} and ${task.end}`,
    };
  }
  const after = ts.length - 1 - last;
  if (after < horizon) {
    return {
      kind: 'skip',
      reason: 'insufficient_future_data',
      message: `labels need ${horizon} bars after ${task.end}; the data has ${after}`,
    };
  }
  return { kind: 'train', startMs, endMs, labelEndMs: ts[last + horizon], bars: last - first + 1 };
}
