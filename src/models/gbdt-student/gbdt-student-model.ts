import { type FeatureImportance, GbdtModel } from '../gbdt/index.js';
import type { Classifier, Dataset, SavedModel } from '../learner.js';
import { softmaxTemperatureInto } from '../scorer/index.js';
import { type GbdtStudentConfig, parseGbdtStudentParts } from './gbdt-student-schema.js';

/** A distilled GBDT student: probabilities = softmax(raw scores / calibrationTemperature). */
export class GbdtStudent implements Classifier {
  static readonly className = 'GbdtStudent';
  readonly className = GbdtStudent.className;
  readonly model: GbdtModel;
  readonly config: GbdtStudentConfig;

  constructor(model: GbdtModel, config: GbdtStudentConfig) {
    this.model = model;
    this.config = config;
  }

  get numClasses(): number {
    return this.model.numClasses;
  }

  get featureNames(): readonly string[] {
    return this.model.featureNames;
  }

  /** The calibration temperature dividing the raw scores. */
  get calibrationTemperature(): number {
    return this.config.calibrationTemperature;
  }

  /** Uncalibrated raw scores, row-major n × K. */
  predictRaw(x: Dataset): Float64Array {
    return this.model.predictRaw(x);
  }

  /** Calibrated class probabilities, row-major n × K. */
  predictProba(x: Dataset): Float64Array {
    const raw = this.model.predictRaw(x);
    const K = this.numClasses;
    const invT = 1 / this.calibrationTemperature;
    // Same helper as the compiled scorer, so both give bit-identical probabilities.
    for (let o = 0; o < raw.length; o += K) softmaxTemperatureInto(raw, o, K, invT, raw, o);
    return raw;
  }

  /** Total split gain and split count per feature of the underlying trees. */
  featureImportance(): FeatureImportance[] {
    return this.model.featureImportance();
  }

  /** Distillation settings, calibration and the tree options. */
  getConfig(): Record<string, unknown> {
    return { ...structuredClone(this.config), gbdt: this.model.getConfig() };
  }

  /** `{ className: 'GbdtStudent', config, weights: <GbdtClassifier SavedModel> }`. */
  toJSON(): SavedModel {
    return { className: this.className, config: structuredClone(this.config), weights: this.model.toJSON() };
  }

  /** Rebuilds a student from its saved JSON; anything corrupt → ArtifactError naming the path. */
  static fromJSON(saved: SavedModel): GbdtStudent {
    const { config, gbdt } = parseGbdtStudentParts(saved);
    return new GbdtStudent(GbdtModel.fromParsed(gbdt), config);
  }
}
