#include "almpsim/programmes.hpp"

#include <cmath>

namespace almpsim {

Week next_intake(const ProgrammeSpec& p, Week earliest) {
  if (p.intake_every_weeks == 0) return earliest;
  const Week every = p.intake_every_weeks;
  const Week past = ((earliest - p.first_intake) % every + every) % every;  // weeks since the last intake
  return past == 0 ? earliest : earliest + every - past;
}

double programme_multiplier(const ProgrammeSpec& p, int match_group, Week w, Week announced, Week from, Week to,
                            double company_contact) {
  const auto g = static_cast<std::size_t>(match_group);
  if (w < from) {
    if (w < announced) return 1.0;
    if (!p.threat_rise_weeks) return p.threat_effect[g];
    const double weeks_before_last = from - 1 - w;
    return 1.0 + (p.threat_effect[g] - 1.0) * std::exp(-weeks_before_last / *p.threat_rise_weeks);
  }
  if (w < to) return p.lock_in[g];
  const double since_end = w - to;
  if (p.post_decay_weeks <= 0.0 || since_end > kPostEffectHorizon * p.post_decay_weeks) return 1.0;
  double log_effect = std::log(p.post_effect[g]);
  if (p.employer_linked) log_effect *= company_contact;
  return std::exp(log_effect * std::exp(-since_end / p.post_decay_weeks));
}

}  // namespace almpsim
