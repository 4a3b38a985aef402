import { type Frequency, isDailyOrLonger } from '../data/index.js';
import type { Params, Settings } from '../config/index.js';
import { ConfigError } from '../core/index.js';
import { featureOptions } from '../features/index.js';
import { DEFAULT_REGISTRY_ROOT } from '../registry/index.js';
import type { EnginePolicy, StrategyKind } from './decision.js';
import { type MonitorConfig, monitorConfig } from './student-monitor.js';

/** Everything the engine decides with, resolved once at start-up from params.yaml and the environment. */
export interface EngineConfig {
  strategy: StrategyKind;
  /** Requested policy; the engine serves `baseline` whenever no student is loaded. */
  policy: EnginePolicy;
  allowShort: boolean;
  /** Confidence threshold in force and where it came from (written to telemetry and the status). */
  threshold: number;
  thresholdSource:
    | 'SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD'
    | 'params.yaml strategy.confidence_threshold';
  studentEnabled: boolean;
  model: { path?: string; version?: string; root: string };
  /** The model's label definition falls back to these when its metadata lacks one. */
  fallbackLabels: { horizon: number; minHoldingReturn: number };
  /** null = monitoring off. */
  monitoring: MonitorConfig | null;
  /** The pipeline's feature selection and VWAP anchoring (so warm-up and values equal the batch tables). */
  features: { features?: readonly string[]; vwapMode: 'session' | 'rolling' };
  frequency: Frequency;
  tz: string;
}

/** Engine choices a command line may override. */
export interface EngineOverrides {
  strategy?: StrategyKind;
  policy?: EnginePolicy;
  registryRoot?: string;
  /** The bars' actual frequency (ingest report); needed when params say `data.frequency: auto`. */
  frequency?: Frequency;
}

/**
 * Resolves the engine configuration: strategy (params teacher.strategy), shorts, the confidence threshold
 * (SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD over params.yaml strategy.confidence_threshold), the
 * student selection and monitoring from the settings. A student-only policy without the student enabled
 * is a ConfigError: the flag is the master switch.
 */
export function resolveEngineConfig(params: Params, s: Settings, o: EngineOverrides = {}): EngineConfig {
  const sm = s.studentModel;
  const policy = o.policy ?? (sm.enabled ? 'adjusted' : 'baseline');
  if (policy === 'student' && !sm.enabled) {
    throw new ConfigError('the student-only policy needs the student model enabled', [
      {
        path: 'SENSEQUANT_STUDENT_MODEL_ENABLED',
        value: 'false',
        message: '--policy student scores with the student alone',
        fix: 'set SENSEQUANT_STUDENT_MODEL_ENABLED=true, or use --policy baseline',
      },
    ]);
  }
  const frequency: Frequency =
    params.data.frequency === 'auto' ? (o.frequency ?? '1d') : params.data.frequency;
  const fo = featureOptions(params, frequency);
  const envThreshold = sm.confidenceThreshold;
  return {
    strategy: o.strategy ?? params.teacher.strategy,
    policy: sm.enabled ? policy : 'baseline',
    allowShort: params.strategy.allow_short,
    threshold: envThreshold ?? params.strategy.confidence_threshold,
    thresholdSource:
      envThreshold !== undefined
        ? 'SENSEQUANT_STUDENT_MODEL_CONFIDENCE_THRESHOLD'
        : 'params.yaml strategy.confidence_threshold',
    studentEnabled: sm.enabled,
    model: { path: sm.path, version: sm.version, root: o.registryRoot ?? DEFAULT_REGISTRY_ROOT },
    fallbackLabels: { horizon: params.teacher.horizon, minHoldingReturn: params.teacher.min_holding_return },
    monitoring: s.studentMonitoring.enabled ? monitorConfig(s.studentMonitoring) : null,
    features: {
      features: fo.features,
      vwapMode: fo.vwapMode ?? (isDailyOrLonger(frequency) ? 'rolling' : 'session'),
    },
    frequency,
    tz: params.base.exchange_tz,
  };
}
