import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, setLogLevel } from '../../src/core/index.js';
import { sliceBars, writeRawBars } from '../../src/data/index.js';
import { main } from '../../src/cli/main.js';
import { launchChromium } from './browser.js';
import {
  adjustmentFactor,
  className,
  type Decision,
  LiveEngine,
  memorySink,
  readEngineState,
  replay,
  resolveEngineConfig,
  signalTarget,
  startDashboard,
} from '../../src/live/index.js';
import { openModelBundle, readAudit, readProductionVersion } from '../../src/registry/index.js';
import { smaPolicy, validateCandidate } from '../../src/validation/index.js';
import { tempDir } from './helpers.js';
import { buildLiveFixture, engineSettings, type LiveFixture } from './live-fixture.js';

const HOUR = 3_600_000;

/** The page's DOM as the browser-side callbacks below use it (the test's tsconfig has no DOM lib). */
interface PageElement {
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  data?: { x: unknown[] }[];
}
declare const document: {
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
};

interface Run {
  engine: LiveEngine;
  decisions: Decision[];
  telemetry: Record<string, unknown>[];
  /** The telemetry's bytes. */
  text: string;
  logs: Record<string, unknown>[];
  stateDir: string;
}

let f: LiveFixture;

beforeAll(async () => {
  f = await buildLiveFixture();
}, 300_000);

afterAll(() => setLogLevel('silent'));

/** Runs a replay of the fixture's bars through a fresh engine configured by `vars` (SENSEQUANT_ names). */
async function run(
  vars: Record<string, string>,
  o: {
    policy?: 'adjusted' | 'student' | 'baseline';
    strategy?: 'swing' | 'intraday';
    endMs?: number;
    registry?: string;
    /** Telemetry to stateDir/telemetry.jsonl through the telemetry thread instead of a memory sink. */
    thread?: boolean;
  } = {},
): Promise<Run> {
  const logs: Record<string, unknown>[] = [];
  setLogLevel('info');
  const log = createLogger({ component: 'engine' }, { isTTY: false, write: (l) => logs.push(JSON.parse(l)) });
  const config = resolveEngineConfig(f.params, engineSettings(vars), {
    policy: o.policy,
    strategy: o.strategy,
    registryRoot: o.registry ?? f.registry,
  });
  const sink = memorySink();
  const stateDir = tempDir('sq-live-state-');
  const engine = LiveEngine.start({
    config,
    symbols: f.series.map((b) => b.symbol),
    stateDir,
    ...(o.thread ? {} : { telemetry: sink }),
    log,
    snapshotEveryMs: 0,
  });
  const decisions: Decision[] = [];
  await replay(engine, f.series, {
    startMs: f.testStartMs,
    endMs: o.endMs,
    onDecision: (d) => decisions.push({ ...d }),
  });
  await engine.finish();
  setLogLevel('silent');
  const text = o.thread ? readFileSync(join(stateDir, 'telemetry.jsonl'), 'utf8') : sink.text();
  const telemetry = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  return { engine, decisions, telemetry, text, logs, stateDir };
}

/** Per-symbol targets of a run keyed by bar time. */
function targetsBy(r: Run): Map<string, number> {
  return new Map(r.decisions.map((d) => [`${d.symbol}@${d.ts}`, d.target]));
}

/** The validation baseline's (SMA 20/50) targets over the same window, keyed alike. */
function smaTargets(endMs = Number.POSITIVE_INFINITY): Map<string, number> {
  const out = new Map<string, number>();
  const policy = smaPolicy({ threshold: f.params.strategy.confidence_threshold, allowShort: true });
  f.series.forEach((b, s) => {
    let lo = 0;
    while (b.ts[lo] < f.testStartMs) lo++;
    let hi = lo;
    while (hi < b.ts.length && b.ts[hi] <= endMs) hi++;
    const t = policy.decide(b, f.tables[s], lo, hi).target;
    for (let i = lo; i < hi; i++) out.set(`${s}@${b.ts[i]}`, t[i - lo]);
  });
  return out;
}

const PRE_CHANGE = () => f.changeMs - 1;

