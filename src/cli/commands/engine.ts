import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadParams, settings } from '../../config/index.js';
import { ConfigError, startProgress } from '../../core/index.js';
import { type BarSeries, commonFrequency, readRawBars } from '../../data/index.js';
import {
  type EnginePolicy,
  engineOverview,
  LiveEngine,
  POLICIES,
  replay,
  resolveEngineConfig,
  STRATEGIES,
  type StrategyKind,
  startDashboard,
} from '../../live/index.js';
import { ENGINE_FILES, PATHS } from '../../pipeline/index.js';
import { DEFAULT_REGISTRY_ROOT } from '../../registry/index.js';
import { dateFlag, print } from '../args.js';
import type { FlagValues, ParsedFlags } from '../flag-spec.js';
import { ENGINE_FLAGS } from './engine-flags.js';
import type { Command } from './types.js';

const USAGE = [
  'sensequant engine replay [--symbols A B ...] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--policy adjusted|student|baseline]',
  '                         [--strategy swing|intraday] [--pace-ms N] [--params FILE] [--raw-dir DIR] [--root DIR] [--out DIR] [--json]',
  'sensequant engine status [--out DIR] [--root DIR] [--json]',
  'sensequant engine dashboard [--port N] [--host 127.0.0.1] [--out DIR] [--root DIR] [--telemetry-dir DIR]',
].join('\n');

type Values = FlagValues<typeof ENGINE_FLAGS>;

const f3 = (x: unknown) => (typeof x === 'number' ? x.toFixed(3) : '—');

function oneOf<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!allowed.includes(v as T)) {
    throw new ConfigError(`--${flag} must be one of ${allowed.join(', ')}`, [
      { path: `--${flag}`, value: v, message: 'unknown value', fix: `pass --${flag} ${allowed[0]}` },
    ]);
  }
  return v as T;
}

function selectSeries(all: BarSeries[], symbols: string[] | undefined): BarSeries[] {
  if (!symbols || symbols.length === 0) return all;
  const by = new Map(all.map((b) => [b.symbol, b]));
  const unknown = symbols.filter((s) => !by.has(s));
  if (unknown.length > 0) {
    throw new ConfigError('symbols not in the stored bars', [
      {
        path: '--symbols',
        value: unknown,
        message: 'no stored bars',
        fix: `use some of ${[...by.keys()].slice(0, 8).join(', ')}… (or run stage ingest)`,
      },
    ]);
  }
  return symbols.map((s) => by.get(s) as BarSeries);
}

/** `engine replay`: stored bars through the engine one bar at a time, as if live. */
async function replayCommand(values: Values): Promise<number> {
  const { params } = loadParams(values.params ?? PATHS.params);
  const tz = params.base.exchange_tz;
  const series = selectSeries(readRawBars(values['raw-dir'] ?? PATHS.raw, tz), values.symbols);
  const config = resolveEngineConfig(params, settings(), {
    policy: oneOf<EnginePolicy>('policy', values.policy, POLICIES),
    strategy: oneOf<StrategyKind>('strategy', values.strategy, STRATEGIES),
    registryRoot: values.root ?? DEFAULT_REGISTRY_ROOT,
    frequency: commonFrequency(series) ?? undefined,
  });
  const startMs = dateFlag(values.start, tz);
  const endMs = dateFlag(values.end, tz, true);
  const out = values.out ?? PATHS.live;
  const engine = LiveEngine.start({ config, symbols: series.map((b) => b.symbol), stateDir: out });
  const startVersion = engine.student?.version ?? null;
  const total = series.reduce((n, b) => n + b.ts.length, 0);
  const counts = await replay(engine, series, {
    startMs,
    endMs,
    paceMs: values['pace-ms'],
    progress: startProgress('engine replay', total),
  });
  const status = await engine.finish();
  const summary = {
    ...counts,
    started_with: startVersion,
    telemetry: join(out, ENGINE_FILES.telemetry),
    status,
  };
  if (values.json) {
    print(JSON.stringify(summary, null, 2));
    return 0;
  }
  const st = engine.student;
  const ev = engine.supervisor.lastEvaluation;
  const m = engine.studentMonitor;
  print(
    [
      `engine replay: ${counts.ticks} decisions over ${counts.barTimes} bar times (${series.length} symbol${series.length === 1 ? '' : 's'}), ${counts.warmBars} warm-up bars`,
      `strategy ${config.strategy}, policy ${st ? config.policy : 'baseline'}, confidence threshold ${config.threshold} (${config.thresholdSource})`,
      st
        ? `student: ${startVersion} → ${st.version} (${st.source}), ${engine.supervisor.rollbacks} automatic rollback(s)`
        : `student: ${config.studentEnabled ? 'unavailable, baseline strategy served (see the warning above)' : 'disabled (SENSEQUANT_STUDENT_MODEL_ENABLED=false): baseline strategy'}`,
      `decisions: student_model ${engine.bySource[0]}, baseline_strategy ${engine.bySource[1]}`,
      m && ev
        ? `monitoring: rolling precision ${f3(ev.precision)} (validation ${f3(m.baseline.precision)}), hit ratio ${f3(ev.hitRatio)} (validation ${f3(m.baseline.hitRatio)}); ${engine.supervisor.alerts.length} alert record(s)`
        : 'monitoring: off',
      `telemetry: ${summary.telemetry} (${engine.telemetry?.lines ?? 0} lines); state: ${out}`,
      `speed: ${Math.round(counts.ticksPerSecond).toLocaleString('en-US')} decisions/s, ${Math.round((counts.ticks + counts.warmBars) / Math.max(counts.wallSeconds, 1e-9)).toLocaleString('en-US')} bars/s with warm-up (${counts.wallSeconds.toFixed(2)} s wall)`,
    ].join('\n'),
  );
  return 0;
}

