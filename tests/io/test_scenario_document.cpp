// A child scenario (`extends`), an override (`--set`) and a fitted scenario merge alike, as the
// schema declares for each key.
#include "scenario_document.hpp"
#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
const char* kParent = R"(
[[actors]]
name = "centre"
sanctions = { no_show = 0.1, rate = 0.3, exit_share = 0.2 }
costs = { admin_per_case_week = 300, fixed_fee_per_case = 5000 }
caseworkers = { cash_benefit = 10 }
ramp_up = { from = 0.5, weeks = 10 }
activation_probability = 0.5
activation_mix = { job_ready = { guidance = 1.0 }, not_job_ready = { education = 1.0 } }
[programmes.guidance]
length_weeks = 5
cost_per_week = 100
)";

struct Family {
  test::TempDir dir;
  std::string parent = dir.write("parent.toml", test::two_state_scenario(kParent));
  Params child(const std::string& text, const std::vector<std::string>& overrides = {}) {
    return load_scenario(dir.write("child.toml", "extends = \"parent.toml\"\n" + text), overrides).params;
  }
  Params overridden(const std::vector<std::string>& overrides) { return load_scenario(parent, overrides).params; }
};
}  // namespace

TEST_CASE("a child that sets one key of a table merged key by key keeps the others", "[unit]") {
  Family f;
  const Params p = f.child(R"(
[[actors]]
name = "centre"
sanctions = { rate = 0.5 }
costs = { admin_per_case_week = 100 }
ramp_up = { weeks = 20 }
[programmes.guidance]
cost_per_week = 50
)");
  const ActorSpec& a = p.actors.at(0);
  CHECK(a.sanctions.no_show == 0.1);
  CHECK(a.sanctions.rate == 0.5);
  CHECK(a.sanctions.exit_share == 0.2);
  CHECK(a.costs.admin_per_case_week == 100);
  CHECK(a.costs.fixed_fee_per_case == 5000);
  CHECK(a.ramp_up[static_cast<std::size_t>(p.calendar.slot(0))] == 0.5);  // from kept, weeks changed
  CHECK(a.ramp_up[static_cast<std::size_t>(p.calendar.slot(10))] == Approx(0.75));
  const ProgrammeSpec& g = p.programmes[index_of(Activity::guidance)];
  CHECK(g.length_weeks == 5);
  CHECK(g.cost_per_week == 50);
}

TEST_CASE("an override, a child file and an inline table give the same scenario", "[unit]") {
  Family f;
  const Params by_child = f.child("[[actors]]\nname = \"centre\"\nsanctions = { rate = 0.5 }\n");
  const Params by_set = f.overridden({"actors.centre.sanctions.rate=0.5"});
  const Params by_table = f.overridden({"actors.centre.sanctions={ rate = 0.5 }"});
  for (const Params* p : {&by_set, &by_table}) {
    CHECK(p->actors[0].sanctions.no_show == by_child.actors[0].sanctions.no_show);
    CHECK(p->actors[0].sanctions.rate == by_child.actors[0].sanctions.rate);
    CHECK(p->actors[0].sanctions.exit_share == by_child.actors[0].sanctions.exit_share);
  }
}

TEST_CASE("shares are replaced whole, and a mix by group merges group by group", "[unit]") {
  Family f;
  // A child's shares never mix with the parent's: the cash-benefit share is gone.
  const Params shares = f.child("[population]\nstate_shares = { sickness_benefit = 1.0 }\n");
  CHECK(shares.population.state_shares[index_of(State::cash_benefit)] == 0.0);
  CHECK(shares.population.state_shares[index_of(State::sickness_benefit)] == 1.0);
  const Params as_table = f.overridden({"population.state_shares={ sickness_benefit = 1.0 }"});
  CHECK(as_table.population.state_shares == shares.population.state_shares);
  // One share set alone is one value changed: here the shares no longer sum to 1.
  CHECK_THROWS_WITH(f.overridden({"population.state_shares.sickness_benefit=1.0"}),
                    Catch::Contains("shares sum to 2, not 1"));
  const Params one_group = f.overridden({"actors.centre.activation_mix.job_ready={ company_internship = 1.0 }"});
  const auto& mix = one_group.actors[0].activation_mix;
  CHECK(mix[0][index_of(Activity::company_internship)] == 1.0);  // job_ready (group 0) replaced
  CHECK(mix[0][index_of(Activity::guidance)] == 0.0);
  CHECK(mix[1][index_of(Activity::education)] == 1.0);  // not_job_ready kept
  const Params flat =
      f.child("[[actors]]\nname = \"centre\"\nactivation_mix = { wage_subsidy = 0.5, guidance = 0.5 }\n");
  CHECK(flat.actors[0].activation_mix[1][index_of(Activity::wage_subsidy)] == 0.5);
  CHECK(flat.actors[0].activation_mix[1][index_of(Activity::education)] == 0.0);
}

