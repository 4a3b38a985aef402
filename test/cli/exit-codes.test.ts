import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exitCodeFor } from '../../src/cli/exit-codes.js';
import {
  ArtifactError,
  ConfigError,
  DataValidationError,
  RegistryError,
  ValidationRejectedError,
} from '../../src/core/index.js';
import { tempDir } from '../integration/helpers.js';

const quiet = async (argv: string[]) => {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await main(argv);
  } finally {
    process.stdout.write = write;
  }
};

describe('exit codes', () => {
  it('maps error classes: 1 failure, 2 rejected, 3 configuration', () => {
    expect(exitCodeFor(new ConfigError('x'))).toBe(3);
    expect(exitCodeFor(new ValidationRejectedError('x'))).toBe(2);
    expect(exitCodeFor(new DataValidationError('x'))).toBe(1);
    expect(exitCodeFor(new ArtifactError('x'))).toBe(1);
    expect(exitCodeFor(new RegistryError('x'))).toBe(1);
    expect(exitCodeFor(new Error('bug'))).toBe(1);
  });

  it('an invalid params file exits 3 before anything is written', async () => {
    const dir = tempDir();
    const params = join(dir, 'params.yaml');
    writeFileSync(params, 'teacher:\n  horizon: 0\n');
    expect(await quiet(['train-teacher', '--params', params, '--output-dir', join(dir, 'out')])).toBe(3);
  });

  it('a bad CSV row exits 1 (data error), an unknown flag or command exits 3', async () => {
    const dir = tempDir();
    const csv = join(dir, 'TCS.csv');
    writeFileSync(
      csv,
      'ts,open,high,low,close,volume\n2024-01-02,100,101,99,100.5,1000\n2024-01-03,100,99,98,100.5,1000\n',
    );
    const params = join(dir, 'params.yaml');
    writeFileSync(params, `data:\n  source: csv\n  csv_paths: [${csv}]\n`);
    expect(await quiet(['train-teacher', '--params', params, '--output-dir', join(dir, 'out')])).toBe(1);
    expect(await quiet(['train-teacher', '--nope'])).toBe(3);
    expect(await quiet(['no-such-command'])).toBe(3);
    expect(
      await quiet(['train-teacher', '--start-date', '2024-13-01', '--output-dir', join(dir, 'out')]),
    ).toBe(3);
  });

  it('--help lists the commands and exits 0', async () => {
    expect(await quiet(['--help'])).toBe(0);
  });
});
