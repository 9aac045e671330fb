// The engine in a Python process: `almpsim.run` and `almpsim.sweep` (python/almpsim/engine.py)
// call `run_to_file`, which runs a scenario as `almpsim run` does and writes its results file;
// `almpsim.published` reads the report's numbers through `report_json`.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "almpsim/engine.hpp"
#include "almpsim/output.hpp"
#include "almpsim/scenario.hpp"
#include "almpsim/scenario_run.hpp"
#include "report/citizen_stories.hpp"
#include "report/reports.hpp"

namespace py = pybind11;
using namespace almpsim;

namespace {

void run_to_file(const std::string& scenario, std::vector<std::string> overrides, const std::string& output,
                 std::optional<long long> replications, std::optional<long long> seed, int threads, double scale) {
  // Given as keys, so that the scenario's schema checks their ranges as it checks --set.
  if (replications) overrides.push_back("replications=" + std::to_string(*replications));
  if (seed) overrides.push_back("seed=" + std::to_string(*seed));
  if (threads < 1) throw py::value_error("threads must be 1 or more");
  if (!(scale > 0)) throw py::value_error("scale must be above 0");
  RunRequest request;
  request.scenario = scenario;
  request.overrides = std::move(overrides);
  request.scale = scale;
  request.threads = threads;
  request.command_line = "python: almpsim.run(" + scenario + ")";
  const LoadedScenario loaded = prepare_run(request);
  OutputTarget target(output);
  MonteCarloOptions options;
  options.threads = threads;
  py::gil_scoped_release free_python;  // the run and the writing take no Python objects
  run_to_target(loaded, request, target, options);
}

/// The numbers of `almpsim report --format json` for a run file.
std::string report_json(const std::string& path) {
  const StoredRun run = read_run(path);
  return report::run_report_json(run, report::compare_with_published(run));
}

/// The traced citizens' weeks and meetings, as `almpsim trace --format json` prints them.
std::string trace_json(const std::string& scenario, const std::vector<std::string>& overrides,
                       const std::vector<long long>& citizens, int sample, int replication, long long seed) {
  report::TraceRequest request;
  request.scenario = scenario;
  request.overrides = overrides;
  request.citizens = citizens;
  request.sample = sample;
  request.replication = replication;
  request.seed = seed;
  report::TracedRun run;
  {
    py::gil_scoped_release free_python;
    run = report::trace_citizens(request);
  }
  return report::traced_run_json(run).dump();
}

}  // namespace

PYBIND11_MODULE(_almpsim, m) {
  m.doc() = "The almpsim engine, for python/almpsim";
  // A bad scenario is a ValueError that lists every problem as file:line: key: message.
  py::register_exception<ScenarioError>(m, "ScenarioError", PyExc_ValueError);
  py::register_exception<OutputError>(m, "OutputError", PyExc_OSError);
  m.def("run_to_file", &run_to_file, py::arg("scenario"), py::arg("overrides"), py::arg("output"),
        py::arg("replications") = py::none(), py::arg("seed") = py::none(), py::arg("threads") = 1,
        py::arg("scale") = 1.0,
        "Runs a scenario with --set style overrides and writes its results file, as `almpsim run` does");
  m.def("report_json", &report_json, py::arg("path"),
        "The report of a run file as `almpsim report --format json` prints it");
  m.def("trace_json", &trace_json, py::arg("scenario"), py::arg("overrides"), py::arg("citizens"),
        py::arg("sample") = 0, py::arg("replication") = 0, py::arg("seed") = -1,
        "A few citizens' weeks and meetings in one replication, as `almpsim trace --format json` prints them");
  m.attr("__version__") = ALMPSIM_VERSION;
}
