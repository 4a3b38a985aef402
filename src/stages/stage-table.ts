import type { StageContext } from './context.js';
import { PATHS } from '../pipeline/index.js';

/** A DVC stage: its main() (loaded on demand, so a stage imports only what it runs) and its artifacts. */
export interface StageEntry {
  /** Needs the TensorFlow.js backend (trains or scores a TF.js model). */
  usesTf: boolean;
  artifacts: string[];
  load(): Promise<(ctx: StageContext) => unknown>;
}

/** The stages dvc.yaml runs, by name. */
export const STAGES: Record<string, StageEntry> = {
  ingest: {
    usesTf: false,
    artifacts: [PATHS.raw],
    load: async () => (await import('./ingest.js')).ingestMain,
  },
  features: {
    usesTf: false,
    artifacts: [PATHS.features],
    load: async () => (await import('./features.js')).featuresMain,
  },
  teacher: {
    usesTf: true,
    artifacts: [PATHS.teacher],
    load: async () => (await import('./teacher.js')).teacherMain,
  },
  student: {
    usesTf: true,
    artifacts: [PATHS.student],
    load: async () => (await import('./student.js')).studentMain,
  },
  validate: {
    usesTf: true,
    artifacts: [PATHS.validation],
    load: async () => (await import('./validate.js')).validateMain,
  },
  batch: {
    usesTf: true,
    artifacts: [PATHS.batch],
    load: async () => (await import('./batch.js')).batchMain,
  },
  report: {
    // The notebooks run in their own tslab kernels; this process only starts nbconvert.
    usesTf: false,
    artifacts: [PATHS.reports],
    load: async () => (await import('./report.js')).reportMain,
  },
};
