"""Trains LightGBM on the teacher's six fits of the 500k benchmark (bench/scale-500k.ts).

Usage: .venv/bin/python bench/lightgbm-teacher.py DIR
DIR holds meta.json ({"n", "d", "fits", "params", "early_stopping_rounds"}), x.f64 (n*d row-major
float64, every labelled row), y.i32, valid.i32 (row ids of the validation split, for early stopping)
and fit_K.i32 (row ids each fit trains on: the final model's, then each out-of-fold model's).
Writes result.json ({"seconds", "cpu_seconds", "fit_seconds", "best_iterations", "lightgbm_version"}).
Timed per fit: Dataset construction (binning) plus training, as trainGbdt times its own.
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
    n, dim = meta["n"], meta["d"]
    x = np.fromfile(d / "x.f64", dtype=np.float64).reshape(n, dim)
    y = np.fromfile(d / "y.i32", dtype=np.int32)
    valid = np.fromfile(d / "valid.i32", dtype=np.int32)
    params = dict(meta["params"])
    rounds = params.pop("num_iterations")
    patience = meta["early_stopping_rounds"]
    fit_seconds, best = [], []
    t_all = time.perf_counter()
    c_all = time.process_time()
    for k in range(meta["fits"]):
        idx = np.fromfile(d / f"fit_{k}.i32", dtype=np.int32)
        t0 = time.perf_counter()
        train = lgb.Dataset(x[idx], label=y[idx], params=params)
        vset = lgb.Dataset(x[valid], label=y[valid], reference=train)
        booster = lgb.train(
            params,
            train,
            num_boost_round=rounds,
            valid_sets=[vset],
            callbacks=[lgb.early_stopping(patience, verbose=False)] if patience > 0 else [],
        )
        fit_seconds.append(time.perf_counter() - t0)
        best.append(booster.best_iteration)
    result = {
        "seconds": time.perf_counter() - t_all,
        "cpu_seconds": time.process_time() - c_all,
        "fit_seconds": fit_seconds,
        "best_iterations": best,
        "lightgbm_version": lgb.__version__,
    }
    (d / "result.json").write_text(json.dumps(result))


if __name__ == "__main__":
    main()
