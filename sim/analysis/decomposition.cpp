#include "almpsim/decomposition.hpp"

#include <stdexcept>

#include "almpsim/array_view.hpp"

namespace almpsim {

namespace {

void check_request(const DecompositionRequest& r) {
  if (r.points.empty()) throw std::invalid_argument("decomposition: no points");
  if (r.reference >= r.points.size()) throw std::invalid_argument("decomposition: the reference is not a point");
  for (const CohortMeasure* m : r.measures)
    if (!m->per_actor_only())
      throw std::invalid_argument("decomposition: " + std::string(m->name) + " has more than one number per actor");
  const Params& first = r.points.front();
  for (const Params& p : r.points) {
    const bool same = p.run.seed == first.run.seed && p.run.replications == first.run.replications &&
                      p.actors.size() == first.actors.size() && p.cohorts.size() == first.cohorts.size();
    // Different seeds would make the differences the draws' and not the policy's.
    if (!same) throw std::invalid_argument("decomposition: points differ in seed, replications, actors or cohorts");
  }
}

}  // namespace

const ChannelSplit& Decomposition::at(std::size_t point, std::size_t cohort, std::size_t measure,
                                      std::size_t actor) const {
  return view(splits, points, cohorts.size(), measures.size(), actors.size())(point, cohort, measure, actor);
}

Decomposition decompose(const DecompositionRequest& request) {
  check_request(request);
  const Params& first = request.points.front();
  Decomposition out;
  out.channels = request.channels;
  out.measures = request.measures;
  for (const CohortSpec& c : first.cohorts) out.cohorts.push_back(c.name);
  for (const ActorSpec& a : first.actors) out.actors.push_back(a.name);
  out.points = request.points.size();
  out.reference = request.reference;
  out.replications = first.run.replications;

  // Variant 0: every channel on; 1..K: channel k-1 off; K+1: every channel off.
  const std::size_t channels = request.channels.size(), variants = channels + 2;
  const std::size_t points = out.points, reps = static_cast<std::size_t>(out.replications);
  const std::size_t cohorts = out.cohorts.size(), measures = out.measures.size(), actors = out.actors.size();
  std::vector<double> values(variants * points * reps * cohorts * measures * actors);
  const auto value = view(values, variants, points, reps, cohorts, measures, actors);
  int done = 0;
  for (std::size_t v = 0; v < variants; ++v)
    for (std::size_t p = 0; p < points; ++p) {
      Params params = request.points[p];
      for (std::size_t k = 0; k < channels; ++k)
        if (v == k + 1 || v == variants - 1) switch_off(params, request.channels[k]);
      const std::vector<ReplicationResult> results = run_monte_carlo(params, request.options);
      for (std::size_t r = 0; r < reps; ++r)
        for (std::size_t c = 0; c < cohorts; ++c)
          for (std::size_t m = 0; m < measures; ++m)
            for (std::size_t a = 0; a < actors; ++a)
              value(v, p, r, c, m, a) = (results[r].cohorts[c].*(out.measures[m]->field))[a];
      if (request.on_run_done) request.on_run_done(++done, static_cast<int>(variants * points));
    }

  const std::size_t ref = out.reference;
  out.splits.resize(points * cohorts * measures * actors);
  const auto split_at = view(out.splits, points, cohorts, measures, actors);
  std::vector<double> total(reps), other(reps), without(reps), interaction(reps);
  for (std::size_t p = 0; p < points; ++p)
    for (std::size_t c = 0; c < cohorts; ++c)
      for (std::size_t m = 0; m < measures; ++m)
        for (std::size_t a = 0; a < actors; ++a) {
          auto difference = [&](std::size_t v, std::size_t r) {
            return value(v, p, r, c, m, a) - value(v, ref, r, c, m, a);
          };
          ChannelSplit& split = split_at(p, c, m, a);
          for (std::size_t r = 0; r < reps; ++r) {
            total[r] = difference(0, r);
            other[r] = difference(variants - 1, r);
            interaction[r] = total[r] - other[r];
          }
          for (std::size_t k = 0; k < channels; ++k) {
            for (std::size_t r = 0; r < reps; ++r) {
              without[r] = total[r] - difference(k + 1, r);
              interaction[r] -= without[r];
            }
            split.channel.push_back(mean_interval(without));
          }
          split.total = mean_interval(total);
          split.other = mean_interval(other);
          split.interaction = mean_interval(interaction);
        }
  return out;
}

}  // namespace almpsim
