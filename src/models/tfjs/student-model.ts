import * as tf from '@tensorflow/tfjs';
import type { Classifier, Dataset, SavedModel } from '../learner.js';
import type { DenseNetwork } from '../scorer/index.js';
import { ensureTfBackendSync } from './backend.js';
import { forwardLogits, layersToTensors, type TfLayer } from './dense-network.js';
import {
  parseStudentArtifact,
  type StudentClassName,
  type StudentState,
  studentClassName,
  type TrainingSummary,
} from './student-artifact.js';
import { assertDatasetFeatures, normalisedRowMajor } from './student-data.js';
import type { StudentOptions } from './student-options.js';

/** A TF.js logistic / MLP student; probabilities include its calibration temperature. */
export class StudentModel implements Classifier {
  readonly className: StudentClassName;
  readonly numClasses: number;
  readonly featureNames: readonly string[];
  readonly options: StudentOptions;
  readonly network: DenseNetwork;
  readonly training?: TrainingSummary;
  readonly classes: readonly string[];

  constructor(state: StudentState) {
    this.options = state.options;
    this.className = studentClassName(state.options.modelType);
    this.featureNames = state.featureNames;
    this.classes = state.classes;
    this.numClasses = state.classes.length;
    this.network = state.network;
    this.training = state.training;
  }

  /** The calibration temperature dividing the logits. */
  get calibrationTemperature(): number {
    return this.network.calibrationTemperature;
  }

  /** A copy of this model with another calibration temperature. */
  withCalibrationTemperature(temperature: number): StudentModel {
    return new StudentModel({
      ...this.state(),
      network: { ...this.network, calibrationTemperature: temperature },
    });
  }

  /** Uncalibrated logits, row-major n × K, computed with TF.js. */
  predictLogits(x: Dataset): Float64Array {
    return this.run(x, 1, false);
  }

  /** Calibrated class probabilities, row-major n × K, computed with TF.js. */
  predictProba(x: Dataset): Float64Array {
    return this.run(x, this.network.calibrationTemperature, true);
  }

  getConfig(): Record<string, unknown> {
    const { options, featureNames, classes, training } = this.state();
    return { options, featureNames, classes, ...(training ? { training } : {}) };
  }

  toJSON(): SavedModel {
    const net = this.network;
    return {
      className: this.className,
      config: structuredClone(this.getConfig()),
      weights: {
        normaliser: { mean: [...net.normaliser.mean], std: [...net.normaliser.std] },
        layers: net.layers.map((l) => ({ ...l, weights: [...l.weights], bias: [...l.bias] })),
        calibrationTemperature: net.calibrationTemperature,
      },
    };
  }

  /** Rebuilds a student from its saved JSON; anything inconsistent → ArtifactError naming the path. */
  static fromJSON(saved: SavedModel): StudentModel {
    return new StudentModel(parseStudentArtifact(saved));
  }

  private state(): StudentState {
    return {
      options: this.options,
      featureNames: [...this.featureNames],
      classes: [...this.classes],
      network: this.network,
      training: this.training,
    };
  }

  private run(x: Dataset, temperature: number, softmax: boolean): Float64Array {
    assertDatasetFeatures(x, this.featureNames);
    if (x.n === 0) return new Float64Array(0);
    ensureTfBackendSync();
    const rows = normalisedRowMajor(x, this.network.normaliser);
    const out = tf.tidy(() => {
      const layers: TfLayer[] = layersToTensors(this.network.layers);
      const logits = forwardLogits(layers, tf.tensor2d(rows, [x.n, x.d]));
      if (!softmax) return logits;
      return tf.softmax(tf.div(logits, temperature));
    });
    const values = out.dataSync();
    out.dispose();
    return Float64Array.from(values);
  }
}