/** `engine status`: the active model, rolling metrics against validation, recent alerts, last rollback. */
function statusCommand(values: Values): number {
  const o = engineOverview(values.out ?? PATHS.live, values.root ?? DEFAULT_REGISTRY_ROOT, 5);
  if (values.json) {
    print(JSON.stringify({ ...o, figure: undefined }, null, 2));
    return 0;
  }
  const sess = o.status?.session as Record<string, unknown> | undefined;
  const r = o.rolling;
  const lines = [
    `active model: ${o.active.version ?? 'none'} (${o.active.source})${o.active.enabled === false ? ', student scoring disabled' : ''}`,
    `registry production: ${o.production ?? 'none'}`,
    `session: ${sess ? `${sess.state}, ${sess.strategy}, policy ${sess.policy}, bar time ${o.status?.updated ?? '—'}` : 'none recorded'}`,
    `rolling precision (LONG): ${f3(r.precision)}  vs validation ${f3(r.validation_precision)}`,
    `rolling hit ratio:        ${f3(r.hit_ratio)}  vs validation ${f3(r.validation_hit_ratio)}`,
    `recent alerts (${o.alertsTotal} in total):`,
    ...(o.recentAlerts.length > 0
      ? o.recentAlerts.map((a) => `  ${a.time}  ${a.type}  ${a.model_version ?? ''}  ${a.message}`)
      : ['  none']),
    `last rollback: ${
      o.lastRollback
        ? `${o.lastRollback.when} ${o.lastRollback.from ?? 'none'} → ${o.lastRollback.to} by ${o.lastRollback.actor}${o.lastRollback.reason ? ` (${o.lastRollback.reason})` : ''}`
        : 'none'
    }`,
  ];
  print(lines.join('\n'));
  return 0;
}

/**
 * A directory the dashboard follows: it may not exist yet (the engine or the batch has not started), but a
 * file or other non-directory there is a mistake that would leave its panel silently empty.
 */
function followedDir(flag: 'out' | 'root' | 'telemetry-dir', dir: string): string {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (st !== undefined && !st.isDirectory()) {
    throw new ConfigError(`--${flag}: ${dir} is not a directory`, [
      {
        path: `--${flag}`,
        value: dir,
        message: `is ${st.isFile() ? 'a file' : 'not a directory'}; the dashboard follows a directory`,
        fix: `pass the directory (default ${ENGINE_FLAGS[flag].default})`,
      },
    ]);
  }
  return dir;
}

/** `engine dashboard`: serves the status page (and batch training progress) on loopback until interrupted. */
async function dashboardCommand(values: Values): Promise<number> {
  const d = await startDashboard({
    stateDir: followedDir('out', values.out ?? PATHS.live),
    registryRoot: followedDir('root', values.root ?? DEFAULT_REGISTRY_ROOT),
    telemetryDir: followedDir('telemetry-dir', values['telemetry-dir'] ?? PATHS.telemetry),
    host: values.host ?? '127.0.0.1',
    port: values.port ?? 8050,
  });
  print(`dashboard: ${d.url} (loopback only; Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await d.close();
  return 0;
}

/** `engine <replay|status|dashboard>`. */
export const engineCommand: Command = {
  async run(flags: ParsedFlags) {
    const values = flags.values as Values;
    const sub = flags.positionals[0];
    if (sub === 'replay') return replayCommand(values);
    if (sub === 'status') return statusCommand(values);
    if (sub === 'dashboard') return dashboardCommand(values);
    throw new ConfigError(`unknown engine subcommand "${sub ?? ''}"`, [
      { path: 'engine', value: sub, message: 'expected replay, status or dashboard', fix: USAGE },
    ]);
  },
};
