#include "almpsim/decomposition.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "almpsim/array_view.hpp"

namespace almpsim {

namespace {

void check_request(const DecompositionRequest& r) {
  if (r.points.empty()) throw std::invalid_argument("no points to compare");
  if (r.reference >= r.points.size()) throw std::invalid_argument("the reference is not one of the points");
  for (std::size_t k = 0; k < r.channels.size(); ++k)
    if (std::count(r.channels.begin(), r.channels.end(), r.channels[k]) > 1)
      throw std::invalid_argument("channel " + std::string(channel_name(r.channels[k])) + " is listed twice");
  for (const CohortMeasure* m : r.measures) {
    if (!m) throw std::invalid_argument("a measure is missing");
    if (!m->per_actor_only()) throw std::invalid_argument(std::string(m->name) + " has more than one number per actor");
  }
  const Params& first = r.points.front();
  for (const Params& p : r.points) {
    // Different seeds would make the differences the draws' and not the policy's.
    if (p.run.seed != first.run.seed || p.run.replications != first.run.replications)
      throw std::invalid_argument("the points differ in seed or replications: their differences would be the draws'");
    if (p.actor_names() != first.actor_names() || p.cohort_names() != first.cohort_names())
      throw std::invalid_argument("the points differ in their actors or cohorts");
  }
}

/// Which runs a variant stands for: every channel on, one channel off, or every channel off.
/// With fewer than two channels "every channel off" is a run already made (every channel on,
/// or the one channel off), so it is not run again.
struct Variants {
  std::size_t channels;
  std::size_t count() const { return channels < 2 ? channels + 1 : channels + 2; }
  static constexpr std::size_t all_on = 0;
  std::size_t without(std::size_t channel) const { return channel + 1; }
  std::size_t all_off() const { return channels < 2 ? channels : channels + 1; }
  bool switches_off(std::size_t variant, std::size_t channel) const {
    return variant == without(channel) || variant == all_off();
  }
};

}  // namespace

const ChannelSplit& Decomposition::at(std::size_t point, std::size_t cohort, std::size_t measure,
                                      std::size_t actor) const {
  return view(splits, point_count, cohorts.size(), measures.size(), actors.size())(point, cohort, measure, actor);
}

Decomposition decompose(const DecompositionRequest& request) {
  check_request(request);
  const Params& first = request.points.front();
  Decomposition out;
  out.channels = request.channels;
  out.measures = request.measures;
  out.cohorts = first.cohort_names();
  out.actors = first.actor_names();
  out.point_count = request.points.size();
  out.reference = request.reference;
  out.replications = first.run.replications;

  const Variants variants{request.channels.size()};
  const std::size_t points = out.point_count, reps = static_cast<std::size_t>(out.replications);
  const std::size_t cohorts = out.cohorts.size(), measures = out.measures.size(), actors = out.actors.size();
  std::vector<double> values(variants.count() * points * reps * cohorts * measures * actors);
  const auto value = view(values, variants.count(), points, reps, cohorts, measures, actors);
  int done = 0;
  for (std::size_t v = 0; v < variants.count(); ++v)
    for (std::size_t p = 0; p < points; ++p) {
      Params params = request.points[p];
      for (std::size_t k = 0; k < variants.channels; ++k)
        if (variants.switches_off(v, k)) switch_off_channel(params, request.channels[k]);
      const std::vector<ReplicationResult> results = run_monte_carlo(params, request.options);
      for (std::size_t r = 0; r < reps; ++r)
        for (std::size_t c = 0; c < cohorts; ++c)
          for (std::size_t m = 0; m < measures; ++m)
            for (std::size_t a = 0; a < actors; ++a)
              value(v, p, r, c, m, a) = (results[r].cohorts[c].*(out.measures[m]->field))[a];
      if (request.on_run_done) request.on_run_done(++done, static_cast<int>(variants.count() * points));
    }

  const std::size_t ref = out.reference;
  out.splits.resize(points * cohorts * measures * actors);
  const auto split_at = view(out.splits, points, cohorts, measures, actors);
  // Per replication: the difference under each variant, then the parts made from them.
  std::vector<double> difference(variants.count());
  std::vector<double> total(reps), other(reps), interaction(reps);
  std::vector<std::vector<double>> through_channel(variants.channels, std::vector<double>(reps));
  for (std::size_t p = 0; p < points; ++p)
    for (std::size_t c = 0; c < cohorts; ++c)
      for (std::size_t m = 0; m < measures; ++m)
        for (std::size_t a = 0; a < actors; ++a) {
          for (std::size_t r = 0; r < reps; ++r) {
            bool defined = true;
            for (std::size_t v = 0; v < variants.count(); ++v) {
              difference[v] = value(v, p, r, c, m, a) - value(v, ref, r, c, m, a);
              defined = defined && std::isfinite(difference[v]);
            }
            if (!defined) std::fill(difference.begin(), difference.end(), NAN);
            total[r] = difference[Variants::all_on];
            other[r] = difference[variants.all_off()];
            interaction[r] = total[r] - other[r];
            for (std::size_t k = 0; k < variants.channels; ++k) {
              through_channel[k][r] = total[r] - difference[variants.without(k)];
              interaction[r] -= through_channel[k][r];
            }
          }
          ChannelSplit& split = split_at(p, c, m, a);
          split.total = mean_interval(total);
          for (const std::vector<double>& part : through_channel) split.by_channel.push_back(mean_interval(part));
          split.other = mean_interval(other);
          split.interaction = mean_interval(interaction);
        }
  return out;
}

}  // namespace almpsim
