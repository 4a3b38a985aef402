import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParams } from '../../src/config/index.js';
import { tempDir } from '../integration/helpers.js';
import { runCli } from './run-cli.js';

const readJson = (f: string) => JSON.parse(readFileSync(f, 'utf8'));

describe('train-student never writes into a DVC output unless told to', () => {
  it('without --output-dir, the DVC teacher’s student goes to data/models/runs/<config_hash>/student', () => {
    // A scratch checkout: the repository's dvc.yaml and a small params.yaml, the teacher trained into
    // the DVC teacher's place (as `dvc repro` would).
    const dir = tempDir();
    copyFileSync('dvc.yaml', join(dir, 'dvc.yaml'));
    writeFileSync(
      join(dir, 'params.yaml'),
      'data:\n  symbols: [TCS, INFY]\n  start: "2023-01-01"\n  end: "2023-12-31"\n' +
        'teacher:\n  gbdt: {num_rounds: 20}\n  oof_folds: 2\nstudent:\n  nn: {epochs: 3}\n',
    );
    const teacher = runCli(['train-teacher', '--output-dir', 'data/models/teacher'], { cwd: dir });
    expect(teacher.code, teacher.stderr).toBe(0);
    const student = runCli(['train-student'], { cwd: dir });
    expect(student.code, student.stderr).toBe(0);
    const hash = loadParams(join(dir, 'params.yaml')).configHash;
    const out = join('data/models/runs', hash, 'student');
    expect(student.stdout).toContain(`student artifacts: ${out}`);
    expect(existsSync(join(dir, out, 'student_model.json'))).toBe(true);
    expect(existsSync(join(dir, 'data/models/student'))).toBe(false);
    expect(readJson(join(dir, out, 'metadata.json')).config_hash).toBe(hash);
  });
});

describe('train-teacher --strategy', () => {
  // One symbol, January 2023 of 5-minute bars: 22 weekday sessions of 75 bars (09:15–15:30 IST).
  const sessions = Array.from({ length: 31 }, (_, d) =>
    new Date(Date.UTC(2023, 0, d + 1)).getUTCDay(),
  ).filter((w) => w !== 0 && w !== 6).length;
  const horizon = 6;
  const dir = tempDir();
  const params = join(dir, 'params.yaml');
  writeFileSync(
    params,
    `data:\n  symbols: [TCS]\n  start: "2023-01-01"\n  end: "2023-01-31"\n  frequency: 5m\n` +
      `teacher:\n  horizon: ${horizon}\n  gbdt: {num_rounds: 10}\n  oof_folds: 2\n`,
  );
  const train = (strategy: string) => {
    const out = join(dir, strategy, 'teacher');
    const r = runCli(['train-teacher', '--params', params, '--strategy', strategy, '--output-dir', out]);
    expect(r.code, r.stderr).toBe(0);
    return { stats: readJson(join(out, 'dataset_stats.json')), meta: readJson(join(out, 'metadata.json')) };
  };

  it('intraday drops and counts every row whose forward window crosses a session close', () => {
    expect(sessions).toBe(22);
    const { stats, meta } = train('intraday');
    expect(meta.strategy).toBe('intraday');
    // Warm-up ends inside the first session, so every session but the last loses its last `horizon`
    // rows to the close; the last session's last rows run past the data instead.
    expect(stats.excluded.warmup).toBeLessThan(75 - horizon);
    expect(stats.excluded.session_close).toBe((sessions - 1) * horizon);
    expect(stats.excluded.horizon_past_data).toBe(horizon);
    // total_samples counts every labelled row (the embargoed ones included).
    expect(stats.total_samples).toBe(sessions * 75 - stats.excluded.warmup - sessions * horizon);
  });

  it('swing (the default) keeps those rows and its dataset_stats shape', () => {
    const { stats, meta } = train('swing');
    expect(meta.strategy).toBe('swing');
    expect(Object.keys(stats.excluded).sort()).toEqual(['embargo', 'horizon_past_data', 'warmup']);
    expect(stats.total_samples).toBe(sessions * 75 - stats.excluded.warmup - horizon);
  });
});
