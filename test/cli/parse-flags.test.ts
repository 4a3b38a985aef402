import { describe, expect, it } from 'vitest';
import { flagOverrides } from '../../src/cli/flag-overrides.js';
import type { FlagTable } from '../../src/cli/flag-spec.js';
import { parseCommandFlags } from '../../src/cli/parse-flags.js';
import { ConfigError } from '../../src/core/index.js';

const TABLE = {
  symbols: { type: 'list', help: 's', param: 'data.symbols', overrides: true },
  'cv-folds': { type: 'number', help: 'n', param: 'student.cv_folds', overrides: true },
  uplift: { type: 'number', help: 'u', param: 'validation.thresholds.min_sharpe_uplift', overrides: true },
  strict: { type: 'bool', help: 'b', param: 'validation.thresholds.require_all_criteria', overrides: true },
  start: { type: 'date', help: 'd', param: 'data.start' },
  mode: { type: 'string', help: 'm', choices: ['a', 'b'], default: 'a' },
  dry: { type: 'boolean', help: 'x' },
} as const satisfies FlagTable;

const parse = (argv: string[], maxPositionals = 0) =>
  parseCommandFlags(argv, TABLE, { command: 'demo', maxPositionals });

function issueOf(argv: string[]) {
  try {
    parse(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).issues[0];
  }
  throw new Error('expected a ConfigError');
}

describe('parseCommandFlags', () => {
  it('reads a list flag space-separated, comma-separated or repeated', () => {
    for (const argv of [
      ['--symbols', 'TCS', 'INFY', 'ITC'],
      ['--symbols', 'TCS,INFY', '--symbols', 'ITC'],
      ['--symbols=TCS,INFY,ITC'],
    ])
      expect(parse(argv).values.symbols).toEqual(['TCS', 'INFY', 'ITC']);
  });

  it('converts numbers, true|false and dates; switches default to false; absent flags are undefined', () => {
    const { values } = parse([
      '--cv-folds',
      '7',
      '--uplift',
      '-0.1',
      '--strict',
      'false',
      '--start',
      '2024-02-29',
    ]);
    expect(values).toEqual({
      symbols: undefined,
      'cv-folds': 7,
      uplift: -0.1,
      strict: false,
      start: '2024-02-29',
      mode: undefined,
      dry: false,
    });
    expect(parse(['--dry']).values.dry).toBe(true);
  });

  it('names the flag and the bad value', () => {
    expect(issueOf(['--cv-folds', '7x'])).toMatchObject({ path: '--cv-folds', value: '7x' });
    expect(issueOf(['--cv-folds', ''])).toMatchObject({ path: '--cv-folds', message: 'must be a number' });
    expect(issueOf(['--start', '2023-02-29'])).toMatchObject({ path: '--start', value: '2023-02-29' });
    expect(issueOf(['--mode', 'c'])).toMatchObject({ path: '--mode', message: 'must be one of a, b' });
    expect(issueOf(['--strict', 'yes'])).toMatchObject({
      path: '--strict',
      message: 'must be true or false',
    });
    expect(issueOf(['--symbols', 'A,,B'])).toMatchObject({ path: '--symbols', message: 'has an empty item' });
    expect(issueOf(['--symbols'])).toMatchObject({ path: '--symbols', message: 'needs a value' });
    expect(issueOf(['--cv-folds', '--dry'])).toMatchObject({ path: '--cv-folds', message: 'needs a value' });
    expect(issueOf(['-x'])).toMatchObject({ path: '-x', message: 'unknown flag for demo' });
    expect(issueOf(['--cv-fold', '3']).fix).toContain('did you mean --cv-folds?');
    expect(issueOf(['stray'])).toMatchObject({ path: 'argv', value: 'stray' });
  });

  it('keeps positionals up to the allowed number', () => {
    expect(parse(['DIR', '--dry'], 1)).toMatchObject({ positionals: ['DIR'], help: false });
  });

  it('--help or -h anywhere wins over any other problem', () => {
    expect(parse(['--nope', '--cv-folds', 'x', '-h']).help).toBe(true);
    expect(parse(['stray', '--help']).help).toBe(true);
  });
});

describe('flagOverrides', () => {
  it('nests the overriding flags under their params keys and records which flag set each key', () => {
    const { values } = parse([
      '--symbols',
      'TCS',
      '--uplift',
      '0.2',
      '--strict',
      'true',
      '--start',
      '2024-01-02',
    ]);
    expect(flagOverrides(TABLE, values)).toEqual({
      overrides: {
        data: { symbols: ['TCS'] },
        validation: { thresholds: { min_sharpe_uplift: 0.2, require_all_criteria: true } },
      },
      sources: {
        'data.symbols': '--symbols',
        'validation.thresholds.min_sharpe_uplift': '--uplift',
        'validation.thresholds.require_all_criteria': '--strict',
      },
    });
  });
});
