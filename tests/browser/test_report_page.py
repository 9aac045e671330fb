"""The HTML report in a real browser (headless Chromium): every figure draws, with data in it.

A run of the shipped two_actors_shock scenario (two actors, a shock, stock and inflow cohorts)
and a small sweep of it are reported as pages; each is opened in Chromium, and each figure is
checked for drawn data (lines of non-zero length, points, bars of non-zero width) and, from a
screenshot of the figure alone, for the series' colours on screen.
"""
import io
import os
import pathlib
import subprocess

import numpy as np
import pytest
from matplotlib import image as mpimg
from selenium.webdriver.common.by import By

BINARY = os.environ.get("ALMPSIM_BINARY", "build/release/almpsim")
ROOT = pathlib.Path(os.environ.get("ALMPSIM_ROOT", pathlib.Path(__file__).resolve().parents[2]))
SCENARIO = ROOT / "scenarios" / "two_actors_shock.toml"
FIRST_SERIES = (0x00, 0x72, 0xB2)  # the palette's first colour (#0072B2)

SWEEP = f"""
extends = "{SCENARIO}"
name = "shock_sweep"
[sweep]
design = "grid"
[[sweep.vary]]
key = "shocks.financial_crisis.job_finding"
values = [0.6, 0.8, 1.0]
"""


def almpsim(*args):
    return subprocess.run([BINARY, *args], check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    run = d / "run.h5"
    almpsim("run", str(SCENARIO), "--replications", "4", "--scale", "0.25", "--quiet", "-o", str(run))
    almpsim("report", str(run), "--format", "html", "-o", str(d / "run.html"))
    sweep_file = d / "sweep.toml"
    sweep_file.write_text(SWEEP)
    almpsim("sweep", str(sweep_file), "--replications", "3", "--quiet", "-o", str(d / "sweep.h5"))
    almpsim("report", str(d / "sweep.h5"), "--format", "html", "--reference", "3", "-o", str(d / "sweep.html"))
    almpsim("trace", str(SCENARIO), "--sample", "3", "--format", "html", "-o", str(d / "trace.html"))
    return {"run": d / "run.html", "sweep": d / "sweep.html", "trace": d / "trace.html"}


def drawn_marks(driver, figure):
    """Data marks that the browser laid out with a size: lines, points, bars, intervals."""
    return driver.execute_script(
        """
        const svg = arguments[0].querySelector('svg');
        let n = 0;
        for (const p of svg.querySelectorAll('path.line')) if (p.getTotalLength() > 1) n++;
        for (const c of svg.querySelectorAll('circle.point')) if (c.getBBox().width > 0) n++;
        for (const r of svg.querySelectorAll('rect.bar-part')) if (r.getBBox().width > 0.5) n++;
        for (const l of svg.querySelectorAll('line.interval')) if (l.getTotalLength() > 0) n++;
        return n;
        """,
        figure,
    )


def share_of_colour(png, rgb, tolerance=12):
    """The share of a screenshot's pixels within `tolerance` (of 255) of a colour in each
    channel: the lines' cores are drawn in it exactly, their anti-aliased edges drift further."""
    pixels = (mpimg.imread(io.BytesIO(png), format="png")[:, :, :3] * 255).astype(int)
    near = np.all(np.abs(pixels - np.array(rgb)) <= tolerance, axis=2)
    return near.mean()


def check_figures(driver, page, expected_at_least):
    driver.get(page.as_uri())
    figures = driver.find_elements(By.CSS_SELECTOR, "figure")
    assert len(figures) >= expected_at_least
    for figure in figures:
        title = figure.find_element(By.CSS_SELECTOR, "svg > title").get_attribute("textContent")
        size = figure.find_element(By.CSS_SELECTOR, "svg").size
        assert size["width"] > 100 and size["height"] > 100, title
        assert drawn_marks(driver, figure) > 0, f"nothing drawn in {title}"
        driver.execute_script("arguments[0].scrollIntoView()", figure)
        # The first series' colour covers some of the figure: the data reached the screen. A
        # 440 x 250 figure has 110 000 pixels; one 2-pixel line across it covers about 0.7% of
        # them, a single point of radius 3.5 about 0.03%; 0.1% is a few points or a short line.
        assert share_of_colour(figure.screenshot_as_png, FIRST_SERIES) > 0.001, f"no data on screen in {title}"
    return figures


def test_run_report_draws_every_figure(browser, pages):
    figures = check_figures(browser, pages["run"], expected_at_least=6)
    titles = [f.find_element(By.CSS_SELECTOR, "svg > title").get_attribute("textContent") for f in figures]
    assert "Members by benefit state at the measure date" in titles
    # The shock is shaded on the states it touches, and only there.
    cash = next(f for f, t in zip(figures, titles) if t == "cash_benefit")
    assert cash.find_elements(By.CSS_SELECTOR, "rect.shading")
    flexjob = next(f for f, t in zip(figures, titles) if t == "flexjob")
    assert not flexjob.find_elements(By.CSS_SELECTOR, "rect.shading")
    # The contents lead to every section.
    for link in browser.find_elements(By.CSS_SELECTOR, "nav a"):
        target = link.get_attribute("href").split("#")[1]
        assert browser.find_elements(By.ID, target)


def test_sweep_report_draws_response_and_paired_difference(browser, pages):
    figures = check_figures(browser, pages["sweep"], expected_at_least=4)
    titles = [f.find_element(By.CSS_SELECTOR, "svg > title").get_attribute("textContent") for f in figures]
    assert any(t.endswith("against point 3") for t in titles)
    # The reference point's difference from itself is 0, replication by replication: its point
    # sits on the zero line, with no whisker.
    difference = figures[titles.index(next(t for t in titles if t.endswith("against point 3")))]
    zero = difference.find_element(By.CSS_SELECTOR, "line.zero")
    points = difference.find_elements(By.CSS_SELECTOR, "circle.point")
    on_zero = [p for p in points if abs(float(p.get_attribute("cy")) - float(zero.get_attribute("y1"))) < 0.06]
    assert on_zero, "no point at the reference's difference of 0"


def test_trace_page_draws_each_citizens_weeks(browser, pages):
    """Every reported week of a traced citizen is in some benefit state: the state spans, as the
    browser lays them out, cover the whole lane."""
    browser.get(pages["trace"].as_uri())
    timelines = browser.find_elements(By.CSS_SELECTOR, "svg.timeline")
    assert len(timelines) == 3
    for svg in timelines:
        covered, lane = browser.execute_script(
            """
            const svg = arguments[0];
            const lane = svg.querySelector('rect.lane').getBBox();
            let covered = 0;
            for (const r of svg.querySelectorAll('rect.span'))
              if (Math.abs(r.getBBox().y - lane.y) < 0.5) covered += r.getBBox().width;
            return [covered, lane.width];
            """,
            svg,
        )
        assert abs(covered - lane) < 1, (covered, lane)
