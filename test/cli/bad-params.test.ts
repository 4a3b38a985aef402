import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCleanFailure, openTempDir, runCli } from './cli-process.js';

/** Runs `stage ingest --params <file>` in a fresh directory: each case must stop at load, exit 3. */
function ingestWith(write: (file: string) => void) {
  const cwd = openTempDir();
  const file = join(cwd, 'params.yaml');
  write(file);
  return { cwd, file, run: runCli(['stage', 'ingest', '--params', file], { cwd }) };
}

const yaml = (text: string) => (file: string) => writeFileSync(file, text);

describe('bad params → exit 3 with a message, never a stack trace', () => {
  it('the params path is a directory', () => {
    const { file, run } = ingestWith((f) => mkdirSync(f));
    expectCleanFailure(
      run,
      3,
      `params file ${file} is not a regular file`,
      'is a directory; expected a regular file',
    );
  });

  it('the params path is a FIFO (refused without waiting for a writer)', () => {
    const { run } = ingestWith((f) => execFileSync('mkfifo', [f]));
    expectCleanFailure(run, 3, 'is a FIFO (named pipe); expected a regular file');
  });

  it('an empty params.yaml', () => {
    const { file, run } = ingestWith(yaml(''));
    expectCleanFailure(run, 3, `${file} is empty`, 'refusing to run silently on the defaults');
  });

  it('a comment-only params.yaml', () => {
    const { file, run } = ingestWith(yaml('# base:\n#   seed: 1\n'));
    expectCleanFailure(run, 3, `${file} is empty`);
  });

  it('a YAML alias bomb', () => {
    let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++)
      text += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const { run } = ingestWith(yaml(text));
    expectCleanFailure(run, 3, 'YAML aliases expand too much');
  });

  it('a huge params file', () => {
    const { file, run } = ingestWith(yaml(`# ${'x'.repeat(3 << 20)}\n`));
    expectCleanFailure(run, 3, `params file ${file} is too large`, 'over the limit of 1048576 bytes');
  });

  it('an embargo longer than the data', () => {
    const { file, run } = ingestWith(yaml('split:\n  embargo_bars: 5000\n'));
    expectCleanFailure(
      run,
      3,
      `${file}:2 split.embargo_bars: an embargo of 5000 bars`,
      'holds at most 782 1d bars',
    );
  });

  it('an invalid time zone', () => {
    const { file, run } = ingestWith(yaml('base:\n  exchange_tz: Asia/Bombay_Typo\n'));
    expectCleanFailure(
      run,
      3,
      `${file}:2 base.exchange_tz: not an IANA time zone name (got Asia/Bombay_Typo) — fix: use a name such as Asia/Kolkata`,
    );
  });

  it('validation.start that is not a date', () => {
    const { file, run } = ingestWith(yaml('validation:\n  start: last monday\n'));
    expectCleanFailure(run, 3, `${file}:2 validation.start: expected a date YYYY-MM-DD (got last monday)`);
  });

  it('.inf and .nan shown as written', () => {
    const { run } = ingestWith(yaml('strategy:\n  slippage_bps: .inf\n  commission_bps: .nan\n'));
    expectCleanFailure(run, 3, 'strategy.slippage_bps', '(got .inf)', '(got .nan)');
    expect(run.stderr).not.toContain('(got null)');
  });

  it('a long bad value is echoed up to ~200 characters', () => {
    const { run } = ingestWith(yaml(`data:\n  frequency: ${'1'.repeat(50_000)}\n`));
    expectCleanFailure(run, 3, 'data.frequency', 'more characters)');
    expect(run.stderr.length).toBeLessThan(2000);
  });
});
