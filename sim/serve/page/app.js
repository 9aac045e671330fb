// The teaching page: sliders for a scenario's strategy keys, a run in the engine on each change,
// and charts of the changed strategy against the scenario as shipped.
"use strict";

const colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"];
const page = { scenarios: [], result: null, charts: {}, runs: 0 };
window.almpsim = page; // for the browser test and the curious student

const $ = (id) => document.getElementById(id);

function setState(state, text) {
  document.body.dataset.state = state;
  $("status").textContent = text;
}

function formatValue(control, value) {
  const v = Number(value);
  if (control.unit === "weeks") return `${v} weeks`;
  if (control.unit === "%") return `${v.toFixed(0)}%`;
  return `${v.toFixed(2)}\u00d7`;
}

// Shocks shaded on the occupancy chart, from their start to the end of their recovery.
const shockShading = {
  id: "shockShading",
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea, scales } = chart;
    for (const span of options.spans || []) {
      const from = Math.max(scales.x.getPixelForValue(span.from), chartArea.left);
      const to = Math.min(scales.x.getPixelForValue(span.to), chartArea.right);
      if (to <= from) continue;
      ctx.save();
      ctx.fillStyle = "rgba(128,128,128,0.14)";
      ctx.fillRect(from, chartArea.top, to - from, chartArea.bottom - chartArea.top);
      ctx.fillStyle = "#555";
      ctx.font = "11px sans-serif";
      ctx.fillText(span.name, from + 4, chartArea.top + 12);
      ctx.restore();
    }
  },
};

// 95% intervals drawn on the bars of the difference chart.
const errorBars = {
  id: "errorBars",
  afterDatasetsDraw(chart) {
    const { ctx, scales } = chart;
    chart.data.datasets.forEach((dataset, d) => {
      chart.getDatasetMeta(d).data.forEach((bar, i) => {
        const interval = dataset.intervals[i];
        if (!interval || !Number.isFinite(interval[0]) || !Number.isFinite(interval[1])) return;
        const top = scales.y.getPixelForValue(interval[1]), bottom = scales.y.getPixelForValue(interval[0]);
        ctx.save();
        ctx.strokeStyle = "#222";
        ctx.lineWidth = 1.3;
        ctx.beginPath();
        ctx.moveTo(bar.x, top); ctx.lineTo(bar.x, bottom);
        ctx.moveTo(bar.x - 5, top); ctx.lineTo(bar.x + 5, top);
        ctx.moveTo(bar.x - 5, bottom); ctx.lineTo(bar.x + 5, bottom);
        ctx.stroke();
        ctx.restore();
      });
    });
  },
};

function lineChart(canvas, yTitle, xTitle) {
  return new Chart(canvas, {
    type: "line",
    data: { labels: [], datasets: [] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      elements: { point: { radius: 0 } },
      scales: {
        x: { title: { display: true, text: xTitle }, ticks: { maxTicksLimit: 9 } },
        y: { beginAtZero: true, title: { display: true, text: yTitle } },
      },
      plugins: { shockShading: { spans: [] }, legend: { labels: { usePointStyle: true, pointStyle: "line" } } },
    },
    plugins: [shockShading],
  });
}

// The actors the charts show: all of them, or one ("Actors in the charts").
function shownSeries(series) {
  const actor = $("shown-actor").value;
  return series.map((s, i) => ({ ...s, colour: colours[i % colours.length] }))
    .filter((s) => actor === "" || s.actor === actor);
}

function pairedLines(series) {
  const datasets = [];
  shownSeries(series).forEach((s) => {
    const colour = s.colour;
    datasets.push({ label: `${s.actor}, changed`, data: s.variant, borderColor: colour, backgroundColor: colour,
                    borderWidth: 2 });
    datasets.push({ label: `${s.actor}, as shipped`, data: s.base, borderColor: colour, backgroundColor: colour,
                    borderWidth: 1.5, borderDash: [6, 4] });
  });
  return datasets;
}

function drawOccupancy() {
  const r = page.result, chart = page.charts.occupancy, state = $("state").value;
  if (!r || !r.occupancy[state]) return;
  chart.data.labels = r.weeks;
  chart.data.datasets = pairedLines(r.occupancy[state]);
  chart.options.plugins.shockShading.spans = r.shocks
    .filter((s) => s.states.length === 0 || s.states.includes(state))
    .map((s) => ({ name: s.name, from: s.from, to: s.to }));
  chart.update();
}

