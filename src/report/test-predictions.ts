import { type StudentDir, studentSplits, type TeacherDir } from '../training/index.js';

/** Teacher and student probabilities on the held-out test rows, with what each row is judged against. */
export interface TestPredictions {
  n: number;
  /** Actual class per row (0 LONG, 1 SHORT, 2 NOOP). */
  y: Int32Array;
  ts: Float64Array;
  symbol: string[];
  forwardReturn: Float64Array;
  /** Row-major n × 3 probabilities: the teacher's (its p_* columns) and the student's compiled scorer. */
  teacher: Float64Array;
  student: Float64Array;
}

/**
 * The test split of a verified teacher directory scored by the student's compiled scorer (the forward pass
 * validation and the live engine serve); the teacher's test probabilities are its stored p_* columns.
 */
export function testPredictions(teacher: TeacherDir, student: StudentDir): TestPredictions {
  const { test } = studentSplits(teacher);
  return {
    n: test.x.n,
    y: test.y,
    ts: test.ts,
    symbol: test.symbol,
    forwardReturn: test.forwardReturn,
    teacher: test.soft,
    student: student.scorer.scoreBatch(test.x),
  };
}

/** Score p(LONG) − p(SHORT) of each row of row-major n × 3 probabilities (class order LONG, SHORT, NOOP). */
export function directionalScore(proba: Float64Array): Float64Array {
  const n = proba.length / 3;
  return Float64Array.from({ length: n }, (_, i) => proba[i * 3] - proba[i * 3 + 1]);
}
