import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/index.js';
import type { Activation, DenseLayer } from '../scorer/index.js';
import type { StudentOptions } from './student-options.js';

/** A dense layer as TF.js tensors (or variables while training). */
export interface TfLayer {
  w: tf.Tensor2D;
  b: tf.Tensor1D;
  activation: Activation;
}

/** Layer shapes implied by the options: `[inDim, outDim, activation]` per layer. */
export function architecture(options: StudentOptions, d: number, k: number): [number, number, Activation][] {
  const hidden = options.modelType === 'mlp' ? options.hidden : [];
  const dims = [d, ...hidden, k];
  return dims.slice(1).map((out, i) => [dims[i], out, i === hidden.length ? 'linear' : options.activation]);
}

/** Fresh seeded weights: He-normal before relu, Glorot-normal otherwise; zero biases. */
export function initDenseLayers(rng: Rng, shapes: [number, number, Activation][]): DenseLayer[] {
  return shapes.map(([inDim, outDim, activation], li) => {
    const r = rng.fork(`layer-${li}`);
    const scale = activation === 'relu' ? Math.sqrt(2 / inDim) : Math.sqrt(2 / (inDim + outDim));
    // Math.fround: the initial weights are exactly the float32 values TF.js will hold.
    const weights = Array.from({ length: inDim * outDim }, () => Math.fround(r.normal() * scale));
    return { inDim, outDim, activation, weights, bias: new Array<number>(outDim).fill(0) };
  });
}

/** Builds TF.js tensors for plain layers (caller disposes). */
export function layersToTensors(layers: readonly DenseLayer[]): TfLayer[] {
  return layers.map((l) => ({
    w: tf.tensor2d(Float32Array.from(l.weights), [l.inDim, l.outDim]),
    b: tf.tensor1d(Float32Array.from(l.bias)),
    activation: l.activation,
  }));
}

/** Logits of the network; `masks[i]` (inverted-dropout mask) multiplies hidden layer i's output. */
export function forwardLogits(
  layers: readonly TfLayer[],
  x: tf.Tensor2D,
  masks?: readonly (tf.Tensor2D | null)[],
): tf.Tensor2D {
  return tf.tidy(() => {
    let h: tf.Tensor2D = x;
    layers.forEach((layer, i) => {
      h = tf.add(tf.matMul(h, layer.w), layer.b);
      if (layer.activation === 'relu') h = tf.relu(h);
      else if (layer.activation === 'tanh') h = tf.tanh(h);
      const mask = masks?.[i];
      if (mask) h = tf.mul(h, mask);
    });
    return h;
  });
}
