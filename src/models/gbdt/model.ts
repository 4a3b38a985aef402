import { DataValidationError } from '../../core/index.js';
import type { Classifier, Dataset, SavedModel } from '../learner.js';
import { type GbdtSaved, parseGbdtSaved } from './model-schema.js';
import { softmaxInto } from './objective.js';
import type { GbdtOptions } from './options.js';
import { RoutedScores } from './routed-scores.js';
import { type Tree, treeFromJson, treeToJson } from './tree.js';

/** Options as saved: numThreads never changes the model, so it is not part of it. */
export type GbdtSavedOptions = Omit<GbdtOptions, 'numThreads'>;

/** Everything a GbdtModel is made of. */
export interface GbdtModelParts {
  options: GbdtSavedOptions;
  numClasses: number;
  featureNames: readonly string[];
  initScore: Float64Array;
  /** Round-major: tree t belongs to class t % numClasses. */
  trees: Tree[];
}

/** Total split gain and split count of one feature. */
export interface FeatureImportance {
  feature: string;
  gain: number;
  split: number;
}

/** Multiclass gradient-boosted trees: raw score = initScore + Σ trees, probabilities = softmax. */
export class GbdtModel implements Classifier {
  static readonly className = 'GbdtClassifier';
  readonly className = GbdtModel.className;
  readonly numClasses: number;
  readonly featureNames: readonly string[];
  readonly initScore: Float64Array;
  readonly trees: readonly Tree[];
  readonly options: GbdtSavedOptions;

  constructor(parts: GbdtModelParts) {
    this.options = parts.options;
    this.numClasses = parts.numClasses;
    this.featureNames = [...parts.featureNames];
    this.initScore = parts.initScore;
    this.trees = parts.trees;
  }

  /** Number of boosting rounds held (trees / classes). */
  get numRounds(): number {
    return this.trees.length / this.numClasses;
  }

  /** Raw (pre-softmax) scores, row-major n×K. */
  predictRaw(x: Dataset): Float64Array {
    this.checkInput(x);
    const K = this.numClasses;
    const out = new Float64Array(x.n * K);
    for (let i = 0; i < x.n; i++) out.set(this.initScore, i * K);
    const routed = new RoutedScores(x, out);
    for (let t = 0; t < this.trees.length; t++) routed.add(this.trees[t], K, t % K);
    return out;
  }

  /** Class probabilities, row-major n×K. */
  predictProba(x: Dataset): Float64Array {
    const raw = this.predictRaw(x);
    softmaxInto(raw, this.numClasses, raw);
    return raw;
  }

  /** Training options plus model shape. */
  getConfig(): Record<string, unknown> {
    return { ...this.options, numFeatures: this.featureNames.length, numTrees: this.trees.length };
  }

  /** Compact JSON: flat number arrays per tree. */
  toJSON(): SavedModel {
    return {
      className: this.className,
      config: { ...this.options },
      weights: {
        numClasses: this.numClasses,
        featureNames: [...this.featureNames],
        initScore: Array.from(this.initScore),
        trees: this.trees.map(treeToJson),
      },
    };
  }

  /** Rebuilds a model from its saved JSON; corrupt input throws ArtifactError. */
  static fromJSON(saved: SavedModel): GbdtModel {
    return GbdtModel.fromParsed(parseGbdtSaved(saved));
  }

  /** Rebuilds a model from saved JSON already validated by parseGbdtSaved. */
  static fromParsed(s: GbdtSaved): GbdtModel {
    return new GbdtModel({
      options: s.config,
      numClasses: s.weights.numClasses,
      featureNames: s.weights.featureNames,
      initScore: Float64Array.from(s.weights.initScore),
      trees: s.weights.trees.map(treeFromJson),
    });
  }

  /** Total gain and number of splits per feature, sorted by gain (descending). */
  featureImportance(): FeatureImportance[] {
    const d = this.featureNames.length;
    const gain = new Float64Array(d);
    const split = new Int32Array(d);
    for (const t of this.trees) {
      for (let i = 0; i < t.feature.length; i++) {
        gain[t.feature[i]] += t.gain[i];
        split[t.feature[i]]++;
      }
    }
    return this.featureNames
      .map((feature, j) => ({ feature, gain: gain[j], split: split[j], j }))
      .sort((a, b) => b.gain - a.gain || a.j - b.j)
      .map(({ feature, gain: g, split: s }) => ({ feature, gain: g, split: s }));
  }

  private checkInput(x: Dataset): void {
    const names = this.featureNames;
    if (x.d !== names.length || x.featureNames.some((f, j) => f !== names[j])) {
      throw new DataValidationError('features do not match the GBDT model', [
        { path: 'featureNames', message: `expected [${names.join(', ')}]`, value: x.featureNames },
      ]);
    }
  }
}
