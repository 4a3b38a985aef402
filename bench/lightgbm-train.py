"""Trains the reference LightGBM on a matrix written by the GBDT benchmark (bench/figures.ts).

Usage: .venv/bin/python bench/lightgbm-train.py DIR
DIR holds meta.json ({"n", "d", "n_valid", "params"}), train_x.f64 (n*d row-major float64),
train_y.i32, valid_x.f64. Writes valid_prob.f64 (n_valid*K row-major float64, class probabilities)
and result.json ({"seconds", "cpu_seconds", "lightgbm_version", "num_trees"}). Timed: Dataset construction (binning)
plus training, like trainGbdt's own timing, which includes its binning.
"""

import json
import sys
import time
from pathlib import Path

import lightgbm as lgb
import numpy as np


def main() -> None:
    d = Path(sys.argv[1])
    meta = json.loads((d / "meta.json").read_text())
    n, dim, n_valid = meta["n"], meta["d"], meta["n_valid"]
    x = np.fromfile(d / "train_x.f64", dtype=np.float64).reshape(n, dim)
    y = np.fromfile(d / "train_y.i32", dtype=np.int32)
    xv = np.fromfile(d / "valid_x.f64", dtype=np.float64).reshape(n_valid, dim)
    params = dict(meta["params"])
    rounds = params.pop("num_iterations")
    t0 = time.perf_counter()
    c0 = time.process_time()
    booster = lgb.train(params, lgb.Dataset(x, label=y, params=params), num_boost_round=rounds)
    seconds = time.perf_counter() - t0
    cpu_seconds = time.process_time() - c0
    prob = np.ascontiguousarray(booster.predict(xv, num_threads=params["num_threads"]), dtype=np.float64)
    prob.tofile(d / "valid_prob.f64")
    result = {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "lightgbm_version": lgb.__version__,
        "num_trees": booster.num_trees(),
    }
    (d / "result.json").write_text(json.dumps(result))


if __name__ == "__main__":
    main()