function drawSurvival() {
  const r = page.result, chart = page.charts.survival;
  const cohort = r && r.cohorts.find((c) => c.name === $("cohort").value);
  if (!cohort || cohort.survival.length === 0) return;
  chart.data.labels = cohort.survival[0].base.map((_, w) => w);
  chart.data.datasets = pairedLines(cohort.survival);
  chart.update();
}

function drawDifferences() {
  const r = page.result, chart = page.charts.difference;
  const rows = r.cohorts.flatMap((c) => c.measures.filter((m) => m.name === "self_support_share")
    .map((m) => ({ cohort: c.name, ...m })));
  const actors = [...new Set(rows.map((m) => m.actor))].filter((a) => $("shown-actor").value === "" || a === $("shown-actor").value);
  chart.data.labels = [...new Set(rows.map((m) => m.cohort))];
  const allActors = [...new Set(rows.map((m) => m.actor))];
  chart.data.datasets = actors.map((actor) => {
    const of = (cohort) => rows.find((m) => m.cohort === cohort && m.actor === actor);
    return {
      label: actor,
      backgroundColor: colours[allActors.indexOf(actor) % colours.length],
      data: chart.data.labels.map((c) => (of(c) ? of(c).difference : null)),
      intervals: chart.data.labels.map((c) => (of(c) ? [of(c).lower, of(c).upper] : null)),
    };
  });
  // The axis reaches the ends of the intervals, not only the bars.
  const ends = chart.data.datasets.flatMap((d) => d.intervals.flat()).filter(Number.isFinite);
  chart.options.scales.y.suggestedMin = Math.min(0, ...ends);
  chart.options.scales.y.suggestedMax = Math.max(0, ...ends);
  chart.update();
}

function fixed(x, decimals) {
  return Number.isFinite(x) ? x.toFixed(decimals) : "\u2013";
}

function drawTable() {
  const body = $("outcomes").querySelector("tbody");
  body.replaceChildren();
  const shown = $("shown-actor").value;
  for (const c of page.result.cohorts)
    for (const m of c.measures.filter((x) => shown === "" || x.actor === shown)) {
      const clear = m.lower > 0 || m.upper < 0;
      const cells = [c.name, m.actor, m.measure + (m.in_currency ? ` (${page.result.money_unit})` : ""),
                     fixed(m.base, m.decimals), fixed(m.variant, m.decimals),
                     `${fixed(m.difference, m.decimals + 1)} [${fixed(m.lower, m.decimals + 1)}, ` +
                     `${fixed(m.upper, m.decimals + 1)}]${clear ? " *" : ""}`];
      const row = body.insertRow();
      cells.forEach((text, i) => {
        const cell = row.insertCell();
        cell.textContent = text;
        if (i >= 3) cell.className = "num" + (i === 5 && clear ? " clear" : "");
      });
    }
}

function fillSelect(select, values, keep) {
  const previous = select.value;
  select.replaceChildren(...values.map((v) => new Option(v, v)));
  if (keep && values.includes(previous)) select.value = previous;
}

function settings() {
  const out = {};
  // Only what the student moved: a slider snaps the scenario's own value to its steps.
  for (const input of document.querySelectorAll("#controls input[type=range]"))
    if (input.value !== input.dataset.initial) out[input.name] = Number(input.value);
  return out;
}

async function run() {
  // Only the latest request is drawn: a slider moved again while a run was on supersedes it.
  page.pending?.abort();
  const pending = (page.pending = new AbortController());
  const scenario = $("scenario").value;
  const started = performance.now();
  setState("running", `Running ${scenario}\u2026`);
  try {
    const response = await fetch("/api/run", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ scenario, replications: Number($("replications").value), settings: settings() }),
      signal: pending.signal,
    });
    const reply = await response.json();
    if (pending !== page.pending) return;
    if (!response.ok) throw new Error(reply.error || response.statusText);
    page.result = reply;
    page.runs += 1;
    const states = Object.keys(reply.occupancy), fresh = $("state").options.length === 0;
    fillSelect($("state"), states, true);
    if (fresh && states.includes("cash_benefit")) $("state").value = "cash_benefit";
    fillSelect($("cohort"), reply.cohorts.map((c) => c.name), true);
    redraw();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const changed = reply.overrides.length ? `changed: ${reply.overrides.join("; ")}` : "nothing changed";
    setState("ready", `${scenario}: ${reply.replications} replications in ${seconds} s; ${changed}.`);
  } catch (error) {
    if (pending === page.pending) setState("error", `The run failed: ${error.message}`);
  }
}

