import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturePipeline } from './fixture-pipeline.js';
import { expectCleanFailure, runCli } from './cli-process.js';

let cwd: string;

beforeAll(() => {
  cwd = fixturePipeline(['ingest', 'features', 'teacher', 'student']);
});

/** Runs `args` with `dir` made read-only (as nobody when the tests run as root), then restores it. */
function withReadOnly(dir: string, args: string[]) {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o555);
  try {
    return runCli(args, { cwd, unprivileged: true });
  } finally {
    chmodSync(dir, 0o755);
  }
}

const DENIED = 'permission denied (EACCES) — fix: choose an output directory you can write to';

describe('an unwritable output directory: exit 1 naming the directory and the fix, for every command', () => {
  for (const [stage, dir] of [
    ['ingest', 'data/raw'],
    ['features', 'data/features'],
    ['teacher', 'data/models/teacher'],
    ['student', 'data/models/student'],
    ['validate', 'reports/validation'],
  ]) {
    it(`stage ${stage} (${dir})`, () => {
      mkdirSync(join(cwd, dir), { recursive: true });
      const before = readdirSync(join(cwd, dir)).sort();
      const r = withReadOnly(join(cwd, dir), ['stage', stage]);
      expectCleanFailure(r, 1, `cannot write output directory ${dir}: permission denied`, DENIED);
      expect(readdirSync(join(cwd, dir)).sort()).toEqual(before);
    });
  }

  it('train-teacher --output-dir', () => {
    const ro = join(cwd, 'ro-teacher');
    const r = withReadOnly(ro, ['train-teacher', '--output-dir', join(ro, 'teacher')]);
    expectCleanFailure(r, 1, `cannot write output directory ${join(ro, 'teacher')}: permission denied`);
  });

  it('train-student --output-dir (also where --validate writes)', () => {
    const ro = join(cwd, 'ro-student');
    const args = [
      'train-student',
      '--teacher-dir',
      'data/models/teacher',
      '--output-dir',
      join(ro, 'student'),
    ];
    expectCleanFailure(withReadOnly(ro, args), 1, `cannot write output directory ${join(ro, 'student')}`);
    expectCleanFailure(
      withReadOnly(ro, [...args, '--validate']),
      1,
      `cannot write output directory ${join(ro, 'student')}`,
    );
  });

  it('params-schema --out', () => {
    const ro = join(cwd, 'ro-schema');
    const r = withReadOnly(ro, ['params-schema', '--out', join(ro, 'params.schema.json')]);
    expectCleanFailure(r, 1, `cannot write output ${join(ro, 'params.schema.json')}: permission denied`);
  });
});

describe('special output locations', () => {
  it('--output-dir under /proc fails at once instead of spinning at 100% CPU', () => {
    const t0 = Date.now();
    const r = runCli(['train-teacher', '--output-dir', '/proc/x/teacher'], { cwd, timeoutMs: 60_000 });
    expectCleanFailure(
      r,
      1,
      'cannot write output directory /proc/x/teacher: /proc is on the proc pseudo filesystem',
    );
    expect(Date.now() - t0).toBeLessThan(60_000);
  });

  it('a file where the output directory is expected (the directory itself or a parent)', () => {
    const file = join(cwd, 'not-a-dir');
    writeFileSync(file, 'x');
    expectCleanFailure(
      runCli(['train-teacher', '--output-dir', file], { cwd }),
      1,
      `cannot write output directory ${file}: ${file} is a file`,
    );
    expectCleanFailure(
      runCli(['train-teacher', '--output-dir', join(file, 'teacher')], { cwd }),
      1,
      `${file} is a file; a directory is expected (a parent of ${join(file, 'teacher')})`,
    );
  });
});

describe('corrupt teacher artifacts → exit 1 naming the file', () => {
  /** A copy of the fixture's teacher dir with `name` replaced by `make(path)`. */
  function brokenTeacher(name: string, make: (path: string) => void): string {
    const dir = join(cwd, `teacher-${name.replace(/\W/g, '_')}-${Math.random().toString(36).slice(2, 8)}`);
    cpSync(join(cwd, 'data/models/teacher'), dir, { recursive: true });
    rmSync(join(dir, name), { force: true });
    make(join(dir, name));
    return dir;
  }
  const student = (teacherDir: string) =>
    runCli(['train-student', '--teacher-dir', teacherDir, '--output-dir', join(teacherDir, 'student')], {
      cwd,
    });

  it('labels.csv.gz truncated, corrupt, or not gzip at all', () => {
    const good = join(cwd, 'data/models/teacher/labels.csv.gz');
    const bytes = readFileSync(good);
    for (const [data, message] of [
      [bytes.subarray(0, bytes.length >> 1), 'truncated gzip data'],
      [
        Buffer.concat([bytes.subarray(0, 16), Buffer.alloc(256, 0xa5), bytes.subarray(272)]),
        'corrupt gzip data',
      ],
      [Buffer.from('ts,symbol\n1,TCS\n'), 'no gzip header'],
    ] as const) {
      const dir = brokenTeacher('labels.csv.gz', (p) => writeFileSync(p, data));
      const r = student(dir);
      expectCleanFailure(r, 1, join(dir, 'labels.csv.gz'), message);
    }
  });

  it('a FIFO or a directory where teacher_model.json / metadata.json is expected', () => {
    const fifo = brokenTeacher('teacher_model.json', (p) => execFileSync('mkfifo', [p]));
    expectCleanFailure(student(fifo), 1, `${join(fifo, 'teacher_model.json')} is a FIFO (named pipe)`);
    const asDir = brokenTeacher('metadata.json', (p) => mkdirSync(p));
    expectCleanFailure(
      student(asDir),
      1,
      `${join(asDir, 'metadata.json')} is a directory; expected a regular file`,
    );
  });
});
