/** Artifact locations of the DVC pipeline (relative to the repository root). */
export const PATHS = {
  params: 'params.yaml',
  raw: 'data/raw',
  features: 'data/features',
  models: 'data/models',
  teacher: 'data/models/teacher',
  student: 'data/models/student',
  validation: 'reports/validation',
  runLog: 'data/models/training_pipeline.json',
} as const;
