// Every kind of bad scenario gives a one-line error naming file, line and key, and exit status 2.
// Each fixture in tests/io/bad/ states on its first line what it must produce:
//   # expect: LINE: KEY: MESSAGE-START
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
struct Expectation {
  std::string file;
  int line = 0;
  std::string key, message;
};

Expectation expectation_of(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  const std::string tag = "# expect: ";
  REQUIRE(first.rfind(tag, 0) == 0);
  std::string rest = first.substr(tag.size());
  Expectation e;
  e.file = path.string();
  const auto c1 = rest.find(": ");
  e.line = std::stoi(rest.substr(0, c1));
  rest = rest.substr(c1 + 2);
  const auto c2 = rest.find(": ");
  e.key = rest.substr(0, c2);
  e.message = c2 == std::string::npos ? "" : rest.substr(c2 + 2);
  return e;
}

std::vector<std::filesystem::path> bad_fixtures() {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(test::source_path("tests/io/bad")))
    files.push_back(f.path());
  std::sort(files.begin(), files.end());
  return files;
}
}  // namespace

TEST_CASE("each bad scenario is rejected with its file and line and key and message", "[unit]") {
  const auto files = bad_fixtures();
  REQUIRE(files.size() >= 14);
  for (const auto& path : files) {
    const Expectation e = expectation_of(path);
    INFO(path.filename().string());
    try {
      (void)load_scenario(path.string());
      FAIL("accepted a bad scenario");
    } catch (const ScenarioError& err) {
      bool found = false;
      for (const auto& issue : err.issues())
        found = found || (issue.file == e.file && issue.line == e.line && issue.key == e.key &&
                          issue.message.rfind(e.message, 0) == 0);
      INFO("expected " << e.line << ": " << e.key << ": " << e.message << "\ngot:\n" << err.what());
      CHECK(found);
    }
  }
}

TEST_CASE("almpsim validate exits with status 2 and prints the location of each problem", "[unit]") {
  for (const auto& path : bad_fixtures()) {
    const Expectation e = expectation_of(path);
    const auto r = test::run_cli("validate " + path.string());
    INFO(path.filename().string() << "\n" << r.output);
    CHECK(r.status == 2);
    const std::string located =
        e.file + (e.line > 0 ? ":" + std::to_string(e.line) : "") + ": " + e.key + ": " + e.message;
    CHECK(r.output.find(located) != std::string::npos);
  }
}

TEST_CASE("overrides are checked like the file and located at the --set argument", "[unit]") {
  const auto r = test::run_cli("validate " + test::source_path("scenarios/two_actors_shock.toml") +
                               " --set replications=2 --set population.sise=10");
  CHECK(r.status == 2);
  CHECK(r.output.find("--set:2: population.sise: unknown key 'sise' (did you mean 'size'?)") != std::string::npos);
  const auto ok = test::run_cli("validate " + test::source_path("scenarios/two_actors_shock.toml") +
                                " --set population.size=10 --set actors.agens.costs.admin_per_case_week=10");
  CHECK(ok.status == 0);
}

TEST_CASE("a misspelt key inside a table the file has is located at the --set that brings it", "[unit]") {
  // Køge's agens extends jobcenter, so the misspelling reaches it too: both at --set:1, none at
  // the shipped file's lines.
  for (const std::string key :
       {"actors.jobcenter.imediate_activation.delay_weeks=8", "actors.jobcenter.immediate_activation.delay_week=8"}) {
    INFO(key);
    try {
      load_scenario(test::source_path("scenarios/koege_2008.toml"), {key});
      FAIL("accepted");
    } catch (const ScenarioError& err) {
      REQUIRE(!err.issues().empty());
      for (const auto& issue : err.issues()) {
        CHECK(issue.file == "--set");
        CHECK(issue.line == 1);
      }
    }
  }
}

TEST_CASE("an override may have blanks around its equals sign", "[unit]") {
  const Params spaced = load_scenario(test::source_path("scenarios/two_actors_shock.toml"),
                                      {" population.size = 10", "actors.agens.costs = { admin_per_case_week = 7 }"})
                            .params;
  CHECK(spaced.population.size == 10);
  CHECK(spaced.actors[1].costs.admin_per_case_week == 7.0);
  const auto blank = test::run_cli("validate " + test::source_path("scenarios/two_actors_shock.toml") + " --set ' =3'");
  CHECK(blank.status == 2);
  CHECK(blank.output.find("expected KEY=VALUE") != std::string::npos);
}

TEST_CASE("all problems are reported and not only the first", "[unit]") {
  test::TempDir dir;
  const auto path = dir.write("many.toml", "start = 2020-01-06\nweeks = 20\nreplications = 0\nseeed = 1\n");
  try {
    (void)load_scenario(path);
    FAIL("accepted a bad scenario");
  } catch (const ScenarioError& err) {
    CHECK(err.issues().size() == 2);
  }
}

