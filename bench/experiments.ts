import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Bench } from './figures.js';
import { dvc, type Ran, repoCopy, run } from './repo-copy.js';

const seconds = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Seconds until `node scripts/run-stage.mjs` has checked src/ and loaded the CLI (an unknown stage exits 3). */
function stageStartup(repo: string, fresh: boolean): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    if (fresh) rmSync(join(repo, '.stage-build'), { recursive: true, force: true });
    const t0 = performance.now();
    const r: Ran = run(repo, 'node', ['scripts/run-stage.mjs', 'no-such-stage']);
    times.push(seconds(t0));
    if (r.status !== 3) throw new Error(`stage start-up probe exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

function waitForQueue(repo: string): string {
  for (;;) {
    const r = run(repo, join(repo, '.venv', 'bin', 'dvc'), ['queue', 'status']);
    // The status command can fail while a worker rewrites its state file: ask again.
    if (r.status === 0 && !/\b(Queued|Running)\b/.test(r.stdout)) return r.stdout;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}

/**
 * DVC on a fresh copy of the repository with the default params: stage start-up (warm and after a fresh
 * checkout), a second `dvc repro` with nothing to do, and two experiments queued and run by two workers
 * (`dvc exp run --queue -S teacher.gbdt.num_leaves=7,31`, `dvc queue start -j 2`, until both finish).
 */
export const experiments: Bench = {
  name: 'experiments',
  run() {
    const repo = repoCopy('sq-bench-exp-');
    try {
      const fresh = stageStartup(repo, true);
      const warm = stageStartup(repo, false);
      const t0 = performance.now();
      dvc(repo, 'repro');
      const reproS = seconds(t0);
      const t1 = performance.now();
      const noop = dvc(repo, 'repro');
      const noopS = seconds(t1);
      if (!/up to date/.test(noop)) throw new Error(`a second dvc repro re-ran stages:\n${noop}`);
      dvc(repo, 'exp', 'run', '--queue', '-S', 'teacher.gbdt.num_leaves=7,31');
      const t2 = performance.now();
      dvc(repo, 'queue', 'start', '-j', '2');
      const status = waitForQueue(repo);
      const queueS = seconds(t2);
      if (/\bFailed\b/.test(status)) throw new Error(`a queued experiment failed:\n${status}`);
      return {
        stage_startup_s: warm,
        stage_startup_fresh_s: fresh,
        repro_default_s: reproS,
        noop_repro_s: noopS,
        exp_queue_2_s: queueS,
      };
    } finally {
      run(repo, join(repo, '.venv', 'bin', 'dvc'), ['queue', 'stop']);
      rmSync(dirname(repo), { recursive: true, force: true });
    }
  },
};
