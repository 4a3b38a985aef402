/**
 * What a learner family tells the shared code about itself: the saved class name it loads, the
 * params.yaml `model_type` it answers to per role, how it trains, loads and exports to the compiled
 * scorer, and what it can do (capabilities instead of type checks). Registered in learners.ts.
 */
import type { Params } from '../config/index.js';
import type { Classifier, Dataset, SavedModel } from './learner.js';
import type { AnyScorerJson } from './scorer/index.js';

/** Rows with hard labels (class ids). */
export interface LabelledData {
  x: Dataset;
  y: Int32Array;
}

/** What a teacher trains on: hard labels, an optional validation split and warm start. */
export interface TeacherData extends LabelledData {
  valid?: LabelledData;
  /** An earlier saved teacher to continue from (only used when `capabilities.warmStart`). */
  init?: SavedModel;
}

/** What a student distils from: hard labels plus the teacher's probabilities (row-major n × K). */
export interface DistillationData extends LabelledData {
  soft: Float64Array;
  /** Early stopping and calibration rows (teacher probabilities optional). */
  valid?: LabelledData & { soft?: Float64Array };
}

/**
 * A student's trainer options, recorded as its `hyperparameters`; tuning merges its winner in.
 * `alpha` weights the hard labels, `temperature` softens the teacher.
 */
export interface DistillationOptions {
  alpha: number;
  temperature: number;
  [option: string]: unknown;
}

/** What the artifact writers need from any trained student. */
export type TrainedStudent = Classifier & {
  readonly calibrationTemperature: number;
  readonly classes?: readonly string[];
  readonly training?: unknown;
};

/** The teacher role of a learner family (`teacher.model_type`). */
export interface TeacherRole {
  /** The `teacher.model_type` value this learner answers to. */
  readonly modelType: string;
  /** Family name recorded as `model_type` in the teacher's metadata.json (e.g. `GBDT`). */
  readonly label: string;
  readonly capabilities: {
    /** Continues from an earlier saved teacher (`--baseline-model`); otherwise the baseline is ignored. */
    readonly warmStart: boolean;
  };
  /** Trains on hard labels, early-stopping on `valid` when given. */
  train(params: Params, data: TeacherData): Promise<Classifier>;
}

/** The student role of a learner family (`student.model_type`). */
export interface StudentRole {
  /** The `student.model_type` value this learner answers to. */
  readonly modelType: string;
  readonly capabilities: {
    /**
     * Takes part in the hyper-parameter search (`--hyperparameter-tuning`): `train` accepts the
     * options `learningRate`, `l2`, `alpha`, `temperature`, `epochs` and `calibrate`.
     */
    readonly tuning: boolean;
    /** Continues from an earlier student of the same class (`--incremental`). */
    readonly warmStart: boolean;
  };
  /** The trainer options implied by params (distillation α / T, calibration, architecture). */
  options(params: Params): DistillationOptions;
  /** Distils, early-stops and (when the options say so) calibrates on `data.valid`. */
  train(data: DistillationData, options: DistillationOptions, init?: Classifier): Promise<TrainedStudent>;
}

/** One learner family, keyed by the className its saved models carry. */
export interface LearnerSpec {
  /** `SavedModel.className` of this family's models (unique across the registry). */
  readonly className: string;
  readonly teacher?: TeacherRole;
  readonly student?: StudentRole;
  /** Rebuilds a model from its saved JSON; anything corrupt → ArtifactError. */
  load(saved: SavedModel): Classifier;
  /** The self-contained compiled-scorer JSON of a saved model; anything corrupt → ArtifactError. */
  exportScorer(saved: SavedModel): AnyScorerJson;
}

/** A learner role. */
export type LearnerRole = 'teacher' | 'student';