function showControls(scenario) {
  const box = $("controls");
  box.replaceChildren();
  const groups = new Map();
  for (const c of scenario.controls) {
    const group = c.actor || "economy";
    if (!groups.has(group)) {
      // Many actors (a trial in many sites) would make a long column: the first two are open.
      const details = Object.assign(document.createElement("details"), { className: "actor", open: groups.size < 2 });
      details.append(Object.assign(document.createElement("summary"), { textContent: group }));
      box.append(details);
      groups.set(group, details);
    }
    const div = document.createElement("div");
    div.className = "control";
    const id = `control-${c.id.replace(/[^a-zA-Z0-9_-]/g, "_")}`;
    const label = Object.assign(document.createElement("label"), { htmlFor: id, textContent: `${c.label}: ` });
    const output = document.createElement("output");
    const input = Object.assign(document.createElement("input"), {
      type: "range", id, name: c.id, min: c.min, max: c.max, step: c.step, value: c.value,
    });
    input.dataset.initial = input.value;
    const show = () => {
      output.textContent = formatValue(c, input.value);
      output.classList.toggle("moved", input.value !== input.dataset.initial);
    };
    input.addEventListener("input", show);
    input.addEventListener("change", run);
    show();
    label.append(output);
    div.append(label, input);
    groups.get(group).append(div);
  }
}

function chooseScenario() {
  const scenario = page.scenarios.find((s) => s.id === $("scenario").value);
  $("description").textContent = scenario.description;
  showControls(scenario);
  // A new scenario starts on cash benefit and its first cohort; with many actors, on the first.
  page.result = null;
  $("state").replaceChildren();
  $("cohort").replaceChildren();
  const actors = scenario.actors;
  fillSelect($("shown-actor"), ["", ...actors], false);
  $("shown-actor").options[0].textContent = "all";
  if (actors.length > 4) $("shown-actor").value = actors[0];
  run();
}

function redraw() {
  if (!page.result) return;
  drawOccupancy();
  drawSurvival();
  drawDifferences();
  drawTable();
}

async function start() {
  page.charts.occupancy = lineChart($("occupancy-chart"), "citizens", "week starting");
  page.charts.survival = lineChart($("survival-chart"), "still on benefit, %", "weeks since entry");
  page.charts.difference = new Chart($("difference-chart"), {
    type: "bar",
    data: { labels: [], datasets: [] },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { title: { display: true, text: "changed \u2212 as shipped, points" } } } },
    plugins: [errorBars],
  });
  $("state").addEventListener("change", drawOccupancy);
  $("shown-actor").addEventListener("change", redraw);
  $("cohort").addEventListener("change", drawSurvival);
  $("scenario").addEventListener("change", chooseScenario);
  $("replications").addEventListener("change", run);
  $("run").addEventListener("click", run);
  $("reset").addEventListener("click", () => {
    for (const input of document.querySelectorAll("#controls input[type=range]")) {
      input.value = input.dataset.initial;
      input.dispatchEvent(new Event("input"));
    }
    run();
  });
  try {
    page.scenarios = await (await fetch("/api/scenarios")).json();
  } catch (error) {
    setState("error", `Cannot list the scenarios: ${error.message}`);
    return;
  }
  fillSelect($("scenario"), page.scenarios.map((s) => s.id), false);
  for (const option of $("scenario").options) {
    const s = page.scenarios.find((x) => x.id === option.value);
    option.textContent = s.name === s.id ? s.id : `${s.id} (${s.name})`;
  }
  const wanted = new URLSearchParams(location.search).get("scenario");
  if (wanted && page.scenarios.some((s) => s.id === wanted)) $("scenario").value = wanted;
  chooseScenario();
}

if (typeof Chart === "undefined")
  setState("error", "The chart library is missing: run bash scripts/setup.sh, then start almpsim serve again.");
else start();
