import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { atomicTempPid } from '../../src/pipeline/index.js';
import { treeHashes } from '../integration/helpers.js';
import { fixturePipeline } from './fixture-pipeline.js';
import { runCli } from './cli-process.js';

/**
 * A preload that SIGKILLs the process right after the `n`-th atomic write has filled its temp file: the
 * temp file is on disk, the rename never happens — what `kill -9` mid-write leaves behind.
 */
function killHook(dir: string, n: number): string {
  const file = join(dir, `kill-at-${n}.mjs`);
  const pipeline = pathToFileURL(resolve('dist/src/pipeline/index.js')).href;
  writeFileSync(
    file,
    `import { setAtomicWriteCrashHook } from '${pipeline}';
let writes = 0;
setAtomicWriteCrashHook((point) => {
  if (point === 'after-temp-write' && ++writes === ${n}) process.kill(process.pid, 'SIGKILL');
});
`,
  );
  return file;
}

/** Every writeFileAtomic temp file under `dir`, relative. */
function tempFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (p) => atomicTempPid(p.split('/').at(-1) as string) !== undefined,
  );
}

/** Tree hashes of the DVC outputs (the run log holds wall-clock times and is not one). */
function outputs(cwd: string): Record<string, string> {
  const h = treeHashes(join(cwd, 'data'));
  delete h['models/training_pipeline.json'];
  return h;
}

describe('a stage killed with SIGKILL mid-write', () => {
  it('leaves no temp files after the rerun, whose outputs and provenance equal an uninterrupted run', () => {
    const reference = fixturePipeline(['ingest', 'features', 'teacher'], 'sq-ref-');
    const cwd = fixturePipeline([], 'sq-kill-');

    // ingest killed during its 2nd file: a temp CSV is left in data/raw.
    const ingest = runCli(['stage', 'ingest'], { cwd, nodeArgs: ['--import', killHook(cwd, 2)] });
    expect(ingest.signal).toBe('SIGKILL');
    expect(tempFiles(join(cwd, 'data/raw'))).toHaveLength(1);
    expect(runCli(['stage', 'ingest'], { cwd }).status).toBe(0);
    expect(tempFiles(cwd)).toEqual([]);
    expect(runCli(['stage', 'features'], { cwd }).status).toBe(0);

    // teacher killed after writing its model, both CSVs and stats: its 4th file is left as a temp.
    const teacher = runCli(['stage', 'teacher'], { cwd, nodeArgs: ['--import', killHook(cwd, 4)] });
    expect(teacher.signal).toBe('SIGKILL');
    expect(tempFiles(join(cwd, 'data/models/teacher'))).toHaveLength(1);
    expect(existsSync(join(cwd, 'data/models/teacher/metadata.json'))).toBe(false);
    expect(runCli(['stage', 'teacher'], { cwd }).status).toBe(0);

    expect(tempFiles(cwd)).toEqual([]);
    const got = outputs(cwd);
    const want = outputs(reference);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    expect(got).toEqual(want);
    // Provenance included: the features stage hashed data/raw as its input, the teacher raw + features.
    expect(got['features/metadata.json']).toBe(want['features/metadata.json']);
    expect(got['models/teacher/metadata.json']).toBe(want['models/teacher/metadata.json']);
  });
});
