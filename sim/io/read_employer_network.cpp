// The employer network an actor's company consultants build, which sets how much company
// contact it has (actors.*.employer_network).
#include <algorithm>

#include "almpsim/schema.hpp"
#include "almpsim/time_paths.hpp"
#include "params_builder.hpp"
#include "scenario_values.hpp"

namespace almpsim::io {

void ParamsBuilder::read_employer_network(Reader& r, ActorSpec& a) {
  if (!r.has("employer_network")) return;
  Reader n = r.table("employer_network");
  const std::pair<const char*, const char*> required[] = {
      {"consultants", "the company consultants employed, a number or a path"},
      {"reference", "the consultants whose established network gives company contact 1"},
      {"build_weeks", "how slowly the network follows the staffing"}};
  for (const auto& [key, what] : required)
    if (!n.has(key)) n.fail(key, std::string("missing: ") + what);
  if (!n.has("consultants")) return;
  const WeekSeries consultants = read_path(n, "consultants", p_.calendar);
  const double reference = n.optional_number("reference").value_or(0.0);
  const double build_weeks = n.optional_number("build_weeks").value_or(0.0);
  const double built = n.optional_number("built_at_start").value_or(consultants.front());
  if (reference <= 0.0 || build_weeks <= 0.0) return;
  // A network that never changes leaves build_weeks nothing to do: it is a plain multiplier.
  const bool constant = std::all_of(consultants.begin(), consultants.end(), [&](double c) { return c == built; });
  if (constant && !overridden_within("actors"))
    r.fail("employer_network",
           "the network starts built and the consultants never change, so build_weeks would "
           "change nothing: multiply company_contact by " +
               number_text(built / reference) + " instead");
  // The network's size times how well the actor uses it (company_contact, 1 unless given).
  const WeekSeries network = network_contact(consultants, built, build_weeks, reference);
  double highest = 0.0;
  for (std::size_t t = 0; t < network.size(); ++t) {
    a.company_contact[t] *= network[t];
    highest = std::max(highest, a.company_contact[t]);
  }
  const schema::Key& contact = schema::at("actors.*.company_contact");
  if (highest > contact.hi)
    r.fail("employer_network", "company contact reaches " + number_text(highest) + " (the network over `reference`" +
                                   " times company_contact), above its highest " + number_text(contact.hi));
}

}  // namespace almpsim::io
