"""The teaching page (almpsim serve) in headless Chromium: pick a scenario, move a slider, run,
and the charts change; put it back, and the change is gone.

The server runs on a free port against the shipped scenarios; the chart library is the one
scripts/setup.sh fetched.
"""
import os
import pathlib
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BINARY = os.environ.get("ALMPSIM_BINARY", "build/release/almpsim")


@pytest.fixture(scope="module")
def server():
    process = subprocess.Popen([BINARY, "serve", "--port", "0", "--threads", "2"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()  # "serving N scenarios at http://127.0.0.1:PORT/ ..."
    assert line.startswith("serving"), line + process.stderr.read()
    yield line.split(" at ")[1].split()[0]
    process.terminate()
    process.wait(timeout=10)


def wait_for_run(driver, runs_before):
    WebDriverWait(driver, 120).until(
        lambda d: d.execute_script("return window.almpsim.runs") > runs_before
        and d.execute_script("return document.body.dataset.state") != "running"
    )
    assert driver.execute_script("return document.body.dataset.state") == "ready", driver.find_element(
        By.ID, "status").text


def chart_state(driver):
    """What the charts hold and what they show: the datasets and the canvases' pixels."""
    return driver.execute_script(
        """
        const c = window.almpsim.charts;
        return {
          occupancy: c.occupancy.data.datasets.map(d => d.data),
          differences: c.difference.data.datasets.map(d => d.data),
          occupancyPixels: document.getElementById('occupancy-chart').toDataURL(),
          differencePixels: document.getElementById('difference-chart').toDataURL(),
          status: document.getElementById('status').textContent,
        };
        """
    )


def move_slider(driver, control_id, value):
    runs = driver.execute_script("return window.almpsim.runs")
    driver.execute_script(
        """
        const input = document.querySelector(`#controls input[name="${arguments[0]}"]`);
        input.value = arguments[1];
        input.dispatchEvent(new Event('input'));
        input.dispatchEvent(new Event('change'));
        """,
        control_id,
        value,
    )
    wait_for_run(driver, runs)


def show_state(driver, state):
    driver.execute_script(
        "const s = document.getElementById('state'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
        state)
    assert driver.execute_script("return document.getElementById('state').value") == state


def test_a_slider_changes_the_charts_and_back(server, browser):
    browser.get(server + "?scenario=two_actors_shock")
    wait_for_run(browser, 0)
    show_state(browser, "cash_benefit")
    base = chart_state(browser)
    assert "nothing changed" in base["status"]
    # Nothing moved: the variant is the base, so every paired difference is 0.
    assert all(x == 0 for series in base["differences"] for x in series if x is not None)
    # The same curve twice per actor (changed and as shipped), and drawn.
    assert len(base["occupancy"]) == 4 and base["occupancy"][0] == base["occupancy"][1]

    # Twice the shock: more citizens on cash benefit, less self-support.
    move_slider(browser, "shock_size:financial_crisis", 2)
    shocked = chart_state(browser)
    assert "shocks.financial_crisis.job_finding" in shocked["status"]
    assert shocked["occupancy"] != base["occupancy"]
    assert shocked["occupancyPixels"] != base["occupancyPixels"]
    assert shocked["differencePixels"] != base["differencePixels"]
    assert sum(shocked["occupancy"][0]) > sum(shocked["occupancy"][1])  # changed above as shipped
    differences = [x for series in shocked["differences"] for x in series if x is not None]
    assert min(differences) < 0

    # The outcome table shows the paired differences; a clear one is starred.
    rows = browser.find_elements(By.CSS_SELECTOR, "#outcomes tbody tr")
    assert rows and any(r.text.endswith("*") for r in rows)

    # Back to the scenario: the charts return to the base, bit for bit.
    runs = browser.execute_script("return window.almpsim.runs")
    browser.find_element(By.ID, "reset").click()
    wait_for_run(browser, runs)
    again = chart_state(browser)
    assert again["occupancy"] == base["occupancy"]
    assert "nothing changed" in again["status"]


def test_the_server_refuses_what_it_cannot_run(server):
    import json
    import urllib.error
    import urllib.request

    def post(body):
        request = urllib.request.Request(server + "api/run", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request) as reply:
                return reply.status, json.load(reply)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    status, reply = post({"scenario": "two_actors_shock", "settings": {"shock_size:financial_crisis": 9}})
    assert status == 400 and "outside 0 to 2" in reply["error"]
    status, reply = post({"scenario": "two_actors_shock", "settings": {"no_such:control": 1}})
    assert status == 400 and "no control no_such:control" in reply["error"]
    status, reply = post({"scenario": "not_there"})
    assert status == 400
    # Wrong types are refused by name, never a crash.
    for body, says in (({"scenario": "two_actors_shock", "replications": "ten"}, "replications"),
                       ({"scenario": "two_actors_shock", "replications": 10.5}, "replications"),
                       ({"scenario": 5}, "names no scenario"), ([1, 2], "names no scenario"),
                       ({"scenario": "two_actors_shock", "settings": {"shock_size:financial_crisis": "big"}},
                        "a number")):
        status, reply = post(body)
        assert status == 400 and says in reply["error"], (body, reply)
