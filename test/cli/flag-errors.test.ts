import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../integration/helpers.js';
import { runCli } from './run-cli.js';

/** The logged error record (JSON lines on stderr when it is not a TTY). */
function errorRecord(stderr: string): { msg: string; issues: string[]; stack?: string } {
  const line = stderr
    .trim()
    .split('\n')
    .find((l) => l.includes('"level":"error"'));
  if (!line) throw new Error(`no error record in stderr: ${stderr}`);
  return JSON.parse(line);
}

describe('an error caused by a flag names the flag, exits 3, without a stack trace', () => {
  it.each([
    [['train-teacher', '--nope'], '--nope: unknown flag for train-teacher'],
    [['train-teacher', '--output-dir'], '--output-dir: needs a value (DIR)'],
    [['train-teacher', '--output-dir', '--append-labels'], '--output-dir: needs a value (DIR)'],
    [['train-teacher', '--lookback-days', 'ninety'], '--lookback-days: must be a number'],
    [['train-teacher', '--start-date', '2024-02-30'], '--start-date: must be a date YYYY-MM-DD'],
    [['train-teacher', '--end-date', '31/12/2024'], '--end-date: must be a date YYYY-MM-DD'],
    [['train-teacher', '--append-labels=yes'], '--append-labels: is a switch and takes no value'],
    [['train-student', '--require-all-criteria', 'maybe'], '--require-all-criteria: must be true or false'],
    [['train-student', '--cv-folds', '5', '--cv-folds', '6'], '--cv-folds: given more than once'],
    [['promote', 'a', 'b'], 'unexpected argument "b"'],
  ])('%j', (argv, msg) => {
    const r = runCli(argv);
    expect(r.code).toBe(3);
    const rec = errorRecord(r.stderr);
    expect(rec.msg).toBe(msg);
    expect(rec.stack).toBeUndefined();
    expect(r.stderr).not.toContain('    at ');
  });

  it('engine dashboard refuses a file where it follows a directory, naming the flag', () => {
    const dir = tempDir('sq-dash-flags-');
    const file = join(dir, 'telemetry.txt');
    writeFileSync(file, 'not a directory\n');
    for (const flag of ['--telemetry-dir', '--out', '--root']) {
      const r = runCli(['engine', 'dashboard', '--port', '0', flag, file]);
      expect(r.code, flag).toBe(3);
      const rec = errorRecord(r.stderr);
      expect(rec.msg).toBe(`${flag}: ${file} is not a directory`);
      expect(rec.issues[0]).toContain('is a file');
      expect(r.stderr).not.toContain('    at ');
    }
  });

  it('suggests the flag meant by a typo', () => {
    const rec = errorRecord(runCli(['train-teacher', '--symbls', 'TCS']).stderr);
    expect(rec.issues[0]).toContain('did you mean --symbols?');
  });

  it('an invalid --model-type is blamed on the flag, not on a params.yaml line', () => {
    const dir = tempDir();
    const params = join(dir, 'params.yaml');
    writeFileSync(params, 'student:\n  model_type: logistic\n');
    const r = runCli(['train-student', '--params', params, '--model-type', 'forest']);
    expect(r.code).toBe(3);
    const rec = errorRecord(r.stderr);
    expect(rec.msg).toBe('invalid --model-type');
    expect(rec.issues).toHaveLength(1);
    expect(rec.issues[0]).toMatch(/^--model-type: /);
    expect(rec.issues[0]).toContain('"forest"');
    expect(r.stderr).not.toContain(params);
  });

  it('a flag that trips a cross-field rule is named too', () => {
    const r = runCli(['train-teacher', '--strategy', 'intraday']);
    expect(r.code).toBe(3);
    const rec = errorRecord(r.stderr);
    expect(rec.msg).toBe('invalid --strategy');
    expect(rec.issues[0]).toContain('intraday-needs-intraday-bars');
  });
});
