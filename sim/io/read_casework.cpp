// What a caseworker may decide about the case itself at a meeting: reassess its match category
// (reassessment.<from> = { <to> = chance }), hand it to another actor (referral), and within how
// many places a programme can be offered (programme_places).
#include <algorithm>
#include <cmath>

#include "almpsim/actors.hpp"
#include "params_builder.hpp"
#include "scenario_values.hpp"

namespace almpsim::io {

void ParamsBuilder::read_reassessment(Reader& r, ActorSpec& a) {
  if (!r.has("reassessment")) return;
  Reader all = r.table("reassessment");
  const std::vector<std::string> names = names_of(kMatchNames);
  for (const std::string& from : all.keys()) {
    const int f = index_in(names, from);
    if (f == static_cast<int>(names.size())) {
      all.fail(from, unknown_name("match category", from, names));
      continue;
    }
    const auto chances = named_numbers(all, from, names, "match category");
    double total = 0.0;
    for (std::size_t to = 0; to < names.size(); ++to) {
      if (!chances[to]) continue;
      if (static_cast<int>(to) == f) {
        all.fail(from, "a case reassessed to its own category (" + from + ") is not reassessed: leave it out");
        continue;
      }
      a.reassessment[static_cast<std::size_t>(f)][to] = *chances[to];
      total += *chances[to];
    }
    if (total > 1.0 + 1e-12)
      all.fail(from, "the chances of leaving " + from + " add up to " + number_text(total) + ", more than 1");
    else if (total == 0.0)
      refuse_inert(all, from, "actors", "every chance is 0");
  }
  if (!holds_meetings(a))
    r.fail("reassessment", "the actor holds no meetings (meeting_interval_weeks), so this would change nothing");
}

void ParamsBuilder::read_referral(Reader& r, const std::string& name, ActorSpec& a) {
  if (!r.has("referral")) return;
  Reader ref = r.table("referral");
  if (!ref.has("chance")) ref.fail("chance", "missing: the chance per attended meeting that a case is handed on");
  a.referral.chance = read_group_values(ref, "chance", p_.attributes);
  if (std::all_of(a.referral.chance.begin(), a.referral.chance.end(), [](double p) { return p == 0.0; }))
    refuse_inert(ref, "chance", "actors", "is 0 in every match group");
  if (const auto to = other_actor(ref, "to", name, "the actor that takes the cases handed on",
                                  "an actor hands cases on to another actor, not to itself"))
    a.referral.to = *to;
  if (!holds_meetings(a))
    r.fail("referral", "the actor holds no meetings (meeting_interval_weeks), so this would change nothing");
}

void ParamsBuilder::read_places(Reader& r, ActorSpec& a) {
  if (!r.has("programme_places")) return;
  const auto places = named_numbers(r, "programme_places", programme_names(), "programme");
  Reader t = r.table("programme_places");
  t.keys();  // named_numbers has checked them
  for (std::size_t k = 0; k < places.size(); ++k) {
    if (!places[k]) continue;
    const std::string& name = programme_names()[k];
    if (*places[k] != std::floor(*places[k])) {
      t.fail(name, "a number of places is a whole number");
      continue;
    }
    const bool offered = std::any_of(a.activation_mix.begin(), a.activation_mix.end(),
                                     [&](const PerActivity<double>& mix) { return mix[k + 1] > 0.0; });
    if (!holds_meetings(a))
      refuse_inert(t, name, "actors", "the actor holds no meetings (meeting_interval_weeks)");
    else if (!offered)
      refuse_inert(t, name, "actors", "the actor's meetings never start " + name + " (activation_mix)");
    a.places[k + 1] = static_cast<int>(*places[k]);
  }
}

}  // namespace almpsim::io