describe('live engine on a promoted student (12 symbols, daily bars, regime change 2024-09-02)', () => {
  it('loads the production model at start-up through the verified loader and puts its version in telemetry', async () => {
    const r = await run({ STUDENT_MODEL_ENABLED: 'true' }, { endMs: PRE_CHANGE() });
    expect(r.engine.student).toMatchObject({ version: 'v2', source: 'registry:production', horizon: 5 });
    const loaded = r.logs.find((l) => l.msg === 'student model loaded');
    expect(loaded).toMatchObject({ model_version: 'v2', source: 'registry:production', level: 'info' });
    expect(r.telemetry.length).toBe(r.decisions.length);
    expect(r.telemetry.length).toBeGreaterThan(600);
    expect(new Set(r.telemetry.map((t) => t.student_model_version))).toEqual(new Set(['v2']));
    expect(new Set(r.telemetry.map((t) => t.confidence_threshold))).toEqual(new Set([0.45])); // params.yaml
    expect(new Set(r.telemetry.map((t) => t.prediction_source))).toEqual(new Set(['student_model']));
    const t = r.telemetry[0];
    expect(t.symbol).toBe(f.series[0].symbol);
    expect(t.time).toBe(new Date(f.testStartMs).toISOString());
    expect(typeof t.latency_us).toBe('number');
    // The variable overrides params.yaml, and the value in force is what telemetry records.
    const r2 = await run(
      { STUDENT_MODEL_ENABLED: 'true', STUDENT_MODEL_CONFIDENCE_THRESHOLD: '0.55' },
      { endMs: f.testStartMs + 3 * 24 * HOUR },
    );
    expect(new Set(r2.telemetry.map((x) => x.confidence_threshold))).toEqual(new Set([0.55]));
  });

  it('pins a registry version with STUDENT_MODEL_VERSION; auto-rollback leaves a pinned model to the operator', async () => {
    const reg = join(tempDir(), 'models');
    cpSync(f.registry, reg, { recursive: true, verbatimSymlinks: true });
    const r = await run(
      {
        STUDENT_MODEL_ENABLED: 'true',
        STUDENT_MODEL_VERSION: 'v1',
        STUDENT_MONITORING_WINDOW_HOURS: '720',
        STUDENT_MONITORING_MIN_SAMPLES: '30',
        STUDENT_MONITORING_PRECISION_DROP_THRESHOLD: '0.15',
        STUDENT_AUTO_ROLLBACK_ENABLED: 'true',
        STUDENT_AUTO_ROLLBACK_CONFIRMATION_HOURS: '120',
      },
      { registry: reg },
    );
    expect(r.engine.student).toMatchObject({ version: 'v1', source: 'registry:archive' });
    expect(new Set(r.telemetry.map((t) => t.student_model_version))).toEqual(new Set(['v1']));
    const refused = readEngineState(r.stateDir).alerts.filter((a) => a.type === 'auto_rollback_failed');
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toMatch(/pinned SENSEQUANT_STUDENT_MODEL_VERSION/);
    expect(readProductionVersion(reg)).toBe('v2'); // the registry was not touched
    const missing = await run(
      { STUDENT_MODEL_ENABLED: 'true', STUDENT_MODEL_VERSION: 'v9' },
      { endMs: f.testStartMs },
    );
    expect(String(missing.logs.find((l) => l.level === 'warn')?.issues)).toContain(
      'SENSEQUANT_STUDENT_MODEL_VERSION: not in the registry archive',
    );
  });

  it('serves student predictions on test bars: the compiled scorer on the batch feature rows', async () => {
    const r = await run({ STUDENT_MODEL_ENABLED: 'true' }, { endMs: PRE_CHANGE() });
    const scorer = openModelBundle(f.v2Dir).scorer;
    let checked = 0;
    for (const d of r.decisions) {
      const table = f.tables[d.symbol];
      const i = table.ts.indexOf(d.ts);
      const row = Float64Array.from(scorer.featureNames, (n) => table.columns[table.names.indexOf(n)][i]);
      const p = scorer.predict(row);
      expect([d.studentClass, d.confidence]).toEqual([p.classIndex, p.confidence]);
      checked++;
    }
    expect(checked).toBe(r.decisions.length);
    const classes = new Set(r.telemetry.map((t) => t.student_prediction));
    expect(classes.has('LONG') && classes.has('SHORT')).toBe(true);
    expect(r.telemetry.every((t, k) => t.student_prediction === className(r.decisions[k].studentClass))).toBe(
      true,
    );
  });

  it('with the flag off decides exactly as the baseline strategy (validation’s SMA 20/50 rule)', async () => {
    const off = await run({}, { endMs: PRE_CHANGE() });
    expect(off.engine.student).toBe(null);
    expect(off.logs.some((l) => l.msg === 'student model loaded')).toBe(false);
    expect(targetsBy(off)).toEqual(smaTargets(PRE_CHANGE()));
    expect(off.telemetry.every((t) => t.prediction_source === 'baseline_strategy')).toBe(true);
    expect(
      off.telemetry.every((t) => t.student_model_version === null && t.student_prediction === null),
    ).toBe(true);
    // Flag on: the same signals, strength ×1.2 on confident agreement, ×0.5 on disagreement.
    const on = await run({ STUDENT_MODEL_ENABLED: 'true' }, { endMs: PRE_CHANGE() });
    const th = on.engine.config.threshold;
    const factors = new Map<number, number>();
    on.decisions.forEach((d, k) => {
      expect(d.direction).toBe(off.decisions[k].direction);
      const want = adjustmentFactor(d.direction, d.studentClass, d.confidence, th);
      expect(d.factor).toBe(want);
      expect(d.target).toBe(signalTarget(d.direction, d.strength * want));
      factors.set(want, (factors.get(want) ?? 0) + 1);
    });
    expect(factors.get(0.5)).toBeGreaterThan(20);
    expect(factors.get(1.2)).toBeGreaterThan(20);
    expect(on.decisions.some((d) => Math.abs(d.target) === 0.5)).toBe(true);
  });

  it('falls back to the baseline on a missing path, with a warning naming the setting', async () => {
    const missing = join(f.root, 'no-such-model');
    const r = await run(
      { STUDENT_MODEL_ENABLED: 'true', STUDENT_MODEL_PATH: missing },
      { endMs: PRE_CHANGE() },
    );
    expect(r.engine.student).toBe(null);
    const warn = r.logs.find((l) => l.level === 'warn');
    expect(warn?.msg).toBe('student model unavailable: falling back to the baseline strategy');
    expect(String(warn?.issues)).toContain('SENSEQUANT_STUDENT_MODEL_PATH');
    expect(String(warn?.issues)).toContain('does not exist');
    expect(targetsBy(r)).toEqual(smaTargets(PRE_CHANGE()));
    expect(r.telemetry.every((t) => t.student_model_version === null)).toBe(true);
  });

  it('falls back on a corrupted model file, in a student dir and in the registry archive', async () => {
    const dir = join(tempDir(), 'student');
    cpSync(f.v2Dir, dir, { recursive: true });
    const model = join(dir, 'student_model.json');
    writeFileSync(
      model,
      readFileSync(model, 'utf8').replace(/(\d)(\d)/, (_m, a, b) => `${b}${a === b ? '9' : a}`),
    );
    const r = await run({ STUDENT_MODEL_ENABLED: 'true', STUDENT_MODEL_PATH: dir }, { endMs: PRE_CHANGE() });
    expect(r.engine.student).toBe(null);
    expect(String(r.logs.find((l) => l.level === 'warn')?.issues)).toMatch(/sha256 .* differs/);
    expect(targetsBy(r)).toEqual(smaTargets(PRE_CHANGE()));

    const reg = join(tempDir(), 'models');
    cpSync(f.registry, reg, { recursive: true, verbatimSymlinks: true });
    const scorer = join(reg, 'archive', 'v2', 'scorer.json');
    writeFileSync(scorer, `${readFileSync(scorer, 'utf8')} `);
    const r2 = await run(
      { STUDENT_MODEL_ENABLED: 'true' },
      { endMs: f.testStartMs + 5 * 24 * HOUR, registry: reg },
    );
    expect(r2.engine.student).toBe(null);
    expect(String(r2.logs.find((l) => l.level === 'warn')?.issues)).toContain('scorer.json: sha256 mismatch');
  });

  it('replaying the validation window with the student alone gives exactly the validation backtest positions', async () => {
    const r = await run(
      {
        STUDENT_MODEL_ENABLED: 'true',
        STUDENT_MODEL_PATH: f.v2Dir,
        STUDENT_MONITORING_WINDOW_HOURS: '1000000',
      },
      { policy: 'student' },
    );
    const v = validateCandidate(f.params, f.series, f.tables, { studentDir: f.v2Dir });
    const got = targetsBy(r);
    let compared = 0;
    for (const p of v.outcome.candidate.perSymbol) {
      const s = f.series.findIndex((b) => b.symbol === p.symbol);
      const ts = sliceBars(f.series[s], p.lo, p.lo + p.decisions.target.length).ts;
      ts.forEach((t, i) => {
        expect(got.get(`${s}@${t}`), `${p.symbol} ${new Date(t).toISOString()}`).toBe(p.decisions.target[i]);
        compared++;
      });
    }
    expect(compared).toBe(r.decisions.length);
    expect(new Set(r.decisions.map((d) => d.target))).toEqual(new Set([-1, 0, 1]));
    // Monitoring, accumulated over the window, scores the decisions exactly as validation did.
    const c = r.engine.studentMonitor?.cumulative as Float64Array;
    const s = v.outcome.candidate.summary;
    expect(c[1] / c[0]).toBeCloseTo(s.precision_long, 12);
    expect(c[3] / c[2]).toBeCloseTo(s.hit_ratio, 12);
    expect(c[0]).toBe(v.outcome.candidate.accuracy.long_decisions);
    expect(c[4]).toBe(v.outcome.candidate.accuracy.labelled_bars);
  });

  describe('across the regime change', () => {
    const monitoring = {
      STUDENT_MODEL_ENABLED: 'true',
      STUDENT_MONITORING_WINDOW_HOURS: '720',
      STUDENT_MONITORING_MIN_SAMPLES: '30',
      STUDENT_MONITORING_PRECISION_DROP_THRESHOLD: '0.15',
      STUDENT_MONITORING_HIT_RATIO_DROP_THRESHOLD: '0.1',
      STUDENT_MONITORING_ALERT_COOLDOWN_HOURS: '72',
      STUDENT_AUTO_ROLLBACK_ENABLED: 'true',
      STUDENT_AUTO_ROLLBACK_CONFIRMATION_HOURS: '120',
    };
    let r: Run;
    let reg: string;

    beforeAll(async () => {
      reg = join(tempDir(), 'models');
      cpSync(f.registry, reg, { recursive: true, verbatimSymlinks: true });
      r = await run(monitoring, { registry: reg });
    }, 120_000);

    it('raises the degradation alert only after the change, and auto-rollback restores the archived model', () => {
      const { alerts } = readEngineState(r.stateDir);
      const degradation = alerts.filter((a) => a.type === 'student_model_degradation');
      expect(degradation.length).toBeGreaterThan(2);
      const first = Date.parse(degradation[0].time);
      expect(first).toBeGreaterThanOrEqual(f.changeMs);
      expect(degradation[0].model_version).toBe('v2');
      // The rollback: after the confirmation period, through the registry, audited, and served.
      const rollbacks = alerts.filter((a) => a.type === 'auto_rollback');
      expect(rollbacks).toHaveLength(1);
      const at = Date.parse(rollbacks[0].time);
      expect(at - first).toBeGreaterThanOrEqual(120 * HOUR);
      expect(rollbacks[0]).toMatchObject({ from: 'v2', to: 'v1', actor: 'sensequant-engine' });
      expect(readProductionVersion(reg)).toBe('v1');
      const audit = readAudit(reg).entries;
      expect(audit[audit.length - 1]).toMatchObject({
        action: 'rollback',
        from: 'v2',
        to: 'v1',
        actor: 'sensequant-engine',
      });
      expect(audit[audit.length - 1].reason).toMatch(/^auto-rollback: student v2 degraded since/);
      expect(r.engine.student).toMatchObject({ version: 'v1', source: 'registry:production' });
      // Telemetry: v2 up to the rollback's bar time, v1 after it.
      for (const t of r.telemetry) {
        expect(t.student_model_version).toBe(Date.parse(String(t.time)) <= at ? 'v2' : 'v1');
      }
      expect(
        r.logs.some((l) => l.level === 'warn' && String(l.msg).startsWith('student_model_degradation')),
      ).toBe(true);
      // The restored model is monitored against its own validation.
      expect(r.engine.studentMonitor?.baseline.source).toBe(
        join(reg, 'archive', 'v1', 'promotion_checklist.json'),
      );
      // Both degraded: no automatic swap back to v2, an alert says so instead.
      const refused = alerts.filter((a) => a.type === 'auto_rollback_failed');
      expect(refused).toHaveLength(1);
      expect(refused[0].message).toMatch(/v2 was rolled back for degradation/);
    });

    it('the telemetry thread writes the same bytes as the in-thread writer, model change included', async () => {
      const reg2 = join(tempDir(), 'models');
      cpSync(f.registry, reg2, { recursive: true, verbatimSymlinks: true });
      const threaded = await run(monitoring, { registry: reg2, thread: true });
      expect(readProductionVersion(reg2)).toBe('v1');
      // Latency is the one wall-clock field; every other byte is the same.
      const mask = (t: string) => t.replace(/"latency_us":[^}]*\}/g, '"latency_us":0}');
      expect(threaded.text.split('\n').length).toBe(r.decisions.length + 1);
      expect(mask(threaded.text)).toBe(mask(r.text));
      expect(threaded.engine.telemetry?.lines).toBe(r.decisions.length);
    });

    it('the cooldown holds: degradation alerts of one model are at least 72 h of bar time apart', async () => {
      const { alerts } = readEngineState(r.stateDir);
      for (const v of ['v1', 'v2']) {
        const times = alerts
          .filter((a) => a.type === 'student_model_degradation' && a.model_version === v)
          .map((a) => Date.parse(a.time));
        expect(times.length).toBeGreaterThan(1);
        for (let i = 1; i < times.length; i++)
          expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(72 * HOUR);
      }
      // Without a cooldown every degraded bar time alerts: consecutive sessions.
      const reg0 = join(tempDir(), 'models');
      cpSync(f.registry, reg0, { recursive: true, verbatimSymlinks: true });
      const r0 = await run(
        {
          ...monitoring,
          STUDENT_MONITORING_ALERT_COOLDOWN_HOURS: '0',
          STUDENT_AUTO_ROLLBACK_ENABLED: 'false',
        },
        { registry: reg0 },
      );
      const all = readEngineState(r0.stateDir).alerts.map((a) => Date.parse(a.time));
      const gaps = all.slice(1).map((t, i) => t - all[i]);
      const withCooldown = alerts.filter(
        (a) => a.type === 'student_model_degradation' && a.model_version === 'v2',
      );
      expect(all.length).toBeGreaterThan(2 * withCooldown.length);
      expect(Math.min(...gaps)).toBe(24 * HOUR);
      expect(gaps.filter((g) => g === 24 * HOUR).length).toBeGreaterThan(all.length / 2);
      expect(readProductionVersion(reg0)).toBe('v2'); // auto-rollback off: alerts only
    }, 60_000);

    it('records rolling metrics and the status snapshot for `engine status` and the dashboard', () => {
      const { status, metrics } = readEngineState(r.stateDir);
      expect(status?.session).toMatchObject({ state: 'finished', strategy: 'swing', policy: 'adjusted' });
      expect(status?.student).toMatchObject({ version: 'v1', enabled: true, active: true });
      expect(status?.last_rollback).toMatchObject({ type: 'auto_rollback', to: 'v1' });
      expect(metrics.length).toBeGreaterThan(100);
      const before = metrics.filter((m) => Date.parse(m.time) < f.changeMs && m.precision !== null);
      expect(Math.min(...before.map((m) => m.precision as number))).toBeGreaterThan(0.825397 - 0.15);
    });
  });

  it('adjusts the intraday strategy’s signals the same way (sizes below one unit show the boost)', async () => {
    const r = await run({ STUDENT_MODEL_ENABLED: 'true' }, { strategy: 'intraday', endMs: PRE_CHANGE() });
    const th = r.engine.config.threshold;
    let boosted = 0;
    for (const d of r.decisions) {
      const factor = adjustmentFactor(d.direction, d.studentClass, d.confidence, th);
      expect(d.target).toBe(signalTarget(d.direction, d.strength * factor));
      if (factor === 1.2 && d.strength * 1.2 < 1) {
        expect(Math.abs(d.target)).toBeCloseTo(d.strength * 1.2, 12);
        boosted++;
      }
    }
    expect(boosted).toBeGreaterThanOrEqual(5);
  });
});

