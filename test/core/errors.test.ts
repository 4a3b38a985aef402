import { describe, expect, it } from 'vitest';
import { ConfigError, formatIssue, MAX_ECHO_CHARS } from '../../src/core/index.js';

describe('formatIssue', () => {
  it('echoes at most MAX_ECHO_CHARS of a bad value and says how much it left out', () => {
    const value = 'A'.repeat(5000);
    const line = formatIssue({ path: 'data.source', message: 'invalid', value });
    // JSON adds the two quotes: 5002 characters, 200 shown, 4802 left out.
    expect(line).toBe(`data.source: invalid (got "${'A'.repeat(199)}… (4802 more characters))`);
    expect(MAX_ECHO_CHARS).toBe(200);
  });

  it('shows non-finite numbers as numbers, not as JSON null', () => {
    expect(formatIssue({ path: 'x', message: 'm', value: Number.POSITIVE_INFINITY })).toBe(
      'x: m (got Infinity)',
    );
    expect(formatIssue({ path: 'x', message: 'm', value: [1, Number.NaN] })).toBe('x: m (got [1,"NaN"])');
  });

  it('prefers the value as written in the file, and names file:line once', () => {
    const issue = { path: 'a.b', message: 'm', value: Number.NaN, written: '.nan', file: 'p.yaml', line: 3 };
    expect(formatIssue(issue)).toBe('p.yaml:3 a.b: m (got .nan)');
    expect(formatIssue({ path: 'p.yaml', file: 'p.yaml', message: 'is a directory' })).toBe(
      'p.yaml is a directory',
    );
  });

  it('puts every issue under the error message', () => {
    const e = new ConfigError('invalid configuration', [{ path: 'k', message: 'bad', fix: 'do x' }]);
    expect(e.message).toBe('invalid configuration\n  - k: bad — fix: do x');
  });
});
