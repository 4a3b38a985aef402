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
    // Math.log(1 + v) as the batch (not log1p).
    const lv = Math.log(1 + volume);
    const mean = this.mean.push(lv);
    const sd = this.std.push(lv);
    this.value = sd > FLAT_WIDTH ? (lv - mean) / sd : Number.isNaN(sd) ? sd : 0;
    return this.value;
  }
}
