// The scenarios that stage trials on the fitted Køge model copy its rules for their population
// (the sick-listed, not-job-ready cash-benefit recipients); the copies must stay the fitted ones.
#include <algorithm>

#include "almpsim/scenario.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
const HazardSpec* hazard(const Params& p, State from, State to) {
  const auto at = std::find_if(p.hazards.begin(), p.hazards.end(),
                               [&](const HazardSpec& h) { return h.from == from && h.to == to; });
  return at == p.hazards.end() ? nullptr : &*at;
}

const ActorSpec& actor(const Params& p, const std::string& name) {
  const auto at = std::find_if(p.actors.begin(), p.actors.end(), [&](const ActorSpec& a) { return a.name == name; });
  REQUIRE(at != p.actors.end());
  return *at;
}
}  // namespace

TEST_CASE("sick_listed_2009 runs the fitted Køge model's rules for the sick-listed", "[regression]") {
  const Params koege = load_scenario(test::source_path("scenarios/koege_2008.toml")).params;
  const Params trial = load_scenario(test::source_path("scenarios/sick_listed_2009.toml")).params;

  // Every move out of sickness benefit, and the relapse into it.
  int moves = 0;
  for (const HazardSpec& k : koege.hazards) {
    if (k.from != State::sickness_benefit && !(k.from == State::self_support && k.to == State::sickness_benefit))
      continue;
    INFO(name_of(k.from) << " -> " << name_of(k.to));
    const HazardSpec* t = hazard(trial, k.from, k.to);
    REQUIRE(t != nullptr);
    CHECK(t->band_starts == k.band_starts);
    CHECK(t->baseline == k.baseline);
    CHECK(t->effects.age == k.effects.age);
    CHECK(t->effects.sick_category == k.effects.sick_category);
    CHECK(t->effects.sex == k.effects.sex);
    ++moves;
  }
  CHECK(moves == 8);
  CHECK(trial.attributes.mix[index_of(State::sickness_benefit)].age ==
        koege.attributes.mix[index_of(State::sickness_benefit)].age);
  CHECK(trial.attributes.mix[index_of(State::sickness_benefit)].sick_category ==
        koege.attributes.mix[index_of(State::sickness_benefit)].sick_category);

  // The programmes a not-job-ready citizen can be offered.
  for (const Activity a :
       {Activity::inhouse_project, Activity::guidance, Activity::company_internship, Activity::education}) {
    INFO(name_of(a));
    const ProgrammeSpec& k = koege.programmes[index_of(a)];
    const ProgrammeSpec& t = trial.programmes[index_of(a)];
    CHECK(t.length_weeks == k.length_weeks);
    CHECK(t.wait_weeks == k.wait_weeks);
    CHECK(t.lock_in == k.lock_in);
    CHECK(t.post_effect == k.post_effect);
    CHECK(t.post_decay_weeks == k.post_decay_weeks);
  }

  // The control arm is the job centre's follow-up of the sick-listed.
  const ActorSpec& centre = actor(koege, "jobcenter");
  const ActorSpec& control = actor(trial, "control");
  const std::size_t sick = index_of(State::sickness_benefit);
  CHECK(control.meeting_interval_weeks[sick] == centre.meeting_interval_weeks[sick]);
  CHECK(control.first_meeting_weeks == centre.first_meeting_weeks);
  // Flat in both: the first week's chance of each group is every week's.
  REQUIRE(control.activation_probability.size() == centre.activation_probability.size());
  for (std::size_t g = 0; g < centre.activation_probability.size(); ++g) {
    const WeekSeries &mine = control.activation_probability[g], &theirs = centre.activation_probability[g];
    CHECK(std::all_of(mine.begin(), mine.end(), [&](double x) { return x == theirs.front(); }));
    CHECK(std::all_of(theirs.begin(), theirs.end(), [&](double x) { return x == theirs.front(); }));
  }
  const std::size_t not_job_ready = 1;
  REQUIRE(trial.attributes.match_group_names.at(not_job_ready) == "not_job_ready");
  CHECK(control.activation_mix.at(not_job_ready) == centre.activation_mix.at(not_job_ready));
  CHECK(control.sanctions.no_show == centre.sanctions.no_show);
  CHECK(control.sanctions.rate == centre.sanctions.rate);
  CHECK(control.sanctions.exit_share == centre.sanctions.exit_share);
  // The sick-listed are outside the job-ready groups, where Køge's meetings act by themselves.
  CHECK(centre.meeting_effect.size.at(not_job_ready) == 1.0);
  CHECK(control.meeting_effect.size.at(not_job_ready) == 1.0);
}

TEST_CASE("the scenarios staged on the Køge model's cash-benefit rules keep the fitted hazards", "[regression]") {
  const Params koege = load_scenario(test::source_path("scenarios/koege_2008.toml")).params;
  for (const char* name : {"copenhagen_outreach.toml", "paa_rette_vej.toml"}) {
    const Params staged = load_scenario(test::source_path(std::string("scenarios/") + name)).params;
    int moves = 0;
    for (const HazardSpec& k : koege.hazards) {
      if (k.from != State::cash_benefit) continue;
      INFO(name << ": " << name_of(k.from) << " -> " << name_of(k.to));
      const HazardSpec* t = hazard(staged, k.from, k.to);
      REQUIRE(t != nullptr);
      CHECK(t->band_starts == k.band_starts);
      CHECK(t->baseline == k.baseline);
      CHECK(t->effects.match == k.effects.match);
      CHECK(t->effects.age == k.effects.age);
      ++moves;
    }
    CHECK(moves == 6);
  }
}
