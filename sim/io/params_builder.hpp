#pragma once
// Builds the resolved Params from a scenario document, one section at a time: the run and the
// population (read_population.cpp), flows between states (read_flows.cpp), programmes and actors
// (read_actors.cpp), cohorts and the study around the model (read_study.cpp). Checks that
// cross keys sit where the later key is read. Private to sim/io.
#include <optional>
#include <set>
#include <string>

#include "almpsim/params.hpp"
#include "almpsim/study.hpp"
#include "scenario_reader.hpp"

namespace almpsim::io {

class ParamsBuilder {
 public:
  explicit ParamsBuilder(ScenarioDocument& doc) : doc_(doc), top_(doc, &doc.root, "") {}

  /// The model, and the study around it (targets, calibration, sweep, power).
  struct Built {
    Params params;
    StudySpec study;
  };
  Built build();

 private:
  // read_population.cpp
  bool read_run();
  void read_mix(Reader& r, AttributeMix& mix);
  void read_match_groups(Reader& r);
  void read_attributes();
  void read_employability();
  void read_population();

  // read_flows.cpp
  void read_macro();
  void read_shocks();
  void read_inflow();
  void read_effects(Reader& r, CovariateEffects& e);
  HazardSpec read_hazard(Reader& r, int from, int to);
  void read_hazards();
  void read_transition_matrix();
  void note_hazard_moves();
  /// Whether some case can be in state s: a hazard, the inflow or the initial stock leads there.
  bool can_be_in(std::size_t s) const;
  void read_job_finding_moves();
  void read_duration_limits();

  // read_actors.cpp
  void read_programmes();
  void read_assignment(Reader& r, AssignmentRule& rule);
  void read_activation_mix(Reader& r, ActorSpec& a);
  void read_immediate_activation(Reader& r, ImmediateActivation& i);
  void read_job_finding(Reader& r, ActorSpec& a);
  void read_moves(Reader& r, ActorSpec& a);
  void read_meeting_effect(Reader& r, ActorSpec& a);
  void read_early_meetings(Reader& r, ActorSpec& a);
  // read_casework.cpp
  void read_reassessment(Reader& r, ActorSpec& a);
  void read_referral(Reader& r, const std::string& name, ActorSpec& a);
  void read_places(Reader& r, ActorSpec& a);
  void read_staff_bonus(Reader& c, const ActorSpec& a, CostModel& costs);
  void read_employer_network(Reader& r, ActorSpec& a);
  ActorSpec read_actor(Reader& r, const std::string& name);
  /// The index of the actor a key names, another than `self`: errors for a missing value
  /// (`missing` says what the key is for), for `self` (`itself` says why not) and for a name
  /// no actor has.
  std::optional<std::size_t> other_actor(Reader& r, std::string_view key, const std::string& self,
                                         const std::string& missing, const std::string& itself);
  // read_costs.cpp
  void read_transfers();
  void read_milestones(Reader& c, CostModel& costs);
  void read_savings_share(Reader& c, const std::string& name, CostModel& costs);

  void read_actors();
  void check_programmes_started();
  void check_stock_split();
  bool overridden_within(const std::string& section) const;
  void refuse_inert(Reader& r, std::string_view key, const std::string& section, const std::string& why);

  // read_study.cpp
  void read_cohorts();
  void read_targets_file();
  void read_calibration();
  void read_sweep();
  void read_power();

  /// Calls fn(reader, name) for each [[key]] entry after checking that the entries are tables
  /// with unique names. Absent: nothing happens.
  template <class Fn>
  void for_each_named_entry(const std::string& key, const std::string& what, bool require_one, Fn fn) {
    const toml::node* n = top_.node(key);
    if (!n) return;
    const auto* arr = n->as_array();
    if (!arr || !arr->is_array_of_tables() || (require_one && arr->empty())) {
      top_.fail(key, require_one ? "expected one or more [[" + key + "]] tables" : "expected [[" + key + "]] tables");
      return;
    }
    std::set<std::string> names;
    for (const auto& item : *arr) {
      const auto* t = item.as_table();
      const std::string name = (*t)["name"].value<std::string>().value_or("");
      // A name is a component of dotted keys (actors.<name>.costs), so it cannot hold a dot.
      const bool usable = !name.empty() && name.find('.') == std::string::npos;
      Reader r(doc_, t, key + "." + (name.empty() ? "?" : name));  // no schema lookups unless usable
      r.string("name", "");
      if (name.empty())
        r.fail("name", "every " + what + " needs a name");
      else if (!usable)
        r.fail("name", "a name cannot contain '.' (it is part of keys such as " + key + ".<name>.…)");
      else if (!names.insert(name).second)
        r.fail("name", "two " + what + "s are named '" + name + "'");
      if (usable)
        fn(r, name);
      else
        r.keys();  // its other keys cannot be checked without a name
    }
  }

  ScenarioDocument& doc_;
  Reader top_;
  Params p_;
  StudySpec study_;
  std::vector<std::optional<double>> inflow_elasticity_ = std::vector<std::optional<double>>(kStates);
  PerState<WeekSeries> shock_inflow_;
  std::vector<std::string> actor_names_;   // as the file lists them, for the keys that name an actor
  bool birth_day_share_given_ = false;     // population.odd_birth_day_share, which only birth-day rules use
  PerState<PerState<bool>> has_hazard_{};  // [from][to], once the hazards are read: the keys on a move need one
};

}  // namespace almpsim::io
