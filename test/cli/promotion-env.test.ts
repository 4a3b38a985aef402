import { afterEach, describe, expect, it } from 'vitest';
import { flagContext } from '../../src/cli/flag-context.js';
import { STUDENT_FLAGS } from '../../src/cli/commands/student-flags.js';

describe('SENSEQUANT_PROMOTION_* thresholds', () => {
  const saved = process.env.SENSEQUANT_PROMOTION_MIN_PRECISION_UPLIFT;
  afterEach(() => {
    if (saved === undefined) delete process.env.SENSEQUANT_PROMOTION_MIN_PRECISION_UPLIFT;
    else process.env.SENSEQUANT_PROMOTION_MIN_PRECISION_UPLIFT = saved;
  });

  it('override params.yaml for a command, and a flag overrides the environment', () => {
    delete process.env.SENSEQUANT_PROMOTION_MIN_PRECISION_UPLIFT;
    expect(flagContext(STUDENT_FLAGS, {}).params.validation.thresholds.min_precision_uplift).toBe(0.02);
    process.env.SENSEQUANT_PROMOTION_MIN_PRECISION_UPLIFT = '0.07';
    const ctx = flagContext(STUDENT_FLAGS, {});
    expect(ctx.params.validation.thresholds.min_precision_uplift).toBe(0.07);
    expect(ctx.params.validation.thresholds.min_hit_ratio_uplift).toBe(0.02);
    expect(
      flagContext(STUDENT_FLAGS, { 'min-precision-uplift': 0.01 }).params.validation.thresholds
        .min_precision_uplift,
    ).toBe(0.01);
  });
});
