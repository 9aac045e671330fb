#include "page_run.hpp"

#include <algorithm>
#include <cmath>

#include "almpsim/costs.hpp"
#include "almpsim/engine.hpp"
#include "almpsim/measures.hpp"
#include "almpsim/report_inputs.hpp"
#include "almpsim/stats.hpp"

namespace almpsim::serve {

namespace {

using json = nlohmann::ordered_json;

/// The mean over replications of element i of a per-replication vector; NaN (a survival curve
/// past its last member) left out, as the reports leave it out.
template <class Field>
double mean_of(const std::vector<ReplicationResult>& runs, Field field, std::size_t i) {
  std::vector<double> values;
  for (const ReplicationResult& r : runs) values.push_back(static_cast<double>(field(r)[i]));
  return summarise(values).mean;
}

json occupancy(const Params& params, const std::vector<ReplicationResult>& base,
               const std::vector<ReplicationResult>& variant) {
  const std::size_t weeks = static_cast<std::size_t>(params.calendar.weeks), actors = params.actors.size();
  const auto field = [](const ReplicationResult& r) -> const std::vector<std::int32_t>& { return r.occupancy; };
  json out = json::object();
  for (std::size_t s = 0; s < kStates; ++s) {
    if (s == static_cast<std::size_t>(State::exited)) continue;
    json by_actor = json::array();
    bool anyone = false;
    for (std::size_t a = 0; a < actors; ++a) {
      json b = json::array(), v = json::array();
      for (std::size_t w = 0; w < weeks; ++w) {
        const std::size_t i = (w * actors + a) * kStates + s;
        b.push_back(mean_of(base, field, i));
        v.push_back(mean_of(variant, field, i));
        anyone = anyone || b.back() > 0 || v.back() > 0;
      }
      by_actor.push_back({{"actor", params.actors[a].name}, {"base", std::move(b)}, {"variant", std::move(v)}});
    }
    if (anyone) out[std::string(kStateNames[s])] = std::move(by_actor);
  }
  return out;
}

json cohort(const Params& params, std::size_t c, const std::vector<ReplicationResult>& base,
            const std::vector<ReplicationResult>& variant) {
  const std::size_t actors = params.actors.size(), reps = base.size();
  std::vector<std::size_t> served;
  for (std::size_t a = 0; a < actors; ++a)
    if (std::any_of(base.begin(), base.end(), [&](const auto& r) { return r.cohorts[c].members[a] > 0; }) ||
        std::any_of(variant.begin(), variant.end(), [&](const auto& r) { return r.cohorts[c].members[a] > 0; }))
      served.push_back(a);
  json survival = json::array(), measures = json::array();
  for (const std::size_t a : served) {
    const std::size_t weeks = base.front().cohorts[c].survival.size() / actors;
    json b = json::array(), v = json::array();
    for (std::size_t w = 0; w < weeks; ++w) {
      const auto field = [c](const ReplicationResult& r) -> const std::vector<double>& {
        return r.cohorts[c].survival;
      };
      b.push_back(100 * mean_of(base, field, a * weeks + w));
      v.push_back(100 * mean_of(variant, field, a * weeks + w));
    }
    survival.push_back({{"actor", params.actors[a].name}, {"base", std::move(b)}, {"variant", std::move(v)}});
  }
  for (const CohortMeasure& m : cohort_measures()) {
    if (!m.in_run_summary) continue;
    for (const std::size_t a : served) {
      std::vector<double> b, v, d;
      for (std::size_t r = 0; r < reps; ++r) {
        b.push_back(m.scale * (base[r].cohorts[c].*m.field)[a]);
        v.push_back(m.scale * (variant[r].cohorts[c].*m.field)[a]);
        d.push_back(v.back() - b.back());
      }
      // Transfers only where the scenario pays some, as the run summary shows them.
      const auto zero = [](double x) { return x == 0 || std::isnan(x); };
      if (m.needs_transfers && std::all_of(b.begin(), b.end(), zero) && std::all_of(v.begin(), v.end(), zero)) continue;
      const MeanInterval diff = mean_interval(d, 0.95);
      measures.push_back({{"name", std::string(m.name)},
                          {"measure", std::string(m.label)},
                          {"in_currency", m.in_currency},
                          {"decimals", m.decimals},
                          {"actor", params.actors[a].name},
                          {"base", summarise(b).mean},
                          {"variant", summarise(v).mean},
                          {"difference", diff.mean},
                          {"lower", diff.lower},
                          {"upper", diff.upper}});
    }
  }
  return {{"name", params.cohorts[c].name}, {"survival", std::move(survival)}, {"measures", std::move(measures)}};
}

}  // namespace

std::vector<ReplicationResult> run_replications(Params params, int replications, int threads) {
  params.run.replications = replications;
  MonteCarloOptions options;
  options.threads = threads;
  return run_monte_carlo(params, options);
}

nlohmann::json page_comparison(const Params& params, const std::string& resolved_text,
                               const std::vector<ReplicationResult>& base,
                               const std::vector<ReplicationResult>& variant) {
  json weeks = json::array();
  for (Week w = 0; w < params.calendar.weeks; ++w) weeks.push_back(params.calendar.date_of(w).iso());
  json shocks = json::array();
  for (const ShockWeeks& s : shock_weeks(resolved_text))
    shocks.push_back({{"name", s.name}, {"from", s.start}, {"to", s.end}, {"states", s.states}});
  json cohorts = json::array();
  for (std::size_t c = 0; c < params.cohorts.size(); ++c) cohorts.push_back(cohort(params, c, base, variant));
  return json{{"replications", base.size()},
              {"weeks", std::move(weeks)},
              {"money_unit", money_unit(params)},
              {"shocks", std::move(shocks)},
              {"occupancy", occupancy(params, base, variant)},
              {"cohorts", std::move(cohorts)}};
}

}  // namespace almpsim::serve
