import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { treeHashes } from '../integration/helpers.js';
import { batchProject, startCli, TRAINABLE_PARAMS, until } from './batch-process.js';
import { runCli } from './cli-process.js';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

/** A free loopback port (the OS picks it; closed again before redis-server binds it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe.skipIf(!hasRedis)('[slow] queue mode: two batch-worker processes on a Redis server', () => {
  it('finish the batch with one worker killed mid-run, with the artifacts of the local run', async () => {
    const port = await freePort();
    const redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    children.push(redis);
    const url = `redis://127.0.0.1:${port}`;
    await until(
      () =>
        spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG',
      20_000,
    );

    const local = batchProject(TRAINABLE_PARAMS, 'sq-batch-local-');
    expect(runCli(['train-batch', '--workers', '1', '--batch-dir', 'batch'], { cwd: local }).status).toBe(0);

    const cwd = batchProject(TRAINABLE_PARAMS, 'sq-batch-queue-');
    const worker = () => startCli(['batch-worker', '--queue', url, '--lock-seconds', '1'], cwd);
    const [w1, w2] = [worker(), worker()];
    children.push(w1.child, w2.child);
    const producer = startCli(['train-batch', '--queue', url, '--batch-dir', 'batch'], cwd);
    children.push(producer.child);
    // Kill the first worker with SIGKILL once it has finished a window and taken the next.
    let w1err = '';
    w1.child.stderr?.on('data', (d) => {
      w1err += d;
    });
    await until(() => w1err.includes('batch-worker: window done'), 120_000);
    w1.child.kill('SIGKILL');
    expect((await w1.done).signal).toBe('SIGKILL');

    const p = await producer.done;
    expect(p.code, p.stderr.slice(-2000)).toBe(0);
    expect(p.stdout).toContain('teacher    9 success, 3 skipped, 0 failed');
    w2.child.kill('SIGTERM');
    const w2done = await w2.done;
    expect(w2done.code, w2done.stderr.slice(-1000)).toBe(0);
    expect(w2done.stdout).toMatch(/batch-worker: \d+ windows/);

    expect(treeHashes(join(cwd, 'batch'))).toEqual(treeHashes(join(local, 'batch')));
    expect(readFileSync(join(cwd, 'batch', 'teacher_runs.jsonl'), 'utf8')).toBe(
      readFileSync(join(local, 'batch', 'teacher_runs.jsonl'), 'utf8'),
    );
    redis.kill('SIGTERM');
  }, 300_000);

  it('exits 3 when the queue cannot be reached', async () => {
    const port = await freePort();
    const cwd = batchProject(TRAINABLE_PARAMS, 'sq-batch-noqueue-');
    const r = runCli(['train-batch', '--queue', `redis://127.0.0.1:${port}`, '--batch-dir', 'b'], {
      cwd,
      timeoutMs: 60_000,
    });
    expect(r.status, r.stderr.slice(-1000)).toBe(3);
    expect(r.stderr).toContain('cannot reach Redis');
  }, 90_000);
});
