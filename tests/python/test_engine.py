"""The engine run in the Python process gives the bits the program gives."""
import os
import subprocess

import numpy as np
import pytest

import almpsim
from almpsim.engine import _toml

BINARY = os.environ.get("ALMPSIM_BINARY", "build/release/almpsim")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCENARIO = os.path.join(ROOT, "scenarios", "two_actors_shock.toml")


def cli(*args):
    subprocess.run([BINARY, *args], check=True, capture_output=True, text=True)


def assert_same(mine, theirs):
    assert set(mine) == set(theirs)
    for cohort in theirs:
        for measure in theirs[cohort].data_vars:
            np.testing.assert_array_equal(mine[cohort][measure].values, theirs[cohort][measure].values,
                                          err_msg=f"{cohort} {measure}")


def test_run_in_process_equals_the_program(tmp_path):
    out = tmp_path / "cli.h5"
    cli("run", SCENARIO, "-o", str(out), "--replications", "3", "--quiet", "--set", "population.size=3000",
        "--set", "actors.agens.job_finding=1.2")
    mine = almpsim.run(SCENARIO, set={"population.size": 3000, "actors.agens.job_finding": 1.2}, replications=3,
                       threads=2)
    assert_same(mine, almpsim.cohorts(out))


def test_sweep_in_process_equals_the_program(tmp_path):
    out = tmp_path / "sweep.h5"
    cli("sweep", SCENARIO, "-o", str(out), "--replications", "2", "--quiet", "--set", "population.size=2000",
        "--vary", "actors.agens.job_finding=1,1.5", "--vary", "inflow.cash_benefit=6,9")
    mine = almpsim.sweep(SCENARIO, {"actors.agens.job_finding": [1, 1.5], "inflow.cash_benefit": [6, 9]},
                         set={"population.size": 2000}, replications=2)
    theirs = almpsim.cohorts(out)
    assert_same(mine, theirs)
    stock = mine["stock_cash"]
    assert list(stock.point.values) == [1, 2, 3, 4]
    assert list(stock["actors.agens.job_finding"].values) == [1, 1, 1.5, 1.5]
    assert list(stock["inflow.cash_benefit"].values) == [6, 9, 6, 9]


def test_a_bad_key_is_a_value_error_that_says_where():
    with pytest.raises(ValueError, match="population.sise"):
        almpsim.run(SCENARIO, set={"population.sise": 10}, replications=1)


def test_python_values_become_scenario_values():
    assert _toml(True) == "true"
    assert _toml(3) == "3" and _toml(0.5) == "0.5"
    assert _toml("rest") == '"rest"'
    assert _toml(["a", 2]) == '["a", 2]'
    assert _toml({"inhouse_project": 0.5, "guidance": 0.5}) == "{ inhouse_project = 0.5, guidance = 0.5 }"


def test_ctrl_c_still_interrupts_python_after_a_run():
    # The run installs its own signal handlers while it writes, and gives Python's back after.
    import signal
    import time

    almpsim.run(SCENARIO, set={"population.size": 500}, replications=1)
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)


def test_scale_in_process_equals_the_program(tmp_path):
    out = tmp_path / "scaled.h5"
    cli("run", SCENARIO, "-o", str(out), "--replications", "2", "--quiet", "--set", "population.size=2000",
        "--scale", "1.5")
    mine = almpsim.run(SCENARIO, set={"population.size": 2000}, replications=2, scale=1.5)
    assert_same(mine, almpsim.cohorts(out))


def test_contrast_keeps_the_swept_keys_and_refuses_an_unknown_reference():
    runs = almpsim.sweep(SCENARIO, {"actors.agens.job_finding": [1, 1.2]}, set={"population.size": 1000},
                         replications=2)
    share = runs["stock_cash"].self_support_share
    paired = almpsim.contrast(share, reference=1)
    assert list(paired["actors.agens.job_finding"].values) == [1, 1.2]
    with pytest.raises(ValueError, match="the points are"):
        almpsim.contrast(share, reference=3)


def test_published_is_the_report_of_the_program(tmp_path):
    import json

    out = tmp_path / "koege.h5"
    cli("run", os.path.join(ROOT, "scenarios", "koege_2008.toml"), "-o", str(out), "--replications", "3", "--quiet")
    report = json.loads(subprocess.run([BINARY, "report", str(out), "--format", "json"], check=True,
                                       capture_output=True, text=True).stdout)["tables"]
    table = almpsim.published(out)
    assert len(table) == len(report)
    assert list(table["category"]) == [r["category"] for r in report]
    np.testing.assert_array_equal(table["published"].to_numpy(), [r["published"] for r in report])
    np.testing.assert_array_equal(table["simulated_mean"].to_numpy(dtype=float),
                                  [np.nan if r["simulated"]["mean"] is None else r["simulated"]["mean"] for r in report])


def test_trace_in_process_is_the_program_s(tmp_path):
    import json

    doc = json.loads(subprocess.run([BINARY, "trace", SCENARIO, "--citizen", "5", "--sample", "3", "--format", "json"],
                                    check=True, capture_output=True, text=True).stdout)
    weeks, meetings = almpsim.trace(SCENARIO, citizens=[5], sample=3)
    assert sorted(weeks.citizen.unique()) == [c["citizen"] for c in doc["citizens"]]
    assert len(weeks) == sum(len(c["weeks"]) for c in doc["citizens"])
    assert list(weeks.state) == [w["state"] for c in doc["citizens"] for w in c["weeks"]]
    assert list(meetings.no_show_draw) == [m["no_show_draw"] for c in doc["citizens"] for m in c["meetings"]]
    with pytest.raises(ValueError, match="not in this run"):
        almpsim.trace(SCENARIO, citizens=[10**8])
