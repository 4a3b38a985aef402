import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  appendStageRecord,
  readColumnsCsv,
  setAtomicWriteCrashHook,
  sha256,
  sha256Dir,
  stableStringify,
  stageProvenance,
  writeColumnsCsv,
  writeFileAtomic,
} from '../../src/pipeline/index.js';
import { ArtifactError } from '../../src/core/index.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sq-pipe-'));

describe('writeFileAtomic', () => {
  it('a crash before the rename leaves the old file intact', () => {
    const dir = tmp();
    const f = join(dir, 'model.json');
    writeFileAtomic(f, 'old');
    setAtomicWriteCrashHook((p) => {
      if (p === 'before-rename') throw new Error('crash');
    });
    try {
      expect(() => writeFileAtomic(f, 'new')).toThrow('crash');
    } finally {
      setAtomicWriteCrashHook(undefined);
    }
    expect(readFileSync(f, 'utf8')).toBe('old');
    writeFileAtomic(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
  });
});

describe('stableStringify', () => {
  it('sorts keys recursively and keeps array order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, 1], c: 2 } })).toBe('{"a":{"c":2,"d":[3,1]},"b":1}');
  });
});

describe('sha256Dir', () => {
  it('depends on names and contents, not on creation order', () => {
    const a = tmp();
    const b = tmp();
    writeFileSync(join(a, 'x'), '1');
    writeFileSync(join(a, 'y'), '2');
    writeFileSync(join(b, 'y'), '2');
    writeFileSync(join(b, 'x'), '1');
    expect(sha256Dir(a)).toBe(sha256Dir(b));
    writeFileSync(join(b, 'x'), '3');
    expect(sha256Dir(a)).not.toBe(sha256Dir(b));
  });
});

describe('columns CSV', () => {
  it('round-trips doubles bit-exactly, NaN as empty, and gzip is byte-reproducible', () => {
    const dir = tmp();
    const x = Float64Array.from([0.1 + 0.2, -1e-300, Number.NaN, 123456789.12345679]);
    const s = ['A', 'B', 'C', 'D'];
    const f1 = join(dir, 'a.csv.gz');
    const f2 = join(dir, 'b.csv.gz');
    writeColumnsCsv(f1, ['x', 'sym'], [x, s]);
    writeColumnsCsv(f2, ['x', 'sym'], [x, s]);
    expect(sha256(readFileSync(f1))).toBe(sha256(readFileSync(f2)));
    expect(gunzipSync(readFileSync(f1)).toString().split('\n')[3]).toBe(',C');
    const t = readColumnsCsv(f1, ['sym']);
    const back = t.numbers.get('x') as Float64Array;
    expect(Array.from(back.subarray(0, 2))).toEqual([0.1 + 0.2, -1e-300]);
    expect(Number.isNaN(back[2])).toBe(true);
    expect(back[3]).toBe(123456789.12345679);
    expect(t.strings.get('sym')).toEqual(s);
  });

  it('names file, line and column of a corrupt cell', () => {
    const dir = tmp();
    const f = join(dir, 'bad.csv');
    writeFileSync(f, 'a,b\n1,2\n3,x\n');
    try {
      readColumnsCsv(f);
      throw new Error('expected failure');
    } catch (e) {
      expect(e).toBeInstanceOf(ArtifactError);
      expect((e as ArtifactError).issues[0]).toMatchObject({ file: f, line: 3, path: 'b', value: 'x' });
    }
  });
});

describe('training_pipeline.json', () => {
  it('keeps the latest record per stage and the full history', () => {
    const dir = tmp();
    const f = join(dir, 'training_pipeline.json');
    const rec = (stage: string, status: 'completed' | 'failed') => ({
      stage,
      start: 's',
      end: 'e',
      status,
      artifacts: [`data/${stage}`],
      config_hash: 'abcd1234',
    });
    appendStageRecord(f, rec('teacher_training', 'failed'));
    appendStageRecord(f, rec('teacher_training', 'completed'));
    appendStageRecord(f, rec('student_training', 'completed'));
    const log = JSON.parse(readFileSync(f, 'utf8'));
    expect(log.stages.teacher_training.status).toBe('completed');
    expect(log.history).toHaveLength(3);
    expect(log.pipeline_version).toBe('1.0');
    expect(existsSync(f)).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('provenance vs run log', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  const repo = () => {
    const dir = tmp();
    git(dir, 'init', '-q');
    git(dir, 'config', 'user.email', 't@example.com');
    git(dir, 'config', 'user.name', 't');
    writeFileSync(join(dir, 'in.txt'), 'bars\n');
    return dir;
  };
  const commit = (dir: string, msg: string) => {
    git(dir, 'commit', '-q', '--allow-empty', '-m', msg);
    return git(dir, 'rev-parse', 'HEAD');
  };

  it('metadata provenance is the same at two commits and holds no machine-dependent version', () => {
    const dir = repo();
    const prov = () =>
      stageProvenance({
        stage: 'ingest',
        configHash: 'abcd1234',
        inputs: [join(dir, 'in.txt')],
        outputs: [],
        root: dir,
      });
    const first = commit(dir, 'one');
    const a = stableStringify(prov());
    const second = commit(dir, 'two');
    expect(second).not.toBe(first);
    expect(stableStringify(prov())).toBe(a);
    expect(a).not.toContain(first);
    expect(a).not.toContain(process.versions.node);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(prov().versions).toEqual({
      tfjs: pkg.dependencies['@tensorflow/tfjs'],
      typescript: pkg.devDependencies.typescript,
    });
    expect(prov().inputs).toEqual({ 'in.txt': sha256('bars\n') });
  });

  it('the run log records the commit of every stage run and the machine tool versions', () => {
    const dir = repo();
    const sha = commit(dir, 'one');
    const f = join(dir, 'training_pipeline.json');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      appendStageRecord(f, {
        stage: 'ingest',
        start: 's',
        end: 'e',
        status: 'completed',
        artifacts: [],
        config_hash: 'x',
      });
    } finally {
      process.chdir(cwd);
    }
    const log = JSON.parse(readFileSync(f, 'utf8'));
    expect(log.git_commit).toBe(sha);
    expect(log.stages.ingest.git_commit).toBe(sha);
    expect(log.history[0].git_commit).toBe(sha);
    expect(log.dependencies.node).toBe(process.versions.node);
  });
});
