import { describe, expect, it } from 'vitest';
import { ArtifactError, ConfigError } from '../../src/core/index.js';
import {
  exportScorer,
  gbdtLearner,
  LearnerRegistry,
  type LearnerSpec,
  learners,
  loadClassifier,
  logisticLearner,
  mlpLearner,
} from '../../src/models/index.js';

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('LearnerRegistry.register', () => {
  it('throws on a duplicate className instead of overwriting the first spec', () => {
    const reg = new LearnerRegistry().register(gbdtLearner);
    const impostor: LearnerSpec = { ...logisticLearner, className: gbdtLearner.className };
    expect(() => reg.register(impostor)).toThrow(/className "GbdtClassifier" is already registered/);
    expect(() => reg.register(gbdtLearner)).toThrow(/already registered/);
    // The first registration still answers.
    expect(reg.forClass('GbdtClassifier')).toBe(gbdtLearner);
  });

  it('throws on an empty or blank className', () => {
    expect(() => new LearnerRegistry().register({ ...gbdtLearner, className: '' })).toThrow(/non-empty/);
    expect(() => new LearnerRegistry().register({ ...gbdtLearner, className: '  ' })).toThrow(/non-empty/);
  });

  it('throws on a model_type already taken for the same role, and leaves the registry unchanged', () => {
    const reg = new LearnerRegistry().register(logisticLearner);
    // A new class with a fresh teacher type but the taken student type "logistic".
    const clash: LearnerSpec = {
      ...mlpLearner,
      className: 'OtherStudent',
      teacher: { ...gbdtLearner.teacher!, modelType: 'other' },
      student: { ...logisticLearner.student! },
    };
    expect(() => reg.register(clash)).toThrow(
      /student model_type "logistic" of "OtherStudent" is already registered by "LogisticStudent"/,
    );
    expect(reg.classNames()).toEqual(['LogisticStudent']);
    expect(reg.modelTypes('teacher')).toEqual([]);
  });

  it('accepts the same model_type in different roles (gbdt teacher and gbdt student)', () => {
    expect(learners.modelTypes('teacher')).toEqual(['gbdt', 'mlp']);
    expect(learners.modelTypes('student')).toEqual(['gbdt', 'logistic', 'mlp']);
    expect(learners.forRole('teacher', 'gbdt').className).toBe('GbdtClassifier');
    expect(learners.forRole('student', 'gbdt').className).toBe('GbdtStudent');
  });

  it('throws on a spec with no role or an empty model_type', () => {
    const { teacher: _t, student: _s, ...bare } = mlpLearner;
    expect(() => new LearnerRegistry().register({ ...bare, className: 'Bare' })).toThrow(/neither/);
    const blank: LearnerSpec = { ...gbdtLearner, teacher: { ...gbdtLearner.teacher!, modelType: '' } };
    expect(() => new LearnerRegistry().register(blank)).toThrow(/empty teacher model_type/);
  });
});

describe('the registered learners', () => {
  it('are the four families, each under its saved className', () => {
    expect(learners.classNames()).toEqual(['GbdtClassifier', 'GbdtStudent', 'LogisticStudent', 'MlpStudent']);
    expect(learners.forRole('teacher', 'mlp').className).toBe('MlpStudent');
    expect(learners.forRole('student', 'mlp').className).toBe('MlpStudent');
    expect(learners.forRole('student', 'logistic').className).toBe('LogisticStudent');
  });

  it('declare the capabilities the CLI flags rely on', () => {
    expect(learners.modelTypes('student', (l) => l.student.capabilities.tuning)).toEqual(['logistic', 'mlp']);
    expect(learners.modelTypes('student', (l) => l.student.capabilities.warmStart)).toEqual([
      'logistic',
      'mlp',
    ]);
    expect(learners.modelTypes('teacher', (l) => l.teacher.capabilities.warmStart)).toEqual(['gbdt']);
    expect(learners.forRole('teacher', 'gbdt').teacher.label).toBe('GBDT');
    expect(learners.forRole('teacher', 'mlp').teacher.label).toBe('MLP');
  });

  it('loading an unknown className is an ArtifactError naming every registered learner', () => {
    const err = caught(() => loadClassifier({ className: 'GbdtTeacher', config: {}, weights: {} }));
    expect(err).toBeInstanceOf(ArtifactError);
    const issue = (err as ArtifactError).issues[0];
    expect(issue.path).toBe('className');
    expect(issue.value).toBe('GbdtTeacher');
    expect(issue.message).toContain('GbdtClassifier, GbdtStudent, LogisticStudent, MlpStudent');
    expect(() => exportScorer({ className: 'GbdtTeacher', config: {}, weights: {} })).toThrow(ArtifactError);
  });

  it('a saved model without a className is an ArtifactError, not a TypeError', () => {
    expect(() => loadClassifier(JSON.parse('{"config":{}}'))).toThrow(ArtifactError);
    expect(() => loadClassifier(JSON.parse('null'))).toThrow(ArtifactError);
  });

  it('an unknown model_type is a ConfigError naming the registered ones for that role', () => {
    const err = caught(() => learners.forRole('teacher', 'logistic'));
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).issues[0]).toMatchObject({
      path: 'teacher.model_type',
      value: 'logistic',
      message: 'registered: gbdt, mlp',
    });
  });
});