TEST_CASE("a scenario extends another and overrides single keys", "[unit]") {
  test::TempDir dir;
  dir.write("base.toml", test::two_state_scenario());
  const auto child = dir.write("child.toml", "extends = \"base.toml\"\nweeks = 12\n[population]\nsize = 50\n");
  const Params p = load_scenario(child).params;
  CHECK(p.calendar.weeks == 12);
  CHECK(p.population.size == 50);
  CHECK(p.population.state_shares[index_of(State::cash_benefit)] == 1.0);  // inherited
  CHECK(p.hazards.size() == 2);
  // Cycles are caught.
  const auto loop = dir.write("loop.toml", "extends = \"loop.toml\"\nstart = 2020-01-06\nweeks = 3\n");
  CHECK_THROWS_AS(load_scenario(loop), ScenarioError);
}

TEST_CASE("the shipped scenarios validate", "[regression]") {
  for (const char* name : {"reference_markov.toml", "two_actors_shock.toml"}) {
    INFO(name);
    CHECK_NOTHROW(load_scenario(test::source_path(std::string("scenarios/") + name)));
  }
}

TEST_CASE("an actor's activation chance may change over time, by match group", "[unit]") {
  // A provider that first activates the passive cases it took over, then fewer of them.
  test::TempDir dir;
  const auto path = dir.write("priority.toml", test::two_state_scenario(R"(
[[actors]]
name = "provider"
meeting_interval_weeks = { cash_benefit = 4 }
activation_probability = { not_job_ready = [[2020-01-06, 0.6], [2020-03-02, 0.3]], default = 0.1 }
)"));
  const Params p = load_scenario(path).params;
  const auto& chance = p.actors.at(0).activation_probability;
  REQUIRE(chance.size() == 2);  // job_ready, not_job_ready
  CHECK(chance[1][0] == 0.6);
  CHECK(chance[1][7] == 0.6);
  CHECK(chance[1][8] == 0.3);  // from 2 March, week 8
  CHECK(chance[0][0] == 0.1);
  CHECK(chance[0][20] == 0.1);
  // A number for all groups is a flat path; an unknown group is named.
  const Params flat = load_scenario(path, {"actors.provider.activation_probability=0.25"}).params;
  CHECK(flat.actors.at(0).activation_probability[1][20] == 0.25);
  CHECK_THROWS_WITH(load_scenario(path, {"actors.provider.activation_probability.not_ready=0.2"}),
                    Catch::Contains("unknown match group 'not_ready'"));
}

TEST_CASE("an actor's job-finding multiplier may differ by state", "[unit]") {
  test::TempDir dir;
  const auto path = dir.write("jf.toml", test::two_state_scenario(R"(
[hazards.sickness_benefit.self_support]
baseline = 0.1
[[actors]]
name = "centre"
job_finding = { cash_benefit = 0.8, sickness_benefit = [[2020-01-06, 1.0], [2020-03-02, 1.2]] }
)"));
  const Params p = load_scenario(path).params;
  const ActorSpec& a = p.actors.at(0);
  CHECK(a.job_finding[index_of(State::cash_benefit)][0] == 0.8);
  CHECK(a.job_finding[index_of(State::sickness_benefit)][0] == 1.0);
  CHECK(a.job_finding[index_of(State::sickness_benefit)][10] == 1.2);
  CHECK(a.job_finding[index_of(State::rehabilitation)][0] == 1.0);
  const auto bad =
      dir.write("bad.toml", test::two_state_scenario("[[actors]]\nname = \"c\"\njob_finding = { cash = 0.8 }\n"));
  CHECK_THROWS_WITH(load_scenario(bad), Catch::Contains("unknown state 'cash'"));
}

TEST_CASE("a setting that would change nothing is an error", "[unit]") {
  test::TempDir dir;
  auto rejects = [&](const std::string& extra, const std::string& located) {
    const auto path = dir.write("noop.toml", test::two_state_scenario(extra));
    const auto r = test::run_cli("validate " + path);
    CHECK(r.status == 2);
    CHECK(r.output.find(located) != std::string::npos);
    INFO(r.output);
  };
  // No hazard leads from sickness benefit into self-support in this scenario.
  rejects("[[actors]]\nname = \"c\"\njob_finding = { sickness_benefit = 1.2 }\n",
          "actors.c.job_finding.sickness_benefit: no hazard leads from sickness_benefit into self_support");
  // A random share limited to every area is no limit.
  rejects(
      "[[actors]]\nname = \"c\"\nassignment = { rule = \"random_share\", share = 0.5, areas = [\"all\"] }\n"
      "[[actors]]\nname = \"d\"\n",
      "actors.c.assignment.areas: names every area");
  rejects(
      "[[cohorts]]\nname = \"s\"\nstates = [\"cash_benefit\"]\nat = 2020-01-06\nmeasure_at = 2020-03-02\n"
      "exclude_stock = false\n",
      "cohorts.s.exclude_stock: applies to inflow cohorts only");
  rejects("[sweep]\nseed = 3\n[[sweep.vary]]\nkey = \"seed\"\nvalues = [1, 2]\n", "sweep.seed: a grid draws nothing");
}

TEST_CASE("a key made inert by an override's value is taken, and one the files make inert is refused", "[unit]") {
  test::TempDir dir;
  const auto validate = [&](const std::string& file, const std::string& overrides) {
    return test::run_cli("validate " + dir.write("inert.toml", test::two_state_scenario(file)) + overrides);
  };
  // An actor that starts guidance (its table is in use), and guidance's threat.
  const std::string threat =
      "[[actors]]\nname = \"centre\"\nmeeting_interval_weeks = { cash_benefit = 4 }\nactivation_probability = "
      "0.5\nactivation_mix = { guidance = 1.0 }\n[programmes.guidance]\nthreat_rise_weeks = 4\nthreat_effect = ";
  // A sweep or fit may take the threat to exactly 1 while the file shapes it.
  CHECK(validate(threat + "1.3\n", " --set programmes.guidance.threat_effect=1").status == 0);
  // As the files write it, the rise shapes nothing, whatever else is overridden.
  const auto refused = validate(threat + "1.0\n", " --set seed=3");
  CHECK(refused.status == 2);
  CHECK(refused.output.find("programmes.guidance.threat_rise_weeks: shapes the threat effect") != std::string::npos);
  // The same for a meeting effect's decay, by any actor's override (actors inherit).
  const std::string meetings =
      "[[actors]]\nname = \"centre\"\nmeeting_interval_weeks = { cash_benefit = 4 }\n"
      "meeting_effect = { decay_weeks = 3, size = ";
  CHECK(validate(meetings + "2.0 }\n", " --set actors.centre.meeting_effect.size=1").status == 0);
  CHECK(validate(meetings + "1.0 }\n", " --set seed=3").status == 2);
}

TEST_CASE("each problem an override causes is reported once, where the user wrote it", "[unit]") {
  const std::string koege = test::source_path("scenarios/koege_2008.toml");
  auto lines = [](const std::string& text) { return std::count(text.begin(), text.end(), '\n'); };
  // A bad start date is one problem; the other run keys are not "unknown".
  const auto bad_start = test::run_cli("validate " + koege + " --set start=2008-13-01");
  CHECK(bad_start.status == 2);
  CHECK(bad_start.output == "--set:1: start: '2008-13-01' is not a date (YYYY-MM-DD)\n");
  // A shorter run leaves the scenario's later dates outside it: one problem, at the override.
  const auto short_run = test::run_cli("validate " + koege + " --set weeks=20");
  CHECK(short_run.status == 2);
  CHECK(lines(short_run.output) == 1);
  CHECK(short_run.output.rfind("--set:1: weeks: the run is now 2008-04-01 to 2008-08-19, which leaves out", 0) == 0);
}

TEST_CASE("a bad sweep axis is located at its --vary argument or its [[sweep.vary]] entry", "[unit]") {
  test::TempDir dir;
  const std::string shock = test::source_path("scenarios/two_actors_shock.toml");
  const auto typo =
      test::run_cli("sweep " + shock + " -o " + dir.file("x.h5") +
                    " --vary actors.agens.sanctions.rate=0.1 --vary actors.agens.sanctions.no_shw=0.1,0.2");
  CHECK(typo.status == 2);
  CHECK(typo.output.find("--vary:2: actors.agens.sanctions.no_shw: unknown key 'no_shw' (did you mean 'no_show'?)") !=
        std::string::npos);
  const std::string file =
      dir.write("sweep.toml", "extends = \"" + shock +
                                  "\"\n\n[[sweep.vary]]\nkey = \"actors.agens.sanctions.rate\"\n"
                                  "values = [0.1]\n\n[[sweep.vary]]\nkey = \"inflow.cash_benfit\"\n"
                                  "values = [1.0]\n");
  const auto in_file = test::run_cli("sweep " + file + " -o " + dir.file("y.h5"));
  CHECK(in_file.status == 2);
  CHECK(in_file.output.find(file + ":7: inflow.cash_benfit: unknown state 'cash_benfit'") != std::string::npos);
  CHECK(dir.entries().size() == 1);  // only the scenario: no output, no point files
}
