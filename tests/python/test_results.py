"""The Python reader against the results files the program writes, and against its own reports."""
import json
import os
import pathlib
import subprocess

import h5py
import numpy as np
import pytest

import almpsim

BINARY = os.environ.get("ALMPSIM_BINARY", "build/release/almpsim")
SCENARIO = """
start = 2020-01-06
weeks = 30
seed = 7
[population]
size = 2000
state_shares = { cash_benefit = 1.0 }
[hazards.cash_benefit.self_support]
baseline = 0.05
[hazards.self_support.cash_benefit]
baseline = 0.01
[[actors]]
name = "centre"
assignment = { rule = "random_share", share = 0.5 }
[[actors]]
name = "provider"
[[cohorts]]
name = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-06-01
"""


def almpsim_cli(*args):
    return subprocess.run([BINARY, *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("results")
    scenario = d / "s.toml"
    scenario.write_text(SCENARIO)
    run, sweep = d / "run.h5", d / "sweep.h5"
    almpsim_cli("run", str(scenario), "-o", str(run), "--replications", "5", "--quiet")
    almpsim_cli("sweep", str(scenario), "-o", str(sweep), "--replications", "6", "--quiet",
                "--vary", "actors.provider.job_finding=0.8,1,1.3")
    return {"run": run, "sweep": sweep}


def test_cohorts_label_what_the_file_holds(files):
    stock = almpsim.cohorts(files["run"])["stock"]
    with h5py.File(files["run"], "r") as f:
        raw = f["cohorts/stock/status"][()]
    assert stock.status.dims == ("replication", "actor", "state")
    assert list(stock.actor.values) == ["centre", "provider"]
    assert stock.state.values[0] == "self_support"
    np.testing.assert_array_equal(stock.status.values, raw)
    assert stock.attrs["measure_at"] == "2020-06-01"
    # The status shares of each arm add up to 1 in every replication.
    np.testing.assert_allclose(stock.status.sum("state").values, 1.0)


def test_a_sweep_has_its_points_and_keys(files):
    stock = almpsim.cohorts(files["sweep"])["stock"]
    assert stock.self_support_share.dims == ("point", "replication", "actor")
    assert list(stock.point.values) == [1, 2, 3]
    assert list(stock["actors.provider.job_finding"].values) == [0.8, 1.0, 1.3]
    assert list(almpsim.points(files["sweep"])["actors.provider.job_finding"]) == [0.8, 1.0, 1.3]


def test_the_paired_contrast_is_the_one_report_prints(files):
    share = almpsim.cohorts(files["sweep"])["stock"].self_support_share
    mine = almpsim.contrast(share, reference=2).sel(actor="provider")
    # By hand: point 3 less point 2 in each replication, mean and t interval.
    d = (share.sel(point=3) - share.sel(point=2)).sel(actor="provider").values
    half = 2.5705818366147395 * d.std(ddof=1) / np.sqrt(len(d))  # t(5, 0.975)
    assert mine.difference.sel(point=3) == pytest.approx(d.mean(), abs=1e-12)
    assert mine.upper.sel(point=3) == pytest.approx(d.mean() + half, abs=1e-12)
    report = json.loads(almpsim_cli("report", str(files["sweep"]), "--format", "json", "--reference", "2"))
    printed = report["cohorts"]["stock"]["self_support_share"]["provider"]
    np.testing.assert_allclose(100 * mine.difference.values, printed["difference"], atol=1e-9)
    np.testing.assert_allclose(100 * mine.lower.values, printed["difference_lower"], atol=1e-9)


def test_the_table_is_tidy(files):
    table = almpsim.table(files["sweep"], ["self_support_share", "status"])
    assert list(table.columns[:2]) == ["point", "actors.provider.job_finding"]
    assert table.columns[-1] == "value"
    # 3 points x 6 replications x 2 actors, once for the share and once per state.
    states = almpsim.cohorts(files["sweep"])["stock"].state.size
    assert len(table) == 3 * 6 * 2 * (1 + states)
    one = table[(table.measure == "status") & (table.point == 1) & (table.replication == 0) & (table.actor == "centre")]
    assert one.value.sum() == pytest.approx(1.0)


def test_timeseries_keep_flow_accounting(files):
    ts = almpsim.timeseries(files["run"])
    occupancy = ts.occupancy.sum("state")
    # Nobody enters or leaves the population: every week holds all 2,000.
    np.testing.assert_array_equal(occupancy.sum("actor").values, 2000)
    assert str(ts.week.values[0])[:10] == "2020-01-06"


def test_export_writes_the_same_numbers_as_the_reader(files, tmp_path):
    import io

    import pandas as pd

    for kind in ("run", "sweep"):
        csv = pd.read_csv(io.StringIO(almpsim_cli("export", str(files[kind]))), float_precision="round_trip")
        cohorts = almpsim.cohorts(files[kind])
        assert len(csv) == sum(v.size for ds in cohorts.values() for v in ds.data_vars.values())
        share = csv[csv.measure == "self_support_share"]
        mine = almpsim.table(files[kind], ["self_support_share"])
        on = ["point", "replication", "actor"] if kind == "sweep" else ["replication", "actor"]
        both = share.merge(mine, on=on, suffixes=("_csv", "_reader"))
        assert len(both) == len(share) == len(mine)
        np.testing.assert_array_equal(both.value_csv.to_numpy(), both.value_reader.to_numpy())
    # -o writes the same table to a file.
    out = tmp_path / "sweep.csv"
    almpsim_cli("export", str(files["sweep"]), "-o", str(out))
    assert out.read_text() == almpsim_cli("export", str(files["sweep"]))


@pytest.mark.parametrize("kind", ["run", "sweep"])
def test_every_dimension_is_named_and_tied_to_its_axis(files, kind):
    """HDF5 dimension scales: a generic reader (h5py's dims, HDFView) sees each axis's name and,
    where the lengths agree, its labels."""
    checked = []

    def visit(name, obj):
        if not isinstance(obj, h5py.Dataset) or "axes" not in obj.attrs:
            return
        axes = obj.attrs["axes"].decode().split(",")
        assert [d.label for d in obj.dims] == axes, name
        for i, (axis, dim) in enumerate(zip(axes, obj.dims)):
            if axis in ("replication", "week", "actor", "state", "activity", "account", "area", "point", "key"):
                assert len(dim) == 1, (name, axis)  # these axes always have their scale
            for scale in dim.values():
                assert scale.shape == (obj.shape[i],), (name, axis)
        checked.append(name)

    with h5py.File(files[kind], "r") as f:
        f.visititems(visit)
        assert f["axes/replications"][()].tolist() == list(range(f["meta/replications"][()]))
        if kind == "sweep":
            assert f["axes/points"][()].tolist() == [1, 2, 3]
            states = f["sweep/cohorts/stock/status"].dims[3][0][()]
        else:
            states = f["cohorts/stock/status"].dims[2][0][()]
        assert states[0] == b"self_support"
    assert len(checked) > 50


def test_a_sweep_keeps_each_point_s_register(files, tmp_path):
    """sweep --register: point p's spells are the spells `run --register` gives with its keys."""
    scenario = files["run"].parent / "s.toml"
    sweep, run = tmp_path / "sweep.h5", tmp_path / "run.h5"
    almpsim_cli("sweep", str(scenario), "-o", str(sweep), "--replications", "2", "--quiet", "--register",
                "--vary", "actors.provider.job_finding=0.8,1.3")
    almpsim_cli("run", str(scenario), "-o", str(run), "--replications", "2", "--quiet", "--register",
                "--set", "actors.provider.job_finding=1.3")
    with h5py.File(sweep, "r") as f, h5py.File(run, "r") as g:
        stacked, single = f["sweep/register/spells"][()], g["register/spells"][()]
    assert sorted(set(stacked["point"])) == [1, 2]
    second = stacked[stacked["point"] == 2]
    for field in single.dtype.names:
        np.testing.assert_array_equal(second[field], single[field], err_msg=field)
    # The points differ where the provider's job finding does: its spells end sooner at point 2.
    assert len(stacked[stacked["point"] == 1]) != len(second)
    # Asked again with --resume, the complete sweep is left as it is.
    assert "complete already" in almpsim_cli("sweep", str(scenario), "-o", str(sweep), "--replications", "2",
                                             "--register", "--resume", "--vary", "actors.provider.job_finding=0.8,1.3")
