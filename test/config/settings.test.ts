import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { childEnv, parseDotenv, parseSettings, settings } from '../../src/config/index.js';
import { ConfigError } from '../../src/core/index.js';

describe('environment settings', () => {
  it('defaults when nothing is set', () => {
    const r = parseSettings({});
    expect(r).toEqual({
      ok: true,
      value: {
        logLevel: 'info',
        tfBackend: undefined,
        actor: undefined,
        registryHmacKey: undefined,
        projectDir: undefined,
        sourceDateEpochMs: undefined,
        studentModel: { enabled: false, path: undefined, version: undefined, confidenceThreshold: undefined },
        promotion: {},
        studentMonitoring: {
          enabled: true,
          windowHours: 336,
          minSamples: 50,
          precisionDropThreshold: 0.1,
          hitRatioDropThreshold: 0.1,
          alertCooldownHours: 24,
          autoRollbackEnabled: false,
          autoRollbackConfirmationHours: 48,
        },
      },
    });
  });

  it('reads the reference student-model, promotion and monitoring variables', () => {
    const r = parseSettings({
      SENSEQUANT_STUDENT_MODEL_ENABLED: 'True',
      SENSEQUANT_STUDENT_MODEL_PATH: 'data/models/production',
      SENSEQUANT_STUDENT_MODEL_VERSION: '20250112_143000',
      SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD: '0.6',
      SENSEQUANT_PROMOTION_MIN_PRECISION_UPLIFT: '0.03',
      SENSEQUANT_PROMOTION_REQUIRE_ALL_CRITERIA: 'no',
      SENSEQUANT_STUDENT_MONITORING_ENABLED: 'off',
      SENSEQUANT_STUDENT_MONITORING_WINDOW_HOURS: '24',
      SENSEQUANT_STUDENT_MONITORING_MIN_SAMPLES: '20',
      SENSEQUANT_STUDENT_MONITORING_PRECISION_DROP_THRESHOLD: '0.05',
      SENSEQUANT_STUDENT_MONITORING_HIT_RATIO_DROP_THRESHOLD: '0.07',
      SENSEQUANT_STUDENT_MONITORING_ALERT_COOLDOWN_HOURS: '6',
      SENSEQUANT_STUDENT_AUTO_ROLLBACK_ENABLED: '1',
      SENSEQUANT_STUDENT_AUTO_ROLLBACK_CONFIRMATION_HOURS: '12',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.studentModel).toEqual({
      enabled: true,
      path: 'data/models/production',
      version: '20250112_143000',
      confidenceThreshold: 0.6,
    });
    expect(r.value.promotion).toEqual({ min_precision_uplift: 0.03, require_all_criteria: false });
    expect(r.value.studentMonitoring).toEqual({
      enabled: false,
      windowHours: 24,
      minSamples: 20,
      precisionDropThreshold: 0.05,
      hitRatioDropThreshold: 0.07,
      alertCooldownHours: 6,
      autoRollbackEnabled: true,
      autoRollbackConfirmationHours: 12,
    });
  });

  it('names each bad engine variable with its meaning in the fix', () => {
    const r = parseSettings({
      SENSEQUANT_STUDENT_MODEL_ENABLED: 'maybe',
      SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD: '1.5',
      SENSEQUANT_STUDENT_MODEL_VERSION: '../escape',
      SENSEQUANT_STUDENT_MONITORING_MIN_SAMPLES: '2.5',
      SENSEQUANT_STUDENT_MONITORING_PRECISION_DROP_THRESHOLD: '0',
      SENSEQUANT_STUDENT_AUTO_ROLLBACK_CONFIRMATION_HOURS: 'soon',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual([
      'SENSEQUANT_STUDENT_AUTO_ROLLBACK_CONFIRMATION_HOURS',
      'SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD',
      'SENSEQUANT_STUDENT_MODEL_ENABLED',
      'SENSEQUANT_STUDENT_MODEL_VERSION',
      'SENSEQUANT_STUDENT_MONITORING_MIN_SAMPLES',
      'SENSEQUANT_STUDENT_MONITORING_PRECISION_DROP_THRESHOLD',
    ]);
    const enabled = r.issues.find((i) => i.path === 'SENSEQUANT_STUDENT_MODEL_ENABLED');
    expect(enabled).toMatchObject({ value: 'maybe', message: 'expected true or false' });
    expect(enabled?.fix).toMatch(/Master switch for live scoring/);
  });

  it('validates each variable and names it with a fix', () => {
    const r = parseSettings({ SENSEQUANT_LOG_LEVEL: 'loud', SOURCE_DATE_EPOCH: 'yesterday' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(['SENSEQUANT_LOG_LEVEL', 'SOURCE_DATE_EPOCH']);
    expect(r.issues.every((i) => i.fix?.startsWith('set '))).toBe(true);
    expect(r.issues.find((i) => i.path === 'SOURCE_DATE_EPOCH')?.value).toBe('yesterday');
  });

  it('reads the project directory of notebooks and reports', () => {
    const r = parseSettings({ SENSEQUANT_PROJECT_DIR: ' /tmp/run ' });
    expect(r.ok && r.value.projectDir).toBe('/tmp/run');
  });

  it('child processes get this environment with the extra settings on top', () => {
    const env = childEnv({ SENSEQUANT_PROJECT_DIR: '/x' });
    expect(env.SENSEQUANT_PROJECT_DIR).toBe('/x');
    expect(env.PATH).toBe(process.env.PATH);
  });

  it('converts SOURCE_DATE_EPOCH seconds to milliseconds', () => {
    const r = parseSettings({ SOURCE_DATE_EPOCH: '1700000000' });
    expect(r.ok && r.value.sourceDateEpochMs).toBe(1_700_000_000_000);
  });

  it('parses .env lines: comments, export, quotes, trailing comments; a bad line names file and line', () => {
    const r = parseDotenv('# c\nexport SENSEQUANT_ACTOR="ops team"\nSENSEQUANT_LOG_LEVEL=warn # quiet\n\n');
    expect(r).toEqual({ ok: true, value: { SENSEQUANT_ACTOR: 'ops team', SENSEQUANT_LOG_LEVEL: 'warn' } });
    const bad = parseDotenv('A=1\nnot a setting\n', 'x/.env');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ file: 'x/.env', line: 2 });
  });

  describe('settings() reads ./.env under the real environment', () => {
    const cwd = process.cwd();
    const saved = process.env.SENSEQUANT_ACTOR;
    afterEach(() => {
      process.chdir(cwd);
      if (saved === undefined) delete process.env.SENSEQUANT_ACTOR;
      else process.env.SENSEQUANT_ACTOR = saved;
    });

    it('takes .env values, lets the environment override them, and rejects a bad .env', () => {
      const dir = mkdtempSync(join(tmpdir(), 'sq-env-'));
      writeFileSync(join(dir, '.env'), 'SENSEQUANT_ACTOR=from-dotenv\n');
      process.chdir(dir);
      delete process.env.SENSEQUANT_ACTOR;
      expect(settings().actor).toBe('from-dotenv');
      process.env.SENSEQUANT_ACTOR = 'from-env';
      expect(settings().actor).toBe('from-env');
      const bad = mkdtempSync(join(tmpdir(), 'sq-env-'));
      writeFileSync(join(bad, '.env'), 'SOURCE_DATE_EPOCH=soon\n');
      process.chdir(bad);
      expect(() => settings()).toThrow(ConfigError);
      expect(() => settings()).toThrow(/SOURCE_DATE_EPOCH/);
    });
  });

  it('src/ reads process.env only in src/config/settings.ts', () => {
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && /process\.env\b/.test(readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk('src');
    expect(offenders).toEqual([join('src', 'config', 'settings.ts')]);
  });
});
