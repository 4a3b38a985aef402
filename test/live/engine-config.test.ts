import { describe, expect, it } from 'vitest';
import { parseSettings, type Settings, validateParams } from '../../src/config/index.js';
import { ConfigError } from '../../src/core/index.js';
import { resolveEngineConfig } from '../../src/live/index.js';

function settingsOf(env: Record<string, string>): Settings {
  const r = parseSettings(env);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

function paramsOf(raw: unknown) {
  const r = validateParams(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('resolveEngineConfig', () => {
  const params = paramsOf({ strategy: { confidence_threshold: 0.52, allow_short: false } });

  it('takes the confidence threshold from params.yaml unless the variable overrides it, and says which', () => {
    const a = resolveEngineConfig(params, settingsOf({ SENSEQUANT_STUDENT_MODEL_ENABLED: 'true' }));
    expect([a.threshold, a.thresholdSource]).toEqual([0.52, 'params.yaml strategy.confidence_threshold']);
    const b = resolveEngineConfig(
      params,
      settingsOf({
        SENSEQUANT_STUDENT_MODEL_ENABLED: 'true',
        SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD: '0.7',
      }),
    );
    expect([b.threshold, b.thresholdSource]).toEqual([0.7, 'SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD']);
    expect(b.allowShort).toBe(false);
  });

  it('serves the reference behaviour (adjusted) when enabled, the baseline when not; the flag is the master switch', () => {
    expect(resolveEngineConfig(params, settingsOf({ SENSEQUANT_STUDENT_MODEL_ENABLED: 'true' })).policy).toBe(
      'adjusted',
    );
    const off = resolveEngineConfig(params, settingsOf({}), { policy: 'adjusted' });
    expect([off.policy, off.studentEnabled]).toEqual(['baseline', false]);
    expect(() => resolveEngineConfig(params, settingsOf({}), { policy: 'student' })).toThrow(ConfigError);
  });

  it('strategy, features and monitoring follow params and settings', () => {
    const p5 = paramsOf({ data: { frequency: '5m' }, teacher: { strategy: 'intraday' } });
    const c = resolveEngineConfig(
      p5,
      settingsOf({
        SENSEQUANT_STUDENT_MONITORING_WINDOW_HOURS: '2',
        SENSEQUANT_STUDENT_AUTO_ROLLBACK_ENABLED: 'yes',
      }),
      { registryRoot: '/tmp/reg' },
    );
    expect(c.strategy).toBe('intraday');
    expect(c.features.vwapMode).toBe('session');
    expect(c.model.root).toBe('/tmp/reg');
    expect(c.monitoring).toMatchObject({
      windowMs: 7_200_000,
      autoRollback: true,
      confirmationMs: 48 * 3_600_000,
    });
    expect(
      resolveEngineConfig(p5, settingsOf({ SENSEQUANT_STUDENT_MONITORING_ENABLED: 'false' })).monitoring,
    ).toBe(null);
    expect(resolveEngineConfig(p5, settingsOf({}), { strategy: 'swing' }).strategy).toBe('swing');
  });
});
