/** The seven phases of run-historical-training, in order (the reference's). */
export const PHASES = [
  'data_ingestion',
  'teacher_training',
  'student_training',
  'model_validation',
  'statistical_tests',
  'release_audit',
  'promotion_briefing',
] as const;

export type Phase = (typeof PHASES)[number];

/** The phases `train-batch` runs (ingestion and training; no validation, audit or briefing). */
export const TRAIN_PHASES: readonly Phase[] = ['data_ingestion', 'teacher_training', 'student_training'];
