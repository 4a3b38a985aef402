import { logger } from '../src/core/index.js';
import { parseGbdtOptions, trainGbdt } from '../src/models/gbdt/index.js';
import { syntheticGbdtData } from './gbdt-bench.js';
import { lightgbmAvailable, lightgbmParams, probLogloss, trainLightgbm } from './lightgbm.js';

/** Held-out rows scored by both models (a different seed of the same generator). */
const VALID_ROWS = 50_000;

/**
 * Our GBDT against LightGBM on the GBDT benchmark's matrix (200k × 24, 3 classes, 200 rounds, 31
 * leaves, our default options, 2 threads each). The two alternate `reps` times in the same run and
 * the best wall time of each is kept, so a busy machine slows both alike; each side's timing covers
 * binning plus training. Log losses are of the held-out set, computed by one function from each
 * model's probabilities.
 */
export function gbdtVsLightgbm(
  rows = 200_000,
  features = 24,
  rounds = 200,
  reps = 2,
): Record<string, number> {
  if (!lightgbmAvailable()) {
    throw new Error('LightGBM is not installed in .venv: run `bash scripts/bootstrap-bench.sh`');
  }
  const train = syntheticGbdtData(rows, features, 1);
  const valid = syntheticGbdtData(VALID_ROWS, features, 2);
  const opts = parseGbdtOptions({ numClasses: 3, numRounds: rounds, numLeaves: 31, numThreads: 2 });
  const params = lightgbmParams(opts, 2);
  let ours = Number.POSITIVE_INFINITY;
  let theirs = Number.POSITIVE_INFINITY;
  let oursCpu = Number.POSITIVE_INFINITY;
  let theirsCpu = Number.POSITIVE_INFINITY;
  let oursLoss = Number.NaN;
  let theirsLoss = Number.NaN;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const model = trainGbdt(train, opts);
    const s = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    ours = Math.min(ours, s);
    oursCpu = Math.min(oursCpu, (c.user + c.system) / 1e6);
    oursLoss = probLogloss(model.predictProba(valid.x), valid.y, 3);
    const lgb = trainLightgbm(train, valid.x, params);
    theirs = Math.min(theirs, lgb.seconds);
    theirsCpu = Math.min(theirsCpu, lgb.cpuSeconds);
    theirsLoss = probLogloss(lgb.validProb, valid.y, 3);
    logger.info('gbdt vs lightgbm', { rep: r, ours_s: s, lightgbm_s: lgb.seconds, lightgbm: lgb.version });
  }
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    gbdt_vs_lightgbm_ours_s: round(ours, 2),
    gbdt_vs_lightgbm_lightgbm_s: round(theirs, 2),
    gbdt_vs_lightgbm_time_ratio: round(ours / theirs, 3),
    // CPU seconds (both threads) of each side: less sensitive to other jobs than wall time.
    gbdt_vs_lightgbm_ours_cpu_s: round(oursCpu, 2),
    gbdt_vs_lightgbm_lightgbm_cpu_s: round(theirsCpu, 2),
    gbdt_vs_lightgbm_cpu_ratio: round(oursCpu / theirsCpu, 3),
    gbdt_vs_lightgbm_ours_logloss: round(oursLoss, 5),
    gbdt_vs_lightgbm_lightgbm_logloss: round(theirsLoss, 5),
    gbdt_vs_lightgbm_logloss_ratio: round(oursLoss / theirsLoss, 4),
  };
}
