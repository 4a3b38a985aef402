import { FLAT_WIDTH } from './feature-specs.js';
import { RollingStdStream } from './rolling-std-stream.js';
import { SmaStream } from './sma-stream.js';
import type { StreamingIndicator } from './streaming-indicator.js';

/**
 * Streaming twin of the volume_z20 feature: z-score of ln(1+volume) against its last n values (current bar
 * included, population std), 0 when the std is below FLAT_WIDTH; first at row n−1.
 */
export class VolumeZStream implements StreamingIndicator {
  value = Number.NaN;
  private readonly mean: SmaStream;
  private readonly std: RollingStdStream;
  private readonly buf = new Float64Array(1);

  constructor(readonly n = 20) {
    this.mean = new SmaStream(n);
    this.std = new RollingStdStream(n, 0);
  }

  reset(): void {
    this.value = Number.NaN;
    this.mean.reset();
    this.std.reset();
  }

  push(volume: number): number {
    this.buf[0] = volume;
    this.pushFrom(this.buf, 0);
    return this.value;
  }

  pushFrom(src: Float64Array, i: number): void {
    // Math.log(1 + v) as the batch (not log1p).
    const lv = Math.log(1 + src[i]);
    this.buf[0] = lv;
    this.mean.pushFrom(this.buf, 0);
    this.std.pushFrom(this.buf, 0);
    const mean = this.mean.value;
    const sd = this.std.value;
    this.value = sd > FLAT_WIDTH ? (lv - mean) / sd : Number.isNaN(sd) ? sd : 0;
  }
}
