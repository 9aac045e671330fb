#include "decompose.hpp"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "almpsim/decomposition.hpp"
#include "almpsim/memory.hpp"
#include "almpsim/sweep_design.hpp"
#include "progress.hpp"
#include "sweep_plan.hpp"
#include "text_columns.hpp"

namespace almpsim::cli {

namespace {

/// The channels asked for; by default every channel some point of the sweep has.
std::vector<Channel> channels_of(const DecomposeArgs& args, const std::vector<Params>& points) {
  std::vector<Channel> out;
  if (args.channels.empty()) {
    for (Channel c : all_channels())
      for (const Params& p : points)
        if (has_channel(p, c)) {
          out.push_back(c);
          break;
        }
    return out;
  }
  int position = 0;
  for (const std::string& name : split_values(args.channels)) {
    ++position;
    const auto c = find_channel(name);
    if (!c) {
      std::string known;
      for (Channel k : all_channels()) known += (known.empty() ? "" : ", ") + std::string(channel_name(k));
      throw ScenarioError({{"--channels", position, name, "unknown channel; the channels are " + known}});
    }
    out.push_back(*c);
  }
  return out;
}

std::vector<const CohortMeasure*> measures_of(const DecomposeArgs& args) {
  std::vector<const CohortMeasure*> out;
  int position = 0;
  for (const std::string& name : split_values(args.measures)) {
    ++position;
    const CohortMeasure* m = find_cohort_measure(name);
    if (!m) throw ScenarioError({{"--measures", position, name, "no cohort measure of that name"}});
    if (!m->per_actor_only())
      throw ScenarioError(
          {{"--measures", position, name, "has more than one number per actor; pick a scalar measure"}});
    out.push_back(m);
  }
  return out;
}

/// "+1.2 ±0.4" in the measure's unit; "—" where the arm has nobody.
std::string cell(const CohortMeasure& m, const MeanInterval& x) {
  if (!std::isfinite(x.mean)) return "—";
  char buf[64];
  const double half = (x.upper - x.lower) / 2 * m.scale;
  if (std::isfinite(half))
    std::snprintf(buf, sizeof buf, "%+.*f ±%.*f", m.decimals, x.mean * m.scale, m.decimals, half);
  else
    std::snprintf(buf, sizeof buf, "%+.*f", m.decimals, x.mean * m.scale);
  return buf;
}

bool arm_is_empty(const Decomposition& d, std::size_t c, std::size_t m, std::size_t a) {
  for (std::size_t p = 0; p < d.point_count; ++p)
    if (std::isfinite(d.at(p, c, m, a).total.mean)) return false;
  return true;
}

void print_text(const Decomposition& d, const SweepPlan& plan, const std::string& cohort) {
  std::ostringstream out;
  out << "Decomposition of " << plan.base.params.name << ": " << d.point_count << " point(s) x " << d.replications
      << " replication(s), each against point " << d.reference + 1
      << " under the same draws; mean paired difference ±half its 95% interval.\n"
      << "A channel's part is the difference minus the difference with that channel off; other is the\n"
      << "difference with every listed channel off; interaction is the rest (the parts sum to the\n"
      << "difference).\n\npoints:\n";
  for (std::size_t p = 0; p < d.point_count; ++p) {
    out << "  " << p + 1 << ":";
    for (std::size_t k = 0; k < plan.spec.axes.size(); ++k)
      out << (k ? "," : "") << " " << plan.spec.axes[k].key << " = " << plan.points[p].values[k];
    out << "\n";
  }
  for (std::size_t c = 0; c < d.cohorts.size(); ++c) {
    if (!cohort.empty() && d.cohorts[c] != cohort) continue;
    for (std::size_t m = 0; m < d.measures.size(); ++m)
      for (std::size_t a = 0; a < d.actors.size(); ++a) {
        if (arm_is_empty(d, c, m, a)) continue;
        const CohortMeasure& measure = *d.measures[m];
        out << "\ncohort " << d.cohorts[c] << ", " << (measure.label.empty() ? measure.name : measure.label) << ", "
            << d.actors[a] << "\n  " << padded("point", 7) << padded("difference", 16);
        for (Channel ch : d.channels) out << padded(std::string(channel_name(ch)), 16);
        out << padded("other", 16) << "interaction\n";
        for (std::size_t p = 0; p < d.point_count; ++p) {
          if (p == d.reference) continue;
          const ChannelSplit& s = d.at(p, c, m, a);
          out << "  " << padded(std::to_string(p + 1), 7) << padded(cell(measure, s.total), 16);
          for (const MeanInterval& x : s.by_channel) out << padded(cell(measure, x), 16);
          out << padded(cell(measure, s.other), 16) << cell(measure, s.interaction) << "\n";
        }
      }
  }
  std::fputs(out.str().c_str(), stdout);
}

void print_json(const Decomposition& d, const SweepPlan& plan, const std::string& cohort) {
  using json = nlohmann::ordered_json;
  auto number = [](double x) { return std::isfinite(x) ? json(x) : json(nullptr); };
  auto estimate = [&](const MeanInterval& x, double scale) {
    return json{
        {"mean", number(x.mean * scale)}, {"lower", number(x.lower * scale)}, {"upper", number(x.upper * scale)}};
  };
  json points = json::array();
  for (std::size_t p = 0; p < d.point_count; ++p) {
    json values = json::object();
    for (std::size_t k = 0; k < plan.spec.axes.size(); ++k) values[plan.spec.axes[k].key] = plan.points[p].values[k];
    points.push_back(std::move(values));
  }
  json channels = json::array();
  for (Channel ch : d.channels) channels.push_back(std::string(channel_name(ch)));
  json cohorts = json::object();
  for (std::size_t c = 0; c < d.cohorts.size(); ++c) {
    if (!cohort.empty() && d.cohorts[c] != cohort) continue;
    json measures = json::object();
    for (std::size_t m = 0; m < d.measures.size(); ++m) {
      const double scale = d.measures[m]->scale;
      json actors = json::object();
      for (std::size_t a = 0; a < d.actors.size(); ++a) {
        json rows = json::array();
        for (std::size_t p = 0; p < d.point_count; ++p) {
          const ChannelSplit& s = d.at(p, c, m, a);
          json parts = json::object();
          for (std::size_t k = 0; k < d.channels.size(); ++k)
            parts[std::string(channel_name(d.channels[k]))] = estimate(s.by_channel[k], scale);
          rows.push_back({{"difference", estimate(s.total, scale)},
                          {"channels", std::move(parts)},
                          {"other", estimate(s.other, scale)},
                          {"interaction", estimate(s.interaction, scale)}});
        }
        actors[d.actors[a]] = std::move(rows);
      }
      measures[std::string(d.measures[m]->name)] = {{"scale", scale}, {"actors", std::move(actors)}};
    }
    cohorts[d.cohorts[c]] = std::move(measures);
  }
  const json doc = {{"scenario", plan.base.params.name}, {"replications", d.replications},
                    {"reference", d.reference + 1},      {"interval", 0.95},
                    {"points", std::move(points)},       {"channels", std::move(channels)},
                    {"cohorts", std::move(cohorts)}};
  std::printf("%s\n", doc.dump().c_str());
}

}  // namespace

int decompose(const DecomposeArgs& args) {
  const SweepPlan plan =
      plan_sweep(args.scenario, run_overrides(args.overrides, args.replications, args.seed), args.vary);
  const int points = static_cast<int>(plan.points.size());
  if (args.reference < 1 || args.reference > points)
    throw ScenarioError({{"--reference", 0, std::to_string(args.reference),
                          "no such point: the sweep has points 1 to " + std::to_string(points)}});
  bool known = args.cohort.empty();
  for (const CohortSpec& c : plan.base.params.cohorts) known = known || c.name == args.cohort;
  if (!known) throw ScenarioError({{"--cohort", 0, args.cohort, "no cohort of that name in the scenario"}});
  DecompositionRequest request;
  for (const LoadedScenario& s : plan.scenarios) {
    require_memory(s.params, args.threads, args.scenario);
    request.points.push_back(s.params);
  }
  request.reference = static_cast<std::size_t>(args.reference - 1);
  request.channels = channels_of(args, request.points);
  request.measures = measures_of(args);
  request.options.threads = args.threads;
  Progress progress(!args.quiet);
  const long long reps = plan.base.params.run.replications;
  request.on_run_done = [&](int done, int total) {
    progress.sweep_step(static_cast<double>(done * reps), total * reps, done, total);
  };
  Decomposition d;
  try {
    d = decompose(request);
  } catch (const std::invalid_argument& e) {
    // The points come from the user's sweep (e.g. --vary seed=1,2): bad input, not a failure.
    throw ScenarioError({{args.scenario, 0, "sweep", e.what()}});
  }
  if (args.json)
    print_json(d, plan, args.cohort);
  else
    print_text(d, plan, args.cohort);
  return 0;
}

}  // namespace almpsim::cli