TEST_CASE("an override of one value inside a table replaced whole changes that value alone", "[unit]") {
  test::TempDir dir;
  const std::string path = dir.write("split.toml", test::two_state_scenario(R"(
[[actors]]
name = "provider"
assignment = { rule = "random_share", share = 0.5, except_states = ["self_support"] }
[[actors]]
name = "centre"
)"));
  const Params p = load_scenario(path, {"actors.provider.assignment.share=0.3"}).params;
  CHECK(p.actors[0].assignment.kind == AssignmentRule::Kind::random_share);
  CHECK(p.actors[0].assignment.share == 0.3);
  CHECK(p.actors[0].assignment.except_states[index_of(State::self_support)]);
  // A whole table given as the value replaces the table, as a child scenario's would.
  const Params q = load_scenario(path, {"actors.provider.assignment={ rule = \"random_share\", share = 0.2 }"}).params;
  CHECK_FALSE(q.actors[0].assignment.except_states[index_of(State::self_support)]);
}

TEST_CASE("a mix by group replaces a single mix, and the other way round", "[unit]") {
  test::TempDir dir;
  const std::string parent = dir.write("flat.toml", test::two_state_scenario(R"(
[[actors]]
name = "centre"
activation_mix = { guidance = 1.0 }
)"));
  const std::string child = dir.write("child.toml",
                                      "extends = \"flat.toml\"\n[[actors]]\nname = \"centre\"\n"
                                      "activation_mix = { job_ready = { education = 1.0 } }\n");
  const Params p = load_scenario(child).params;
  CHECK(p.actors[0].activation_mix[0][index_of(Activity::education)] == 1.0);
  CHECK(p.actors[0].activation_mix[0][index_of(Activity::guidance)] == 0.0);
  CHECK(p.actors[0].activation_mix[1][index_of(Activity::none)] == 1.0);  // not_job_ready: no mix given
  (void)parent;
}

TEST_CASE("a dotted key splits as TOML writes it, quoted parts whole and unquoted", "[unit]") {
  using Parts = std::vector<std::string>;
  CHECK(io::split_key("actors.agens.job_finding") == Parts{"actors", "agens", "job_finding"});
  CHECK(io::split_key("hazards.cash_benefit.self_support.log_effects.\"sex:male\"") ==
        Parts{"hazards", "cash_benefit", "self_support", "log_effects", "sex:male"});
  CHECK(io::split_key("a.'b.c'.d") == Parts{"a", "b.c", "d"});
  CHECK(io::split_key("a.\"it's\"") == Parts{"a", "it's"});
}

TEST_CASE("an override with a quoted part sets the same value as the file's own key", "[unit]") {
  test::TempDir dir;
  const std::string path = dir.write("s.toml", test::two_state_scenario(R"(
[hazards.cash_benefit.self_support.log_effects]
"sex:male" = 0.2
)"));
  const auto text_with = [&](const std::string& set) { return load_scenario(path, {set}).resolved_text; };
  const std::string whole = text_with("hazards.cash_benefit.self_support.log_effects={\"sex:male\" = 0.5}");
  CHECK(text_with("hazards.cash_benefit.self_support.log_effects.\"sex:male\"=0.5") == whole);
  CHECK(text_with("hazards.cash_benefit.self_support.log_effects.'sex:male'=0.5") == whole);
  CHECK(load_scenario(path).resolved_text != whole);
}

TEST_CASE("two spellings of one key are one key: a sweep that varies both is refused", "[unit]") {
  CHECK(canonical_key("log_effects.\"sex:male\"") == canonical_key("log_effects.'sex:male'"));
  CHECK(canonical_key("actors.\"agens\".job_finding") == "actors.agens.job_finding");
  CHECK(canonical_key("a.b") != canonical_key("a.\"b.c\""));
  test::TempDir dir;
  const std::string path = dir.write("s.toml", test::two_state_scenario(R"(
[hazards.cash_benefit.self_support.log_effects]
"sex:male" = 0.2
[[sweep.vary]]
key = 'hazards.cash_benefit.self_support.log_effects."sex:male"'
values = [0.1, 0.3]
[[sweep.vary]]
key = "hazards.cash_benefit.self_support.log_effects.'sex:male'"
values = [0.1, 0.3]
)"));
  try {
    load_scenario(path);
    FAIL("a key varied twice was accepted");
  } catch (const ScenarioError& e) {
    CHECK(std::string(e.what()).find("varied twice") != std::string::npos);
  }
}
