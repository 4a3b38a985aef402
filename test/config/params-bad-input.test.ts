import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParams, validateParams } from '../../src/config/index.js';
import { ConfigError, formatIssue } from '../../src/core/index.js';
import { READ_LIMITS } from '../../src/pipeline/index.js';

function writeYaml(text: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sq-params-')), 'params.yaml');
  writeFileSync(file, text);
  return file;
}

function loadError(file: string, overrides?: unknown): ConfigError {
  try {
    loadParams(file, overrides);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected loadParams to fail');
}

const head = (e: Error) => e.message.split('\n')[0];

describe('params file that is not a params file', () => {
  it('a directory, a FIFO or a device is refused before it is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sq-params-'));
    const asDir = join(dir, 'params.yaml');
    mkdirSync(asDir);
    expect(formatIssue(loadError(asDir).issues[0])).toBe(
      `${asDir} is a directory; expected a regular file — fix: run from the repository root or pass --params <params.yaml>`,
    );
    const fifo = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(loadError(fifo).issues[0].message).toBe('is a FIFO (named pipe); expected a regular file');
    expect(loadError('/dev/zero').issues[0].message).toBe('is a character device; expected a regular file');
  });

  it('a huge file is refused from its size', () => {
    const file = writeYaml(`# ${'x'.repeat(READ_LIMITS.params)}\nbase:\n  seed: 1\n`);
    const e = loadError(file);
    expect(head(e)).toBe(`params file ${file} is too large`);
    expect(e.issues[0].message).toContain(`over the limit of ${READ_LIMITS.params} bytes`);
  });

  it('an empty or comment-only file is an error, not a silent run on the defaults; `{}` opts in', () => {
    for (const text of ['', '\n\n', '# nothing here\n# at all\n']) {
      const file = writeYaml(text);
      const e = loadError(file);
      expect(head(e)).toBe(`${file} is empty`);
      expect(e.issues[0].fix).toContain('`{}`');
    }
    expect(loadParams(writeYaml('{}\n')).params.teacher.horizon).toBe(5);
  });

  it('a top level that is not a mapping names its line', () => {
    const file = writeYaml('# comment\n- base\n- data\n');
    const e = loadError(file);
    expect(e.issues[0]).toMatchObject({ file, line: 2 });
    expect(e.issues[0].message).toMatch(/top level must be a mapping/);
  });

  it('a YAML alias bomb (billion laughs) stops at 100 alias expansions', () => {
    let text = 'base:\n  seed: 1\nx0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++)
      text += `x${i}: &x${i} [${Array(9)
        .fill(`*x${i - 1}`)
        .join(', ')}]\n`;
    const t0 = performance.now();
    const e = loadError(writeYaml(text));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.issues[0].message).toBe(
      'YAML aliases expand too much (over 100 expansions: a "billion laughs" document)',
    );
  });

  it('a YAML syntax error names the line and echoes no more than ~200 characters of it', () => {
    const file = writeYaml(`base:\n  seed: [1, ${'9'.repeat(100_000)}\n`);
    const e = loadError(file);
    expect(e.issues[0].file).toBe(file);
    expect(e.issues[0].line).toBeGreaterThan(0);
    for (const i of e.issues) expect(formatIssue(i).length).toBeLessThan(file.length + 400);
  });
});

describe('params values', () => {
  it('an invalid time zone names the key, file:line and a fix', () => {
    const file = writeYaml('base:\n  seed: 1\n  exchange_tz: Mars/Olympus\n');
    expect(formatIssue(loadError(file).issues[0])).toBe(
      `${file}:3 base.exchange_tz: not an IANA time zone name (got Mars/Olympus) — fix: use a name such as Asia/Kolkata, America/New_York or UTC`,
    );
  });

  it('validation.start / end must be calendar dates', () => {
    const file = writeYaml('validation:\n  start: yesterday\n  end: "2024-02-30"\n');
    const lines = loadError(file).issues.map(formatIssue);
    expect(lines).toEqual([
      `${file}:2 validation.start: expected a date YYYY-MM-DD (got yesterday) — fix: write a real date as YYYY-MM-DD, e.g. "2024-06-03"`,
      `${file}:3 validation.end: not a real calendar date (got "2024-02-30") — fix: write a real date as YYYY-MM-DD, e.g. "2024-06-03"`,
    ]);
  });

  it('.inf and .nan are shown as written, not as null', () => {
    const file = writeYaml(
      'strategy:\n  confidence_threshold: .inf\n  commission_bps: -.Inf\n  slippage_bps: .NaN\n',
    );
    const lines = loadError(file).issues.map(formatIssue);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`${file}:2 strategy.confidence_threshold:`);
    expect(lines[0]).toContain('(got .inf) — fix: write a finite number');
    expect(lines[1]).toContain('(got -.Inf)');
    expect(lines[2]).toContain('(got .NaN)');
    for (const l of lines) expect(l).not.toContain('null');
  });

  it('a long bad value is echoed up to 200 characters', () => {
    const file = writeYaml(`data:\n  source: ${'x'.repeat(10_000)}\n`);
    const line = formatIssue(loadError(file).issues[0]);
    expect(line).toContain(`(got ${'x'.repeat(200)}… (9800 more characters))`);
    expect(line.length).toBeLessThan(file.length + 600);
  });

  it('a value a flag overrode is not attributed to the file’s line', () => {
    const file = writeYaml('teacher:\n  horizon: 5\n');
    const e = loadError(file, { teacher: { horizon: 0 } });
    expect(e.issues[0]).toMatchObject({ path: 'teacher.horizon', value: 0 });
    expect(e.issues[0].line).toBeUndefined();
  });
});

describe('rule embargo-fits-data', () => {
  it('an embargo longer than the data is refused at load (exit 3), naming the window in bars', () => {
    // 2024-01-01 (Mon) … 2024-03-31 (Sun): 13 weeks = 65 weekdays; validation 15% → 10, test 20% → 13.
    const file = writeYaml('data:\n  start: "2024-01-01"\n  end: "2024-03-31"\nsplit:\n  embargo_bars: 10\n');
    const [i] = loadError(file).issues;
    expect(i).toMatchObject({ path: 'split.embargo_bars', line: 5, value: 10 });
    expect(i.message).toContain('holds at most 65 1d bars per symbol');
    expect(i.message).toContain('validation split has at most 10 and training at most 42');
    expect(i.message).toContain('[rule embargo-fits-data]');
    expect(i.fix).toBe(
      'use split.embargo_bars (and teacher.horizon) below 10, or widen data.start … data.end',
    );
    // One bar less fits.
    expect(loadParams(file, { split: { embargo_bars: 9 } }).params.split.embargo_bars).toBe(9);
  });

  it('a null embargo takes teacher.horizon; 5-minute bars count 75 per synthetic session', () => {
    const daily = { data: { start: '2024-01-01', end: '2024-01-14' }, teacher: { horizon: 2 } };
    // 10 weekdays: validation round(1.5) = 2 bars ≤ the embargo of 2 (the horizon).
    const r = validateParams(daily);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['split.embargo_bars']);
    // The same fortnight at 5m holds 750 bars: validation 113, plenty for an embargo of 2.
    expect(validateParams({ ...daily, data: { ...daily.data, frequency: '5m' } }).ok).toBe(true);
  });
});
