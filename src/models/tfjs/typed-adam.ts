/**
 * Adam on one flat Float64Array of parameters, with the update of `tf.train.adam(learningRate)`: β1 0.9,
 * β2 0.999, ε 1e-7 (the float32 backend epsilon TF.js uses by default), bias corrections by the
 * accumulated powers of β starting at β.
 */
export class TypedAdam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private accBeta1: number;
  private accBeta2: number;
  /** Updates applied so far. */
  steps = 0;

  constructor(
    size: number,
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-7,
  ) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
    this.accBeta1 = beta1;
    this.accBeta2 = beta2;
  }

  /** One update of `params` in place from `grad` (same length). */
  step(params: Float64Array, grad: Float64Array): void {
    const { m, v, beta1, beta2, epsilon, learningRate } = this;
    const c1 = 1 - this.accBeta1;
    const c2 = 1 - this.accBeta2;
    for (let i = 0; i < params.length; i++) {
      const gi = grad[i];
      m[i] = m[i] * beta1 + gi * (1 - beta1);
      v[i] = v[i] * beta2 + gi * gi * (1 - beta2);
      params[i] -= (learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
    }
    this.accBeta1 *= beta1;
    this.accBeta2 *= beta2;
    this.steps++;
  }
}
