#include "server.hpp"

#include <httplib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "almpsim/scenario.hpp"
#include "cli/exit_status.hpp"
#include "controls.hpp"
#include "page_run.hpp"

namespace almpsim::serve {

namespace {

using json = nlohmann::ordered_json;

/// A scenario the page offers: its file, the scenario as loaded once at start, and its controls.
struct Offered {
  std::string id;  ///< the file's stem
  std::string file;
  LoadedScenario base;
  std::vector<Control> controls;
};

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The scenarios in the folder that load, have a control to move and are small enough to run
/// while a student waits (the citizen-weeks of one replication).
std::vector<Offered> offered_scenarios(const std::string& folder, double largest_run) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<Offered> out;
  for (const auto& path : files) {
    try {
      LoadedScenario loaded = load_scenario(path.string());
      const Params& p = loaded.params;
      const double size = static_cast<double>(p.population.size) * p.calendar.total();
      std::vector<Control> controls = teaching_controls(loaded.resolved_text);
      if (controls.empty() || size > largest_run) {
        std::fprintf(stderr, "note: %s is not offered (%s)\n", path.filename().c_str(),
                     controls.empty() ? "nothing to move" : "too large to run while the page waits");
        continue;
      }
      out.push_back({path.stem().string(), path.string(), std::move(loaded), std::move(controls)});
    } catch (const std::exception& e) {
      std::fprintf(stderr, "note: %s is not offered: %s\n", path.filename().c_str(), e.what());
    }
  }
  return out;
}

json controls_json(const std::vector<Control>& controls) {
  json out = json::array();
  for (const Control& c : controls)
    out.push_back({{"id", c.id},
                   {"actor", c.actor},
                   {"label", c.label},
                   {"unit", c.unit},
                   {"min", c.min},
                   {"max", c.max},
                   {"step", c.step},
                   {"value", c.value}});
  return out;
}

void reply_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(json{{"error", message}}.dump(), "application/json");
}

}  // namespace

int serve(const ServeOptions& options) {
  const std::vector<Offered> scenarios = offered_scenarios(options.scenarios_folder, options.largest_run);
  if (scenarios.empty()) {
    std::fprintf(stderr, "error: no scenario in %s to offer\n", options.scenarios_folder.c_str());
    return cli::kExitBadInput;
  }
  const std::filesystem::path chart_library = options.chart_library;
  if (!std::filesystem::exists(chart_library))
    std::fprintf(stderr, "warning: %s is missing (bash scripts/setup.sh fetches it); the page cannot draw\n",
                 chart_library.c_str());

  // One run at a time: each uses the threads it is given. Base runs are kept, by scenario and
  // replications, so moving a slider runs only the variant.
  std::mutex running;
  std::map<std::pair<std::string, int>, std::vector<ReplicationResult>> base_runs;

  httplib::Server server;
  const std::filesystem::path page = options.page_folder;
  for (const auto& [route, file, type] : {std::tuple{"/", "index.html", "text/html; charset=utf-8"},
                                          std::tuple{"/app.js", "app.js", "text/javascript; charset=utf-8"},
                                          std::tuple{"/style.css", "style.css", "text/css; charset=utf-8"}}) {
    const std::filesystem::path path = page / file;
    const std::string content_type = type;
    server.Get(route, [path, content_type](const httplib::Request&, httplib::Response& res) {
      const auto text = read_file(path);
      if (!text) return reply_error(res, 500, "cannot read " + path.string());
      res.set_content(*text, content_type.c_str());
    });
  }
  server.Get("/vendor/chart.umd.min.js", [chart_library](const httplib::Request&, httplib::Response& res) {
    const auto text = read_file(chart_library);
    if (!text) return reply_error(res, 404, chart_library.string() + " is missing: run bash scripts/setup.sh");
    res.set_content(*text, "text/javascript; charset=utf-8");
  });
  server.Get("/api/scenarios", [&](const httplib::Request&, httplib::Response& res) {
    json list = json::array();
    for (const Offered& s : scenarios)
      list.push_back({{"id", s.id},
                      {"name", s.base.params.name},
                      {"description", s.base.params.description},
                      {"actors", s.base.params.actor_names()},
                      {"controls", controls_json(s.controls)}});
    res.set_content(list.dump(), "application/json");
  });
  server.Post("/api/run", [&](const httplib::Request& req, httplib::Response& res) {
    json request;
    try {
      request = json::parse(req.body);
    } catch (const json::exception&) {
      return reply_error(res, 400, "the request is not JSON");
    }
    if (!request.is_object() || !request.contains("scenario") || !request["scenario"].is_string())
      return reply_error(res, 400, "the request names no scenario (\"scenario\": a name from /api/scenarios)");
    const std::string id = request["scenario"].get<std::string>();
    const auto offered = std::find_if(scenarios.begin(), scenarios.end(), [&](const Offered& s) { return s.id == id; });
    if (offered == scenarios.end()) return reply_error(res, 400, "no scenario " + id);
    const json replications_given = request.value("replications", json(10));
    if (!replications_given.is_number_integer() || replications_given.get<long long>() < 2 ||
        replications_given.get<long long>() > options.most_replications)
      return reply_error(res, 400,
                         "replications: a whole number from 2 to " + std::to_string(options.most_replications));
    const int replications = replications_given.get<int>();
    std::map<std::string, double> settings;
    if (request.contains("settings")) {
      if (!request["settings"].is_object()) return reply_error(res, 400, "settings: an object of control: value");
      for (const auto& [key, value] : request["settings"].items()) {
        if (!value.is_number()) return reply_error(res, 400, "settings." + key + ": a number");
        settings[key] = value.get<double>();
      }
    }
    try {
      const std::lock_guard lock(running);
      const LoadedScenario& base = offered->base;
      const std::vector<std::string> overrides = control_overrides(base.resolved_text, settings);
      // Only a moved slider reads the file again, with its keys set.
      const LoadedScenario variant = overrides.empty() ? base : load_scenario(offered->file, overrides);
      auto& base_run = base_runs[{id, replications}];
      if (base_run.empty()) base_run = run_replications(base.params, replications, options.threads);
      // The same seed: with nothing moved, the variant is the base, bit for bit.
      const auto variant_run =
          overrides.empty() ? base_run : run_replications(variant.params, replications, options.threads);
      json reply = page_comparison(variant.params, variant.resolved_text, base_run, variant_run);
      reply["overrides"] = overrides;
      res.set_content(reply.dump(), "application/json");
    } catch (const std::invalid_argument& e) {
      reply_error(res, 400, e.what());
    } catch (const ScenarioError& e) {
      reply_error(res, 400, e.what());
    } catch (const std::exception& e) {
      reply_error(res, 500, std::string("the run failed: ") + e.what());
    }
  });

  const int port = options.port == 0 ? server.bind_to_any_port(options.host.c_str())
                                     : (server.bind_to_port(options.host.c_str(), options.port) ? options.port : -1);
  if (port < 0) {
    std::fprintf(stderr, "error: cannot listen on %s:%d\n", options.host.c_str(), options.port);
    return cli::kExitFailure;
  }
  std::printf("serving %zu scenarios at http://%s:%d/ (Ctrl-C stops)\n", scenarios.size(), options.host.c_str(), port);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}

}  // namespace almpsim::serve
