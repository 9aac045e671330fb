"""Labelled views of a results file: every dataset's `axes` attribute names its dimensions, and
/axes holds their labels (output/README.md has the layout)."""
import warnings

import h5py
import numpy as np
import pandas as pd
import xarray as xr
from scipy import stats

# Dimensions labelled by a dataset under /axes; the others are numbered.
_AXIS_LABELS = {
    "actor": "actors",
    "state": "states",
    "activity": "activities",
    "week": "weeks",
    "area": "areas",
    "account": "accounts",
    "match_group": "match_groups",
    "cohort": "cohorts",
}


def _strings(dataset):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in np.atleast_1d(dataset[()])]


def is_sweep(path):
    """True for a file written by `almpsim sweep`."""
    with h5py.File(path, "r") as f:
        return "sweep" in f


def points(path):
    """A sweep's points as a DataFrame: one row per point (numbered from 1, as `report` numbers
    them), a column per swept key, numbers where the value is one."""
    with h5py.File(path, "r") as f:
        return _points(f)


def _points(f):
    keys = _strings(f["sweep/points/keys"])
    texts = np.array(_strings(f["sweep/points/values"]), dtype=object).reshape(-1, len(keys))
    numbers = f["sweep/points/numeric_values"][()]
    frame = pd.DataFrame(
        {k: [numbers[p, i] if np.isfinite(numbers[p, i]) else texts[p, i] for p in range(len(texts))]
         for i, k in enumerate(keys)})
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="point")
    return frame


def _array(f, name):
    """The dataset as a DataArray with its dimensions named and labelled."""
    dataset = f[name]
    axes = dataset.attrs["axes"]
    dims = (axes.decode() if isinstance(axes, bytes) else str(axes)).split(",")
    coords = {}
    for dim, n in zip(dims, dataset.shape):
        if dim == "point":
            coords[dim] = np.arange(1, n + 1)
        elif dim in _AXIS_LABELS and f"axes/{_AXIS_LABELS[dim]}" in f:
            labels = _strings(f[f"axes/{_AXIS_LABELS[dim]}"])
            coords[dim] = pd.to_datetime(labels) if dim == "week" else labels
        else:
            coords[dim] = np.arange(n)
    return xr.DataArray(dataset[()], dims=dims, coords=coords)


def _with_points(f, ds):
    """A sweep's swept keys as coordinates along `point`."""
    if "sweep" not in f:
        return ds
    for key, column in _points(f).items():
        ds = ds.assign_coords({key: ("point", column.to_numpy())})
    return ds


def _variable_name(measure):
    # The measure `activity` (the share in each activity) cannot share its name with its own
    # dimension in xarray.
    return "activity_share" if measure == "activity" else measure


def cohorts(path):
    """Every cohort's measures, replication by replication: {cohort name: xarray.Dataset}. A
    sweep's have a leading `point` dimension, with the swept keys as its coordinates. The
    measure `activity` is called `activity_share` here (xarray keeps names and dimensions apart)."""
    with h5py.File(path, "r") as f:
        return _cohorts(f)


def _cohorts(f):
    root = "sweep/cohorts" if "sweep" in f else "cohorts"
    out = {}
    for cohort in _strings(f["axes/cohorts"]):
        group = f[f"{root}/{cohort}"]
        ds = xr.Dataset({_variable_name(m): _array(f, f"{root}/{cohort}/{m}") for m in group})
        ds.attrs = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in group.attrs.items()}
        out[cohort] = _with_points(f, ds)
    return out


def timeseries(path):
    """The weekly series (occupancy, entries, exits, activity, meetings, ...) as an
    xarray.Dataset, replication by replication, weeks as dates."""
    with h5py.File(path, "r") as f:
        root = "sweep/timeseries" if "sweep" in f else "timeseries"
        ds = xr.Dataset({name: _array(f, f"{root}/{name}") for name in f[root]})
        return _with_points(f, ds)


def table(path, measures=None):
    """Every cohort measure as a tidy table: one row per number, with columns point and the
    swept keys (sweeps), cohort, measure, replication, actor, the measure's own dimensions
    (state, activity, weeks_since_entry) where it has them, and value."""
    with h5py.File(path, "r") as f:
        datasets = _cohorts(f)
        leading = ["point", *_points(f).columns] if "sweep" in f else []
    frames = []
    for cohort, ds in datasets.items():
        for measure in measures or list(ds.data_vars):
            frame = ds[measure].to_dataframe(name="value").reset_index()
            frame.insert(0, "measure", measure)
            frame.insert(0, "cohort", cohort)
            frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    rest = [c for c in out.columns if c not in leading + ["value"]]
    return out[leading + rest + ["value"]]


def contrast(array, reference=1, level=0.95):
    """Each sweep point against the reference point (from 1), replication by replication: the
    runs share their draws, so the paired difference is far more precise than the points' own
    spreads. Returns a Dataset of the mean difference and its Student-t interval, per point and
    the array's other dimensions but replication."""
    if reference not in array.point.values:
        raise ValueError(f"reference {reference}: the points are {list(array.point.values)}")
    differences = array - array.sel(point=reference)
    n = differences.count("replication")
    with warnings.catch_warnings():  # an arm that serves nobody is all NaN, and stays so
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = differences.mean("replication")
        se = differences.std("replication", ddof=1) / np.sqrt(n)
        half = se * stats.t.ppf(0.5 + level / 2, n - 1)
    out = xr.Dataset({"difference": mean, "lower": mean - half, "upper": mean + half})
    # The swept keys, lost in the subtraction, label the points again.
    keys = {name: coord for name, coord in array.coords.items() if coord.dims == ("point",) and name != "point"}
    return out.assign_coords(keys)
