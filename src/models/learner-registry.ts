import { ArtifactError, ConfigError } from '../core/index.js';
import type { Classifier, SavedModel } from './learner.js';
import type { LearnerRole, LearnerSpec } from './learner-spec.js';
import type { AnyScorerJson } from './scorer/index.js';

/** A spec known to have role R. */
export type LearnerWithRole<R extends LearnerRole> = LearnerSpec & Required<Pick<LearnerSpec, R>>;

/**
 * Learner specs by saved className and by (role, model_type). Like TensorFlow.js `registerClass`,
 * registering an empty or duplicate name is a bug and throws; nothing is ever overwritten.
 */
export class LearnerRegistry {
  private readonly byClass = new Map<string, LearnerSpec>();
  private readonly byType = {
    teacher: new Map<string, LearnerSpec>(),
    student: new Map<string, LearnerSpec>(),
  };

  /** Adds a spec; throws on an empty or duplicate className or a duplicate model_type of a role. */
  register(spec: LearnerSpec): this {
    if (typeof spec.className !== 'string' || spec.className.trim() === '') {
      throw new Error('learner registry: className must be a non-empty string');
    }
    if (this.byClass.has(spec.className)) {
      throw new Error(`learner registry: className "${spec.className}" is already registered`);
    }
    if (!spec.teacher && !spec.student) {
      throw new Error(`learner registry: "${spec.className}" declares neither a teacher nor a student role`);
    }
    for (const role of ['teacher', 'student'] as const) {
      const modelType = spec[role]?.modelType;
      if (modelType === undefined) continue;
      if (modelType.trim() === '') {
        throw new Error(`learner registry: "${spec.className}" has an empty ${role} model_type`);
      }
      const taken = this.byType[role].get(modelType);
      if (taken) {
        throw new Error(
          `learner registry: ${role} model_type "${modelType}" of "${spec.className}" is already registered by "${taken.className}"`,
        );
      }
    }
    this.byClass.set(spec.className, spec);
    for (const role of ['teacher', 'student'] as const) {
      const modelType = spec[role]?.modelType;
      if (modelType !== undefined) this.byType[role].set(modelType, spec);
    }
    return this;
  }

  /** Registered class names, sorted. */
  classNames(): string[] {
    return [...this.byClass.keys()].sort();
  }

  /** `model_type` values of a role (sorted), optionally only those whose role passes `filter`. */
  modelTypes<R extends LearnerRole>(role: R, filter?: (spec: LearnerWithRole<R>) => boolean): string[] {
    return [...this.byType[role].keys()].filter((t) => !filter || filter(this.forRole(role, t))).sort();
  }

  /** The spec saved models of `className` belong to; unknown → ArtifactError naming the registered ones. */
  forClass(className: string): LearnerSpec {
    const spec = this.byClass.get(className);
    if (spec) return spec;
    throw new ArtifactError(`unknown model className "${className}"`, [
      {
        path: 'className',
        value: className,
        message: `not a registered learner; registered: ${this.classNames().join(', ') || 'none'}`,
        fix: 'load a model written by this version of SenseQuant Lab, or register its learner in src/models/learners.ts',
      },
    ]);
  }

  /** The learner answering to `params.<role>.model_type`; unknown → ConfigError naming the registered ones. */
  forRole<R extends LearnerRole>(role: R, modelType: string): LearnerWithRole<R> {
    const spec = this.byType[role].get(modelType);
    if (spec?.[role]) return spec as LearnerWithRole<R>;
    throw new ConfigError(`no ${role} learner for model_type "${modelType}"`, [
      {
        path: `${role}.model_type`,
        value: modelType,
        message: `registered: ${this.modelTypes(role).join(', ') || 'none'}`,
        fix: `use one of them in params.yaml ${role}.model_type`,
      },
    ]);
  }

  /** Rebuilds any registered model from its saved JSON. */
  load(saved: SavedModel): Classifier {
    return this.forClass(savedClassName(saved)).load(saved);
  }

  /** The compiled-scorer JSON of any registered saved model. */
  exportScorer(saved: SavedModel): AnyScorerJson {
    return this.forClass(savedClassName(saved)).exportScorer(saved);
  }
}

function savedClassName(saved: unknown): string {
  const name =
    typeof saved === 'object' && saved !== null ? (saved as { className?: unknown }).className : undefined;
  if (typeof name === 'string') return name;
  throw new ArtifactError('saved model has no className', [
    {
      path: 'className',
      value: name,
      message: 'must be a string',
      fix: 'pass a model JSON written by a learner',
    },
  ]);
}
