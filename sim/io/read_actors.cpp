// Programmes and the actors that run them.
#include <algorithm>
#include <cmath>

#include "almpsim/actors.hpp"
#include "almpsim/meeting_effect.hpp"
#include "almpsim/programmes.hpp"
#include "almpsim/time_paths.hpp"
#include "params_builder.hpp"
#include "scenario_values.hpp"

namespace almpsim::io {

void ParamsBuilder::read_programmes() {
  Reader all = top_.table("programmes");
  for (const std::string& name : all.keys())
    if (index_in(programme_names(), name) == static_cast<int>(programme_names().size()))
      all.fail(name, unknown_name("programme", name, programme_names()));
  for (int k = 1; k < kActivities; ++k) {
    const auto kind = static_cast<Activity>(k);
    Reader r = all.table(name_of(kind));
    ProgrammeSpec& p = p_.programmes[static_cast<std::size_t>(k)];
    p.length_weeks = r.integer("length_weeks");
    p.wait_weeks = r.integer("wait_weeks");
    p.intake_every_weeks = static_cast<int>(r.optional_integer("intake_every_weeks").value_or(0));
    if (const auto first = week_in_run(r, "first_intake", p_.calendar, false)) {
      p.first_intake = *first;
      if (p.intake_every_weeks == 0)
        refuse_inert(
            r, "first_intake", "programmes." + std::string(name_of(kind)),
            "dates the intakes, and " + std::string(name_of(kind)) + " starts any week (no intake_every_weeks)");
      else if (next_intake(p, 0) == 0)
        refuse_inert(r, "first_intake", "programmes." + std::string(name_of(kind)),
                     "falls on an intake the first reported week already has (the default)");
    }
    p.lock_in = read_group_values(r, "lock_in", p_.attributes);
    p.post_effect = read_group_values(r, "post_effect", p_.attributes);
    p.threat_effect = read_group_values(r, "threat_effect", p_.attributes);
    p.threat_rise_weeks = r.optional_number("threat_rise_weeks");
    if (p.threat_rise_weeks && !differs_from_one(p.threat_effect))
      refuse_inert(r, "threat_rise_weeks", "programmes." + std::string(name_of(kind)),
                   "shapes the threat effect, and " + std::string(name_of(kind)) + " has none (threat_effect is 1)");
    p.post_decay_weeks = r.number("post_decay_weeks");
    p.cost_per_week = r.number("cost_per_week");
    p.employer_linked =
        r.boolean("employer_linked", kind == Activity::company_internship || kind == Activity::wage_subsidy);
  }
  p_.programmes[0] = ProgrammeSpec{};
  for (auto* v : {&p_.programmes[0].lock_in, &p_.programmes[0].post_effect, &p_.programmes[0].threat_effect})
    v->assign(static_cast<std::size_t>(p_.attributes.match_groups()), 1.0);
}

void ParamsBuilder::check_programmes_started() {
  Reader all = top_.table("programmes");
  for (const std::string& name : all.keys()) {
    const int k = index_in(programme_names(), name) + 1;
    if (k > static_cast<int>(programme_names().size())) continue;  // reported as unknown
    const auto starts = [k](const ActorSpec& a) {
      const bool offered =
          std::any_of(a.activation_mix.begin(), a.activation_mix.end(),
                      [k](const PerActivity<double>& mix) { return mix[static_cast<std::size_t>(k)] > 0; });
      return offered || (a.immediate_activation.enabled && index_of(a.immediate_activation.kind) == k);
    };
    if (std::none_of(p_.actors.begin(), p_.actors.end(), starts))
      refuse_inert(all, name, "actors", "no actor starts " + name + " (activation_mix, immediate_activation.kind)");
  }
}

void ParamsBuilder::read_assignment(Reader& r, AssignmentRule& rule) {
  Reader as = r.table("assignment");
  using Kind = AssignmentRule::Kind;
  const std::vector<std::pair<std::string, Kind>> rules = {
      {"odd_birth_day", Kind::odd_birth_day}, {"even_birth_day", Kind::even_birth_day},
      {"random_share", Kind::random_share},   {"area", Kind::area},
      {"match_group", Kind::match_group},     {"rest", Kind::rest}};
  const std::string chosen = as.choice("rule", "assignment rule");
  for (const auto& [name, kind] : rules)
    if (name == chosen) rule.kind = kind;
  auto name_of_rule = [&](Kind kind) {
    for (const auto& [name, k] : rules)
      if (k == kind) return name;
    return std::string();
  };
  rule.share = as.optional_number("share").value_or(0.0);
  if (rule.kind == Kind::random_share && !as.has("share"))
    as.fail("share", "missing: the share of citizens this actor serves");
  // A random share may be limited to some areas (randomisation within sites); without `areas` it
  // draws in all of them.
  rule.areas.clear();
  if (auto areas = as.strings("areas", p_.attributes.area_names)) {
    rule.areas.assign(p_.attributes.area_names.size(), false);
    for (const auto& ar : *areas) rule.areas[static_cast<std::size_t>(index_in(p_.attributes.area_names, ar))] = true;
    const bool every_area = std::all_of(rule.areas.begin(), rule.areas.end(), [](bool in) { return in; });
    if (rule.kind == Kind::random_share && every_area)
      as.fail("areas",
              "names every area, and a random share draws in every area without it, so this would change "
              "nothing");
  }
  if (rule.kind == Kind::area && !as.has("areas")) as.fail("areas", "missing: the areas this actor serves");
  rule.groups = group_set(as, "groups", p_.attributes);
  rule.except_states = state_set(as, "except_states", false);
  // A key that belongs to another rule would be read and then ignored.
  const std::pair<const char*, Kind> owned[] = {
      {"share", Kind::random_share}, {"areas", Kind::area}, {"groups", Kind::match_group}};
  for (const auto& [key, owner] : owned)
    if (as.has(key) && rule.kind != owner && !(key == std::string("areas") && rule.kind == Kind::random_share))
      as.fail(key, "does nothing under rule '" + name_of_rule(rule.kind) + "'; it belongs to rule '" +
                       name_of_rule(owner) + "'");
}

void ParamsBuilder::read_activation_mix(Reader& r, ActorSpec& a) {
  const AttributeSpec& at = p_.attributes;
  PerActivity<double> none{};
  none[0] = 1.0;
  a.activation_mix.assign(static_cast<std::size_t>(at.match_groups()), none);
  if (!r.has("activation_mix")) return;
  Reader t = r.table("activation_mix");
  if (!t.raw()) return;
  auto read_one = [&](Reader& owner, const std::string& key) -> std::optional<PerActivity<double>> {
    auto shares = named_shares(owner, key, programme_names(), "programme");
    if (!shares) return std::nullopt;
    PerActivity<double> mix{};
    for (std::size_t k = 0; k < programme_names().size(); ++k) mix[k + 1] = (*shares)[k];
    return mix;
  };
  const auto keys = t.keys();
  const bool by_group = !keys.empty() && index_in(at.match_group_names, keys.front()) < at.match_groups();
  if (!by_group) {
    if (auto mix = read_one(r, "activation_mix")) std::fill(a.activation_mix.begin(), a.activation_mix.end(), *mix);
    return;
  }
  for (const std::string& g : keys) {
    const int gi = index_in(at.match_group_names, g);
    if (gi == at.match_groups()) {
      t.fail(g, unknown_name("match group", g, at.match_group_names));
      continue;
    }
    if (auto mix = read_one(t, g)) a.activation_mix[static_cast<std::size_t>(gi)] = *mix;
  }
}

void ParamsBuilder::read_immediate_activation(Reader& r, ImmediateActivation& i) {
  Reader ia = r.table("immediate_activation");
  i.enabled = ia.boolean("enabled", true);
  i.states = state_set(ia, "states", false);
  if (!ia.has("states")) ia.fail("states", "missing: the benefit states whose new cases are activated at once");
  i.groups = group_set(ia, "groups", p_.attributes);
  i.delay_weeks = ia.integer("delay_weeks");
  i.length_weeks = ia.integer("length_weeks");
  if (const auto weeks = ia.optional_integer("follow_up_weeks")) i.follow_up_weeks = static_cast<int>(*weeks);
  i.next_step_probability = ia.optional_number("next_step_probability");
  i.kind = static_cast<Activity>(index_in(activity_names(), ia.choice("kind", "programme")));
  if (const auto weeks = ia.optional_integer("announced_weeks")) {
    i.announced_weeks = static_cast<int>(*weeks);
    if (!differs_from_one(p_.programmes[index_of(i.kind)].threat_effect))
      refuse_inert(ia, "announced_weeks", "programmes." + std::string(name_of(i.kind)),
                   "times the threat effect, and " + std::string(name_of(i.kind)) + " has none (threat_effect is 1)");
  }
}

namespace {
/// The job-finding moves of `from`, as "a or b", for messages.
std::string job_finding_moves_text(const Params& p, std::size_t from) {
  std::string out;
  for (int to = 0; to < kStates; ++to)
    if (p.job_finding_moves[from][static_cast<std::size_t>(to)])
      out += (out.empty() ? "" : " or ") + std::string(name_of(static_cast<State>(to)));
  return out;
}
}  // namespace

// One multiplier (or path) for all the actor's cases, or one per state. It acts on the state's
// job-finding moves (read before the actors), so one given for a state with no hazard into them
// would change nothing.
void ParamsBuilder::read_job_finding(Reader& r, ActorSpec& a) {
  const Calendar& cal = p_.calendar;
  if (const toml::node* jf = r.node("job_finding"); jf && jf->is_table()) {
    auto finds_jobs = [&](std::size_t s) {
      for (std::size_t to = 0; to < kStates; ++to)
        if (p_.job_finding_moves[s][to] && has_hazard_[s][to]) return true;
      return false;
    };
    for (auto& series : a.job_finding) series.assign(static_cast<std::size_t>(cal.total()), 1.0);
    Reader per_state = r.table("job_finding");
    for_each_state_key(per_state, [&](int s, const std::string& state) {
      a.job_finding[static_cast<std::size_t>(s)] = read_path(per_state, state, cal);
      if (!finds_jobs(static_cast<std::size_t>(s)))
        per_state.fail(state, "no hazard leads from " + state + " into " +
                                  job_finding_moves_text(p_, static_cast<std::size_t>(s)) +
                                  " (its job-finding moves), so this multiplier would change nothing; "
                                  "[job_finding_moves] names others");
    });
  } else {
    a.job_finding.fill(read_path(r, "job_finding", cal));
  }
  a.job_finding_sd = r.number("job_finding_sd");
}

// Multipliers on named moves other than job finding, each a number or a path: moves.<from>.<to>.
void ParamsBuilder::read_moves(Reader& r, ActorSpec& a) {
  Reader all = r.table("moves");
  for_each_state_key(all, [&](int fi, const std::string& from) {
    Reader moves = all.table(from);
    for_each_state_key(moves, [&](int ti, const std::string& to) {
      const auto f = static_cast<std::size_t>(fi), t = static_cast<std::size_t>(ti);
      WeekSeries factor = read_path(moves, to, p_.calendar);
      if (!has_hazard_[f][t])
        moves.fail(to, "no hazard leads from " + from + " to " + to + ", so this multiplier would change nothing");
      else if (p_.job_finding_moves[f][t])
        moves.fail(to, from + " to " + to + " is a job-finding move: its multiplier is job_finding." + from);
      else if (std::all_of(factor.begin(), factor.end(), [](double x) { return x == 1.0; }))
        refuse_inert(moves, to, "actors", "multiplies the move by 1 throughout");
      else
        a.moves.push_back({static_cast<State>(fi), static_cast<State>(ti), std::move(factor)});
    });
  });
}

// A value that makes a key inert is refused as the files write it. An override (--set, a sweep
// point, a fit's value) of a key in `section` may set it on purpose, e.g. a sweep through
// "no threat", so the refusal is left to the files alone there.
bool ParamsBuilder::overridden_within(const std::string& section) const {
  const auto within = [](const std::string& key, const std::string& table) {
    return key == table || key.rfind(table + ".", 0) == 0;
  };
  for (const auto& [key, at] : doc_.override_keys)
    if (within(key, section) || within(section, key)) return true;
  return false;
}

void ParamsBuilder::refuse_inert(Reader& r, std::string_view key, const std::string& section, const std::string& why) {
  if (!overridden_within(section)) r.fail(key, why + ", so this would change nothing");
}

namespace {
/// Whether the actor meets citizens in some state of its immediate activation, where a meeting
/// after the course can plan the next step.
bool meets_after_course(const ActorSpec& a) {
  for (std::size_t s = 0; s < a.meeting_interval_weeks.size(); ++s)
    if (a.immediate_activation.states[s] && a.meeting_interval_weeks[s] > 0) return true;
  return false;
}
}  // namespace

void ParamsBuilder::read_early_meetings(Reader& r, ActorSpec& a) {
  if (!r.has("early_meetings")) return;
  Reader e = r.table("early_meetings");
  const auto interval = e.optional_integer("interval_weeks"), span = e.optional_integer("for_weeks");
  if (!interval && !e.has("interval_weeks")) e.fail("interval_weeks", "missing: the interval early in a spell");
  if (!span && !e.has("for_weeks")) e.fail("for_weeks", "missing: how long into a spell the early interval holds");
  if (!holds_meetings(a)) {
    r.fail("early_meetings", "the actor holds no meetings (meeting_interval_weeks), so this would change nothing");
    return;
  }
  const bool in_groups = e.boolean("in_groups", false);
  if (!interval || !span) return;
  const bool differs = std::any_of(a.meeting_interval_weeks.begin(), a.meeting_interval_weeks.end(),
                                   [&](int ordinary) { return ordinary > 0 && ordinary != *interval; });
  if (!differs) refuse_inert(e, "interval_weeks", "actors", "is the ordinary interval of every state with meetings");
  if (in_groups && has_caseworker_limit(a))
    e.fail("in_groups",
           "early group meetings with a caseworker limit are not modelled (their capacity would be counted as "
           "individual meetings); use group_meetings, which makes every meeting of the actor a group meeting");
  a.early_meetings = {static_cast<int>(*interval), static_cast<int>(*span), in_groups};
}

void ParamsBuilder::read_meeting_effect(Reader& r, ActorSpec& a) {
  Reader e = r.table("meeting_effect");
  a.meeting_effect.size = read_group_values(e, "size", p_.attributes);
  a.meeting_effect.group_size =
      e.has("group_size") ? read_group_values(e, "group_size", p_.attributes) : a.meeting_effect.size;
  a.meeting_effect.decay_weeks = e.number("decay_weeks");
  const bool group_meetings = a.group_meetings > 1 || a.early_meetings.in_groups;
  if (e.has("group_size") && !group_meetings)
    e.fail("group_size",
           "the actor holds no group meetings (group_meetings, early_meetings.in_groups), so this would change "
           "nothing");
  // Actors inherit from each other (extends), so any actor's override may reach this one.
  const bool own_group_effect = a.meeting_effect.group_size != a.meeting_effect.size;
  if (a.group_meetings > 1 && !has_caseworker_limit(a) && !own_group_effect)
    refuse_inert(r, "group_meetings", "actors",
                 "the actor's meetings have no capacity limit (caseworkers) and no effect of their own "
                 "(meeting_effect.group_size)");
  if (a.group_meetings > 1 && e.has("size") && e.has("group_size"))
    refuse_inert(e, "size", "actors",
                 "is the effect of an individual meeting, and every meeting of the actor is a group meeting "
                 "(group_meetings), whose effect is group_size");
  if (a.early_meetings.in_groups && !own_group_effect)
    refuse_inert(r, "early_meetings.in_groups", "actors",
                 "meeting_effect.group_size is the size of an individual meeting");
  if (!r.has("meeting_effect")) return;
  if (!holds_meetings(a))
    r.fail("meeting_effect", "the actor holds no meetings (meeting_interval_weeks), so this would change nothing");
  else if (!has_effect(a.meeting_effect) && e.has("decay_weeks"))
    refuse_inert(e, "decay_weeks", "actors", "shapes a meeting effect that has no size (meeting_effect.size is 1)");
}

std::optional<std::size_t> ParamsBuilder::other_actor(Reader& r, std::string_view key, const std::string& self,
                                                      const std::string& missing, const std::string& itself) {
  const std::string named = r.string(key, "");
  const auto at = std::find(actor_names_.begin(), actor_names_.end(), named);
  if (named.empty())
    r.fail(key, "missing: " + missing);
  else if (named == self)
    r.fail(key, itself);
  else if (at == actor_names_.end())
    r.fail(key, unknown_name("actor", named, actor_names_));
  else
    return static_cast<std::size_t>(at - actor_names_.begin());
  return std::nullopt;
}

ActorSpec ParamsBuilder::read_actor(Reader& r, const std::string& name) {
  const Calendar& cal = p_.calendar;
  ActorSpec a;
  a.name = name;
  a.control = r.string("control", "");
  if (a.control == name)
    r.fail("control", "an arm cannot be its own control");
  else if (!a.control.empty() && std::find(actor_names_.begin(), actor_names_.end(), a.control) == actor_names_.end())
    r.fail("control", unknown_name("actor", a.control, actor_names_));
  else if (!a.control.empty() && a.control == actor_names_.front())
    r.fail("control",
           "is the first actor, which an arm that names none is compared with, so this would change "
           "nothing");
  read_assignment(r, a.assignment);
  a.first_meeting_weeks = r.integer("first_meeting_weeks");
  const auto intervals = named_numbers(r, "meeting_interval_weeks", state_names(), "state");
  for (int s = 0; s < kStates; ++s) {
    const auto& v = intervals[static_cast<std::size_t>(s)];
    if (v && *v != std::floor(*v)) r.fail("meeting_interval_weeks", "intervals are whole weeks");
    a.meeting_interval_weeks[static_cast<std::size_t>(s)] = static_cast<int>(v.value_or(0.0));
  }
  {
    Reader cw = r.table("caseworkers");
    for_each_state_key(cw, [&](int si, const std::string& team) {
      a.caseworkers[static_cast<std::size_t>(si)] = read_path(cw, team, cal);
    });
  }
  a.meetings_per_caseworker_week = r.number("meetings_per_caseworker_week");
  a.group_meetings = r.integer("group_meetings");
  a.ramp_up.assign(static_cast<std::size_t>(cal.total()), 1.0);
  if (r.has("ramp_up")) {
    Reader ru = r.table("ramp_up");
    const double from = ru.number("from");
    const int weeks = ru.integer("weeks");
    const Week start = ru.has("start") ? week_in_run(ru, "start", cal, false).value_or(0) : 0;
    a.ramp_up = ramp_up_path(cal, from, weeks, start);
    if (!has_caseworker_limit(a))
      refuse_inert(r, "ramp_up", "actors",
                   "scales the caseworkers' meeting capacity, and the actor has no caseworker limit");
  }
  if (r.has("immediate_activation")) read_immediate_activation(r, a.immediate_activation);
  if (a.immediate_activation.next_step_probability && !meets_after_course(a))
    r.fail("immediate_activation.next_step_probability",
           "the actor holds no meetings in the immediate activation's states (meeting_interval_weeks), so this "
           "would change nothing");
  a.activation_probability = read_group_paths(r, "activation_probability", cal, p_.attributes);
  read_activation_mix(r, a);
  a.company_contact = read_path(r, "company_contact", cal);
  read_employer_network(r, a);
  read_job_finding(r, a);
  read_moves(r, a);
  read_early_meetings(r, a);
  read_meeting_effect(r, a);
  read_reassessment(r, a);
  read_referral(r, name, a);
  read_places(r, a);
  {
    Reader s = r.table("sanctions");
    a.sanctions.no_show = s.number("no_show");
    a.sanctions.rate = s.number("rate");
    a.sanctions.exit_share = s.number("exit_share");
  }
  {
    Reader c = r.table("costs");
    a.costs.admin_per_case_week = c.number("admin_per_case_week");
    a.costs.fixed_fee_per_case = c.number("fixed_fee_per_case");
    a.costs.bonus_per_self_support = c.number("bonus_per_self_support");
    a.costs.programme_cost_factor = c.number("programme_cost_factor");
    read_milestones(c, a.costs);
    read_savings_share(c, name, a.costs);
    read_staff_bonus(c, a, a.costs);
  }
  return a;
}

void ParamsBuilder::read_actors() {
  const toml::node* n = top_.node("actors");
  if (!n) {
    Reader empty(doc_, nullptr, "actors.all");
    p_.actors.push_back(read_actor(empty, "all"));
    return;
  }
  if (n->is_array() && n->as_array()->size() > 250) top_.fail("actors", "at most 250 actors");
  // A control may name an actor that comes later in the file.
  if (const auto* entries = n->as_array())
    for (const auto& item : *entries)
      if (const auto* t = item.as_table())
        if (const auto name = (*t)["name"].value<std::string>()) actor_names_.push_back(*name);
  for_each_named_entry("actors", "actor", true,
                       [&](Reader& r, const std::string& name) { p_.actors.push_back(read_actor(r, name)); });
  // The random shares drawn in each area.
  std::vector<double> shares(std::max<std::size_t>(1, p_.attributes.area_names.size()), 0.0);
  bool has_rest = false;
  for (const ActorSpec& a : p_.actors) {
    const AssignmentRule& rule = a.assignment;
    if (rule.kind == AssignmentRule::Kind::random_share)
      for (std::size_t k = 0; k < shares.size(); ++k)
        if (rule.areas.empty() || rule.areas[k]) shares[k] += rule.share;
    has_rest = has_rest || rule.kind == AssignmentRule::Kind::rest;
  }
  for (std::size_t k = 0; k < shares.size(); ++k)
    if (shares[k] > 1.0 + kShareTolerance)
      top_.fail("actors",
                "random_share assignments add up to more than 1" +
                    (p_.attributes.area_names.size() > 1 ? " in area " + p_.attributes.area_names[k] : std::string()));
  if (p_.actors.size() > 1 && !has_rest)
    top_.fail("actors", "one actor needs assignment rule \"rest\" to serve the cases no other rule claims");
}

// The population keys that only the actors' rules can use.
void ParamsBuilder::check_stock_split() {
  const bool by_birth_day = std::any_of(p_.actors.begin(), p_.actors.end(), [](const ActorSpec& a) {
    return a.assignment.kind == AssignmentRule::Kind::odd_birth_day ||
           a.assignment.kind == AssignmentRule::Kind::even_birth_day;
  });
  // Said, not refused: a scenario that extends one with birth-day rules and replaces them
  // (straksaktivering_sweep.toml) cannot remove the share it inherits.
  if (!by_birth_day && birth_day_share_given_) {
    const Location at = doc_.locate("population.odd_birth_day_share");
    doc_.notes.push_back(at.file + " " + std::to_string(at.line) +
                         ": population.odd_birth_day_share splits the stock by birth day, and no actor is assigned by "
                         "birth day, so it changes nothing here");
  }
  const bool random_shares = std::any_of(p_.actors.begin(), p_.actors.end(), [](const ActorSpec& a) {
    return a.assignment.kind == AssignmentRule::Kind::random_share;
  });
  // What makes it inert are the rules and the areas, so an override there may do so on purpose.
  if (p_.population.split_exactly && !random_shares && p_.attributes.area_names.size() < 2 &&
      !overridden_within("actors") && !overridden_within("attributes"))
    top_.fail("population.split_exactly",
              "fixes the sizes of areas and random_share arms, and the scenario has neither, so this would change "
              "nothing");
}

}  // namespace almpsim::io
