"""Running scenarios in this Python process, through the compiled module `_almpsim` (built
with the program: build/release/python/_almpsim*.so)."""
import datetime
import importlib
import itertools
import json
import numbers
import pathlib
import sys
import tempfile

import xarray as xr

from .results import cohorts

_ROOT = pathlib.Path(__file__).resolve().parents[2]


def _module():
    try:
        return importlib.import_module("_almpsim")
    except ImportError:
        built = _ROOT / "build" / "release" / "python"
        if str(built) not in sys.path:
            sys.path.append(str(built))
        try:
            return importlib.import_module("_almpsim")
        except ImportError as e:
            raise ImportError("the compiled module _almpsim is not built: run `bash scripts/build.sh` "
                              f"(it goes to {built}) or put its folder on sys.path") from e


def _toml(value):
    """A Python value as the TOML text `--set` takes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a TOML basic string
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {value!r} as a scenario value")


def _overrides(settings):
    return [f"{key}={_toml(value)}" for key, value in (settings or {}).items()]


def run(scenario, set=None, replications=None, threads=1, seed=None, output=None, scale=1.0):
    """Runs a scenario in this process, as `almpsim run SCENARIO --set KEY=VALUE ...` does (the
    same bits), and returns its cohorts as `cohorts()` reads them: {cohort: xarray.Dataset}.
    `set` maps scenario keys to Python values; `scale` grows the population, inflow and
    caseworkers as `--scale` does; `output` keeps the results file there. A bad scenario raises
    ValueError naming the file, line and key."""
    with tempfile.TemporaryDirectory() as scratch:
        path = str(output) if output else str(pathlib.Path(scratch) / "run.h5")
        _module().run_to_file(str(scenario), _overrides(set), path, replications, seed, threads, scale)
        return cohorts(path)


def sweep(scenario, vary, set=None, replications=None, threads=1, seed=None, scale=1.0):
    """Runs every point of the grid `vary` ({key: [values]}, the first key varying slowest, as
    `almpsim sweep --vary` orders them) with the same draws, and returns {cohort: Dataset}
    with a leading `point` dimension (from 1) and the keys as its coordinates, as `cohorts()`
    reads a sweep file. `contrast()` then gives the paired difference from any point."""
    keys = list(vary)
    points = list(itertools.product(*(vary[k] for k in keys)))
    runs = []
    for values in points:
        settings = dict(set or {})
        settings.update(zip(keys, values))
        runs.append(run(scenario, settings, replications, threads, seed, scale=scale))
    out = {}
    for cohort in runs[0]:
        ds = xr.concat([r[cohort] for r in runs], dim="point", combine_attrs="override")
        ds = ds.assign_coords(point=range(1, len(points) + 1))
        for i, key in enumerate(keys):
            ds = ds.assign_coords({key: ("point", [p[i] for p in points])})
        out[cohort] = ds
    return out


def published(path):
    """The published numbers a run file's scenario names, each beside its simulated mean and 90%
    interval over replications: the rows of `almpsim report`, as a pandas DataFrame (one row per
    published value; `simulated_*` NaN where the model does not distinguish the category)."""
    import pandas as pd

    rows = json.loads(_module().report_json(str(path)))["tables"]
    return pd.json_normalize(rows, sep="_")  # simulated_mean, simulated_q05, ...


def trace(scenario, citizens=(), sample=0, set=None, replication=0, seed=None):
    """A few citizens' lives in one replication, with the full run's draws, as two pandas
    DataFrames: `weeks` (one row per citizen and reported week: the case at the start of the
    week) and `meetings` (one row per meeting held, with the draws that decided it against the
    actor's chances), as `almpsim trace --format json` has them."""
    import pandas as pd

    doc = json.loads(_module().trace_json(str(scenario), _overrides(set), [int(c) for c in citizens], int(sample),
                                          int(replication), -1 if seed is None else int(seed)))
    weeks = pd.DataFrame([{"citizen": c["citizen"], **w} for c in doc["citizens"] for w in c["weeks"]])
    meetings = pd.DataFrame([{"citizen": c["citizen"], **m} for c in doc["citizens"] for m in c["meetings"]],
                            columns=["citizen", "week", "attended", "no_show_draw", "no_show_chance", "sanctioned",
                                     "sanction_draw", "sanction_chance", "benefit_ended", "exit_draw", "exit_chance",
                                     "reassessed", "handed_on", "decided"])
    for frame in (weeks, meetings):
        if len(frame):
            frame["week"] = pd.to_datetime(frame["week"])
    return weeks, meetings
