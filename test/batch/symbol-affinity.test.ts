import { describe, expect, it } from 'vitest';
import { generateWindows, symbolAffinity, type WindowJob } from '../../src/batch/index.js';

const jobs = (symbols: string[], stage: WindowJob['stage'] = 'teacher'): WindowJob[] =>
  generateWindows({
    symbols,
    startDate: '2022-01-01',
    endDate: '2022-12-31',
    windowDays: 120,
    stepDays: 120,
  }).map((task) => ({ stage, task }));

/** Simulates free workers taking jobs in turn (0, 1, 0, 1, …) and returns who ran which window. */
function run(pick: ReturnType<typeof symbolAffinity>, all: WindowJob[], workers: number): string[][] {
  const pending = [...all];
  const ran: string[][] = Array.from({ length: workers }, () => []);
  for (let w = 0; pending.length > 0; w = (w + 1) % workers) ran[w].push(pick(pending, w).task.label);
  return ran;
}

describe('symbol affinity of the thread pool', () => {
  it("sends each symbol's windows to one worker, keeps that across phases, and lets no worker idle at the end", () => {
    const pick = symbolAffinity();
    // 3 symbols × 4 windows (2022-01-01, 05-01, 08-29, 12-27).
    const teacher = run(pick, jobs(['A', 'B', 'C']), 2);
    const symbols = (labels: string[]) => labels.map((l) => l.split('_')[0]);
    // Worker 0 takes A, worker 1 takes B; C goes to whoever is free first once its own symbol is done
    // (worker 0), and worker 1 helps with C's last windows rather than idling.
    expect(symbols(teacher[0])).toEqual(['A', 'A', 'A', 'A', 'C', 'C']);
    expect(symbols(teacher[1])).toEqual(['B', 'B', 'B', 'B', 'C', 'C']);
    expect(teacher[0].concat(teacher[1]).sort()).toEqual(
      jobs(['A', 'B', 'C'])
        .map((j) => j.task.label)
        .sort(),
    );
    // The next phase: the same owners (C stays with worker 0, which claimed it).
    const validation = run(pick, jobs(['A', 'B', 'C'], 'validation'), 2);
    expect(symbols(validation[0])).toEqual(['A', 'A', 'A', 'A', 'C', 'C']);
    expect(symbols(validation[1])).toEqual(['B', 'B', 'B', 'B', 'C', 'C']);
    // Within a symbol, windows keep their time order.
    expect(teacher[0].slice(0, 4)).toEqual([
      'A_2022-01-01_to_2022-05-01',
      'A_2022-05-01_to_2022-08-29',
      'A_2022-08-29_to_2022-12-27',
      'A_2022-12-27_to_2022-12-31',
    ]);
  });
});