describe('engine CLI', () => {
  /** Runs the CLI with `env` set, capturing stdout. */
  async function cli(
    argv: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number; out: string }> {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    const write = process.stdout.write.bind(process.stdout);
    let out = '';
    process.stdout.write = ((chunk: string) => {
      out += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      return { code: await main(argv), out };
    } finally {
      process.stdout.write = write;
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      setLogLevel('silent');
    }
  }

  it('engine replay runs stored bars as if live and summarises; engine status shows the panel', async () => {
    const raw = join(tempDir(), 'raw');
    writeRawBars(raw, f.ingested, { configHash: f.ctx.configHash, inputs: [], params: {} });
    const reg = join(tempDir(), 'models');
    cpSync(f.registry, reg, { recursive: true, verbatimSymlinks: true });
    const out = join(tempDir(), 'live');
    const common = ['--raw-dir', raw, '--root', reg, '--out', out];
    const env = {
      SENSEQUANT_STUDENT_MODEL_ENABLED: 'true',
      SENSEQUANT_STUDENT_MONITORING_MIN_SAMPLES: '5',
      SENSEQUANT_LOG_LEVEL: 'silent',
    };
    const r = await cli(
      [
        'engine',
        'replay',
        '--symbols',
        'TCS',
        'INFY',
        '--start',
        '2024-06-10',
        '--end',
        '2024-08-30',
        ...common,
      ],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^engine replay: 120 decisions over 60 bar times \(2 symbols\)/);
    expect(r.out).toContain('student: v2 → v2 (registry:production), 0 automatic rollback(s)');
    expect(r.out).toContain('decisions: student_model 120, baseline_strategy 0');
    // The validation levels shown are the promoted model's own checklist metrics.
    const cl = JSON.parse(readFileSync(join(reg, 'production', 'promotion_checklist.json'), 'utf8'));
    const m =
      /monitoring: rolling precision \d\.\d{3} \(validation (\d\.\d{3})\), hit ratio \d\.\d{3} \(validation (\d\.\d{3})\)/.exec(
        r.out,
      );
    expect(m).not.toBeNull();
    expect(Number(m?.[1])).toBeCloseTo(cl.candidate_metrics.precision_long, 3);
    expect(Number(m?.[2])).toBeCloseTo(cl.candidate_metrics.hit_ratio, 3);
    const telemetry = readFileSync(join(out, 'telemetry.jsonl'), 'utf8').trim().split('\n');
    expect(telemetry).toHaveLength(120);
    expect(JSON.parse(telemetry[0])).toMatchObject({ symbol: 'TCS', time: '2024-06-09T18:30:00.000Z' });

    const st = await cli(['engine', 'status', '--root', reg, '--out', out]);
    expect(st.code).toBe(0);
    expect(st.out).toContain('active model: v2 (registry:production)');
    expect(st.out).toContain('registry production: v2');
    expect(st.out).toMatch(/rolling precision \(LONG\): \d\.\d{3} +vs validation 0\.8\d\d/);
    expect(st.out).toContain('last rollback: none');
    const json = JSON.parse((await cli(['engine', 'status', '--root', reg, '--out', out, '--json'])).out);
    expect(json.active).toEqual({ version: 'v2', source: 'registry:production', enabled: true });

    // Flag off: the summary says the baseline strategy decided; bad flags exit 3 naming them.
    const off = await cli([
      'engine',
      'replay',
      '--symbols',
      'TCS',
      '--start',
      '2024-06-10',
      '--end',
      '2024-06-20',
      ...common,
    ]);
    expect(off.out).toContain(
      'student: disabled (SENSEQUANT_STUDENT_MODEL_ENABLED=false): baseline strategy',
    );
    expect((await cli(['engine', 'replay', '--policy', 'greedy', ...common])).code).toBe(3);
    expect((await cli(['engine', 'replay', '--symbols', 'NOPE', ...common])).code).toBe(3);
    expect(
      (await cli(['engine', 'replay', ...common], { SENSEQUANT_STUDENT_MODEL_ENABLED: 'perhaps' })).code,
    ).toBe(3);
    expect((await cli(['engine', 'frobnicate'])).code).toBe(3);
  }, 60_000);
});

describe('dashboard in headless Chromium during a replay', () => {
  it('shows the active version, updates the rolling-metric plot live, and shows the alert and the rollback', async () => {
    const reg = join(tempDir(), 'models');
    cpSync(f.registry, reg, { recursive: true, verbatimSymlinks: true });
    const stateDir = tempDir('sq-live-dash-');
    const dash = await startDashboard({ stateDir, registryRoot: reg, pollMs: 50 });
    const browser = await launchChromium(tempDir('sq-chromium-'));
    const requests: string[] = [];
    try {
      const page = await browser.newPage();
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(dash.url);
      // Before any session: the registry's production version.
      await page.waitForFunction(() => document.getElementById('version')?.textContent === 'v2');
      expect(await page.textContent('#source')).toBe('registry production (no engine session yet)');

      const config = resolveEngineConfig(
        f.params,
        engineSettings({
          STUDENT_MODEL_ENABLED: 'true',
          STUDENT_MONITORING_WINDOW_HOURS: '720',
          STUDENT_MONITORING_MIN_SAMPLES: '30',
          STUDENT_MONITORING_PRECISION_DROP_THRESHOLD: '0.15',
          STUDENT_MONITORING_ALERT_COOLDOWN_HOURS: '72',
          STUDENT_AUTO_ROLLBACK_ENABLED: 'true',
          STUDENT_AUTO_ROLLBACK_CONFIRMATION_HOURS: '120',
        }),
        { registryRoot: reg },
      );
      const engine = LiveEngine.start({ config, symbols: f.series.map((b) => b.symbol), stateDir });
      const done = replay(engine, f.series, { startMs: f.testStartMs, paceMs: 12 });
      await page.waitForFunction(
        () => document.getElementById('source')?.textContent === 'registry:production',
      );
      expect(await page.textContent('#version')).toBe('v2');
      // The plot grows while the replay runs: two readings, the second larger, Plotly's own data included.
      const points = () =>
        page.evaluate(() => {
          const el = document.getElementById('metrics-plot') as PageElement;
          return { shown: Number(el.dataset.points), plotted: el.data?.[0]?.x.length ?? -1 };
        });
      await page.waitForFunction(() => Number(document.getElementById('metrics-plot')?.dataset.points) >= 10);
      const first = await points();
      await page.waitForFunction(
        (n) => Number(document.getElementById('metrics-plot')?.dataset.points) > n + 10,
        first.shown,
      );
      const second = await points();
      expect(second.shown).toBeGreaterThan(first.shown);
      expect(second.plotted).toBe(second.shown);
      expect(Number(await page.getAttribute('body', 'data-updates'))).toBeGreaterThan(2);
      // The degradation alert appears after the regime change, then the automatic rollback.
      const alert = await page.waitForFunction(
        () =>
          document.querySelector('#alerts li[data-type="student_model_degradation"]')?.textContent ?? false,
        undefined,
        { timeout: 30_000 },
      );
      // After the regime change of 2024-09-02 (the list shows the newest alert first).
      expect(await alert.jsonValue()).toMatch(
        /^2024-(09|1[0-2])-\d\dT[^·]+· student_model_degradation · v2 · /,
      );
      await done;
      await engine.finish();
      await page.waitForFunction(() =>
        document.getElementById('last-rollback')?.textContent?.includes('v2 → v1'),
      );
      await page.waitForFunction(() => document.getElementById('version')?.textContent === 'v1');
      expect(await page.textContent('#last-rollback')).toContain('sensequant-engine');
      expect(Number(await page.textContent('#rolling-precision'))).toBeLessThan(0.7);
      // Offline: every request went to the dashboard itself (the page, plotly from node_modules, events).
      const origin = new URL(dash.url).origin;
      expect(requests.length).toBeGreaterThanOrEqual(3);
      expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
      expect(requests).toContain(`${origin}/plotly.min.js`);
    } finally {
      await browser.close();
      await dash.close();
    }
  }, 120_000);
});
