import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStudentDir, dvcOutputAt, dvcOutputs } from '../../src/cli/dvc-outputs.js';
import { tempDir } from '../integration/helpers.js';

describe('DVC outputs', () => {
  it('reads outs, metrics and plots of every stage, in plain and option form', () => {
    const file = join(tempDir(), 'dvc.yaml');
    writeFileSync(
      file,
      [
        'stages:',
        '  a:',
        '    cmd: x',
        '    outs: [out/a, {out/b.json: {cache: false}}]',
        '    metrics:',
        '      - m/metrics.json:',
        '          cache: false',
        '  b:',
        '    cmd: y',
        '    plots: [p/plots]',
        'plots:',
        '  - Not an output: {x: a}',
      ].join('\n'),
    );
    expect(dvcOutputs(file)).toEqual(['out/a', 'out/b.json', 'm/metrics.json', 'p/plots']);
    expect(dvcOutputs(join(tempDir(), 'missing.yaml'))).toEqual([]);
  });

  it('a dir overlaps an output when it is it, holds it, or lies inside it', () => {
    const outs = ['data/models/student/student_model.json', 'data/raw'];
    expect(dvcOutputAt('data/models/student', outs)).toBe('data/models/student/student_model.json');
    expect(dvcOutputAt('data/raw/sub', outs)).toBe('data/raw');
    expect(dvcOutputAt('data/raw', outs)).toBe('data/raw');
    expect(dvcOutputAt('data/models/runs/x/student', outs)).toBeUndefined();
    expect(dvcOutputAt('data/raw2', outs)).toBeUndefined();
  });

  it("train-student's default output: beside the teacher, unless that is the DVC student", () => {
    const outs = dvcOutputs('dvc.yaml'); // the repository's pipeline
    expect(defaultStudentDir('data/models/teacher', 'abcd1234', outs)).toBe(
      join('data/models/runs/abcd1234/student'),
    );
    expect(defaultStudentDir('./data/models/teacher/', 'abcd1234', outs)).toBe(
      join('data/models/runs/abcd1234/student'),
    );
    expect(defaultStudentDir('data/models/runs/ffff0000/teacher', 'abcd1234', outs)).toBe(
      join('data/models/runs/ffff0000/student'),
    );
    expect(defaultStudentDir('/tmp/exp/teacher', 'abcd1234', outs)).toBe('/tmp/exp/student');
  });
});
