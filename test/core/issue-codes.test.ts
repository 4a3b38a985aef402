import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, validateParams } from '../../src/config/index.js';
import {
  ArtifactError,
  ConfigError,
  DataValidationError,
  RegistryError,
  ValidationRejectedError,
} from '../../src/core/index.js';
import { promote } from '../../src/registry/index.js';
import { makeCandidate, tempDir } from '../registry/fixtures.js';

const codesOf = (r: ReturnType<typeof validateParams>) => (r.ok ? [] : r.issues.map((i) => i.code));

describe('every issue carries a stable machine code', () => {
  it('an issue raised without a code gets its error class’s default; an explicit one is kept', () => {
    const issue = { path: 'x', message: 'm' };
    expect(new ConfigError('e', [issue]).codes).toEqual(['config.invalid']);
    expect(new DataValidationError('e', [issue]).codes).toEqual(['data.invalid']);
    expect(new ArtifactError('e', [issue]).codes).toEqual(['artifact.invalid']);
    expect(new ValidationRejectedError('e', [issue]).codes).toEqual(['validation.rejected']);
    expect(new RegistryError('e', [issue]).codes).toEqual(['registry.failed']);
    expect(new ConfigError('e', [{ ...issue, code: 'params.x' }]).codes).toEqual(['params.x']);
  });

  it('params: schema, unknown key and named rule issues have their own codes', () => {
    expect(codesOf(validateParams({ teacher: { horizon: 'five' } }))).toEqual(['params.invalid_type']);
    expect(codesOf(validateParams({ teacher: { horizonn: 5 } }))).toEqual(['params.unknown_key']);
    expect(codesOf(validateParams({ split: { valid_size: 0.5, test_size: 0.5 } }))).toContain(
      'params.rule.splits-leave-training-data',
    );
  });

  it('environment settings', () => {
    const r = parseSettings({ SENSEQUANT_LOG_LEVEL: 'loud' });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['env.invalid']);
  });

  it('a refused promotion names the failed checks by code', () => {
    const dir = makeCandidate(tempDir(), 'c', { recommendation: 'REJECT' });
    try {
      promote(dir, { root: join(tempDir(), 'models') });
      throw new Error('expected a refusal');
    } catch (err) {
      expect((err as ValidationRejectedError).codes).toEqual(['registry.check.checklist-recommendation']);
    }
  });

  it('the CLI logs the codes of a flag error', () => {
    const r = spawnSync(process.execPath, ['dist/src/cli/main.js', 'train-teacher', '--symbolz', 'TCS'], {
      encoding: 'utf8',
      env: { ...process.env, SENSEQUANT_LOG_LEVEL: 'error' },
    });
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stderr.trim().split('\n').at(-1) as string).codes).toEqual(['flag.unknown']);
  });
});
