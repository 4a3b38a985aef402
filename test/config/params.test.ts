import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeParam, loadParams, paramsJsonSchema, validateParams } from '../../src/config/index.js';
import { ConfigError } from '../../src/core/index.js';
import { createHash } from 'node:crypto';

function writeYaml(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sq-params-'));
  const file = join(dir, 'params.yaml');
  writeFileSync(file, text);
  return file;
}

function issuesOf(raw: unknown) {
  const r = validateParams(raw);
  if (r.ok) throw new Error('expected validation to fail');
  return r.issues;
}

describe('params validation', () => {
  it('fills every default from an empty document', () => {
    const r = validateParams({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.base.seed).toBe(42);
    expect(r.value.teacher.min_holding_return).toBe(0.005);
    // embargo defaults to the label horizon so no label overlaps a split boundary
    expect(r.value.split.embargo_bars).toBe(r.value.teacher.horizon);
    expect(r.value.validation.thresholds.min_sharpe_uplift).toBe(0.05);
  });

  it('names the key path, the value and the fix for a bad range', () => {
    const [i] = issuesOf({ teacher: { horizon: 0 } });
    expect(i.path).toBe('teacher.horizon');
    expect(i.value).toBe(0);
    expect(i.fix).toMatch(/≥ 1/);
  });

  it('names a bad enum value with the allowed ones', () => {
    const [i] = issuesOf({ data: { source: 'xls' } });
    expect(i.path).toBe('data.source');
    expect(i.value).toBe('xls');
    expect(i.fix).toContain('"synthetic"');
  });

  it('rejects unknown keys by full path', () => {
    const issues = issuesOf({ teacher: { horizn: 5 } });
    expect(issues.map((i) => i.path)).toContain('teacher.horizn');
    expect(issues[0].message).toBe('unknown key');
  });

  it('rejects a wrong type', () => {
    const [i] = issuesOf({ base: { seed: 'abc' } });
    expect(i.path).toBe('base.seed');
    expect(i.fix).toMatch(/number/);
  });

  it('applies named cross-field rules', () => {
    const issues = issuesOf({ data: { start: '2024-01-01', end: '2023-01-01' } });
    expect(issues[0].path).toBe('data.end');
    expect(issues[0].message).toContain('rule data-range-ordered');
    const csv = issuesOf({ data: { source: 'csv' } });
    expect(csv[0].path).toBe('data.csv_paths');
    const split = issuesOf({ split: { valid_size: 0.4, test_size: 0.4 } });
    expect(split[0].message).toContain('splits-leave-training-data');
  });

  it('teacher.strategy intraday needs intraday bars (every daily forward window crosses a close)', () => {
    const [i] = issuesOf({ teacher: { strategy: 'intraday' } });
    expect(i).toMatchObject({ path: 'teacher.strategy', value: 'intraday' });
    expect(i.message).toContain('rule intraday-needs-intraday-bars');
    expect(validateParams({ teacher: { strategy: 'intraday' }, data: { frequency: '5m' } }).ok).toBe(true);
  });

  it('the schema bound is the only bound on teacher.horizon (no rule contradicting it)', () => {
    expect(validateParams({ teacher: { horizon: 150 }, data: { start: '1990-01-01' } }).ok).toBe(true);
    // (500 bars of embargo need a longer window than the default three years: rule embargo-fits-data)
    expect(validateParams({ teacher: { horizon: 500 }, data: { start: '1990-01-01' } }).ok).toBe(true);
    expect(issuesOf({ teacher: { horizon: 501 } })[0].path).toBe('teacher.horizon');
  });

  it('rejects impossible dates', () => {
    const [i] = issuesOf({ data: { start: '2023-02-30' } });
    expect(i.path).toBe('data.start');
  });

  it('normalises symbols', () => {
    const r = validateParams({ data: { symbols: ['tcs', 'TCS', ' infy '] } });
    expect(r.ok && r.value.data.symbols).toEqual(['TCS', 'INFY']);
  });
});

describe('loadParams', () => {
  it('throws ConfigError with file and line of the bad key', () => {
    const file = writeYaml('base:\n  seed: 1\nteacher:\n  horizon: -3\n');
    try {
      loadParams(file);
      throw new Error('expected failure');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const err = e as ConfigError;
      expect(err.issues[0]).toMatchObject({ path: 'teacher.horizon', line: 4, file, value: -3 });
      expect(err.message).toContain(`${file}:4 teacher.horizon`);
    }
  });

  it('reports YAML syntax errors with a line', () => {
    const file = writeYaml('base:\n  seed: [1,\n');
    expect(() => loadParams(file)).toThrow(ConfigError);
  });

  it('reports a missing file', () => {
    expect(() => loadParams('/nonexistent/params.yaml')).toThrow(/not found/);
  });

  it('config_hash is the first 8 hex of sha256 of the key-sorted JSON of the validated params', () => {
    const file = writeYaml('base:\n  seed: 7\n');
    const a = loadParams(file);
    // Independent recomputation: sort keys recursively by hand-rolled replacer.
    const sortDeep = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortDeep)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v as object)
                .sort()
                .map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]),
            )
          : v;
    const expected = createHash('sha256')
      .update(JSON.stringify(sortDeep(a.params)))
      .digest('hex')
      .slice(0, 8);
    expect(a.configHash).toBe(expected);
    expect(a.configHash).toMatch(/^[0-9a-f]{8}$/);
    // Key order in the file does not matter; values do.
    const b = loadParams(writeYaml('teacher:\n  horizon: 5\nbase:\n  seed: 7\n'));
    expect(b.configHash).toBe(a.configHash);
    const c = loadParams(writeYaml('base:\n  seed: 8\n'));
    expect(c.configHash).not.toBe(a.configHash);
  });

  it('reports an invalid override against the flag that set it, not a params.yaml line', () => {
    const file = writeYaml('student:\n  model_type: logistic\nsplit:\n  valid_size: 0.3\n');
    const load = (o: unknown, flags: Record<string, string>) => {
      try {
        loadParams(file, o, flags);
      } catch (err) {
        return err as ConfigError;
      }
      throw new Error('expected a ConfigError');
    };
    const e = load({ student: { model_type: 'forest' } }, { 'student.model_type': '--model-type' });
    expect(e.message.split('\n')[0]).toBe('invalid --model-type');
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ path: '--model-type', value: 'forest' });
    expect(e.issues[0].file).toBeUndefined();
    expect(e.issues[0].line).toBeUndefined();
    // A cross-field rule tripped by the flag (0.3 + 0.5 > 0.7) also names the flag.
    const r = load({ split: { test_size: 0.5 } }, { 'split.test_size': '--test-size' });
    expect(r.issues[0].path).toBe('--test-size');
    expect(r.issues[0].message).toContain('splits-leave-training-data');
    // Without a flag map the overridden value is still not pinned to the file's line (the file says logistic).
    const f = load({ student: { model_type: 'forest' } }, {});
    expect(f.issues[0]).toMatchObject({ path: 'student.model_type', value: 'forest' });
    expect(f.issues[0].line).toBeUndefined();
    // A value the file itself sets is located there (line 2).
    const own = writeYaml('student:\n  model_type: forest\n');
    let located: ConfigError | undefined;
    try {
      loadParams(own);
    } catch (err) {
      located = err as ConfigError;
    }
    expect(located?.issues[0]).toMatchObject({ path: 'student.model_type', file: own, line: 2 });
  });

  it('describes a key from the schema: its description and enum values', () => {
    expect(describeParam('student.model_type')?.choices).toEqual(['logistic', 'mlp', 'gbdt']);
    expect(describeParam('data.start')).toEqual({ description: 'First session date (inclusive).' });
    expect(describeParam('teacher.gbdt.num_leaves')?.description).toBe(
      'Max leaves per tree (leaf-wise growth).',
    );
    expect(describeParam('teacher.nope')).toBeUndefined();
  });

  it('applies overrides before validation', () => {
    const file = writeYaml('teacher:\n  horizon: 5\n');
    expect(loadParams(file, { teacher: { horizon: 10 } }).params.teacher.horizon).toBe(10);
    expect(() => loadParams(file, { teacher: { horizon: 0 } })).toThrow(ConfigError);
  });

  it('exports a JSON schema of params.yaml', () => {
    const s = paramsJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(s.properties)).toContain('teacher');
  });
});

describe('committed files', () => {
  it('params.yaml validates and params.schema.json is the schema generated from zod (not stale)', async () => {
    const { readFileSync } = await import('node:fs');
    expect(() => loadParams('params.yaml')).not.toThrow();
    const committed = JSON.parse(readFileSync('params.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(paramsJsonSchema())));
  });
});
