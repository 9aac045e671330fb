// almpsim report: published tables beside simulated ones, and JSON that parses.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
/// Runs a shipped scenario into a results file in `dir` and returns its path.
std::string shipped_results(const test::TempDir& dir, const std::string& scenario, int replications) {
  const std::string out = dir.file(scenario + ".h5");
  const auto run = test::run_cli("run " + test::source_path("scenarios/" + scenario + ".toml") + " -o " + out +
                                 " --replications " + std::to_string(replications) + " --threads 2 --quiet");
  INFO(run.output);
  REQUIRE(run.status == 0);
  return out;
}
}  // namespace

TEST_CASE("report prints the published tables beside the simulated ones from the results file alone", "[regression]") {
  test::TempDir dir;
  const std::string out = shipped_results(dir, "koege_2008", 4);
  const auto text = test::run_cli("report " + out);
  CHECK(text.status == 0);
  CHECK(text.output.find("Table 6.1  stock_cash  status_share") != std::string::npos);
  CHECK(text.output.find("Trial statistics") != std::string::npos);
  const auto json = test::run_cli("report " + out + " --format json");
  CHECK(json.status == 0);
  // Every published number in the shipped targets file appears once in the JSON tables.
  const std::size_t rows = nlohmann::json::parse(json.output)["tables"].size();
  std::ifstream csv(test::source_path("scenarios/data/koege_2008_targets.csv"));
  std::size_t lines = 0;
  for (std::string line; std::getline(csv, line);) lines += !line.empty();
  CHECK(rows == lines - 1);
  const auto missing = test::run_cli("report " + dir.file("none.h5"));
  CHECK(missing.status == 2);
  CHECK(missing.output.find("none.h5: no such file") != std::string::npos);
}

TEST_CASE("report tests each arm of a trial against the first actor, and an effect target by its two arms",
          "[regression]") {
  test::TempDir dir;
  const std::string out = shipped_results(dir, "early_meetings_2008", 2);
  const auto text = test::run_cli("report " + out);
  CHECK(text.status == 0);
  for (const std::string arm : {"individual", "group", "wall", "meetings_and_wall"})
    CHECK(text.output.find("Trial statistics, " + arm + " against control") != std::string::npos);
  CHECK(text.output.find("individual - control") != std::string::npos);
  // The JSON gives the same four trials, each over every cohort.
  const auto json = test::run_cli("report " + out + " --format json");
  REQUIRE(json.status == 0);
  const auto report = nlohmann::json::parse(json.output);
  const auto& trials = report["trials"];
  REQUIRE(trials.size() == 4);
  CHECK(trials[0]["arm"] == "individual");
  CHECK(trials[3]["arm"] == "meetings_and_wall");
  for (const auto& trial : trials) {
    CHECK(trial["control"] == "control");
    CHECK(trial["cohorts"].size() == report["cohorts"].size());
  }
}

TEST_CASE("every JSON report is valid JSON, with odd names and an arm that serves nobody", "[unit]") {
  // The second arm is assigned no one, so its shares are NaN (JSON null); its name has a quote.
  test::TempDir dir;
  const std::string scenario = dir.write("odd.toml", test::two_state_scenario(R"(
[[actors]]
name = 'say "hi"'
assignment = { rule = "random_share", share = 0.0 }
[[actors]]
name = "rest"
[[cohorts]]
name = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-03-02
[power]
arms = ['say "hi"', "rest"]
sizes = [0.5]
)"));
  const std::string run = dir.file("run.h5"), sweep = dir.file("sweep.h5");
  REQUIRE(test::run_cli("run " + scenario + " --quiet --replications 3 -o " + run).status == 0);
  REQUIRE(
      test::run_cli("sweep " + scenario + " --quiet --replications 3 -o " + sweep + " --vary population.size=100,200")
          .status == 0);
  for (const std::string& command : {"report " + run + " --format json", "report " + sweep + " --format json",
                                     "power " + scenario + " --quiet --format json --replications 4"}) {
    INFO(command);
    const auto r = test::run_cli(command);
    REQUIRE(r.status == 0);
    const auto parsed = nlohmann::json::parse(r.output, nullptr, false);
    CHECK_FALSE(parsed.is_discarded());
  }
  const auto report = nlohmann::json::parse(test::run_cli("report " + run + " --format json").output);
  CHECK(report["cohorts"]["stock"]["say \"hi\""]["self_support_share"]["mean"].is_null());
}

TEST_CASE("report compares each site's arm with the control it names, and counts the significant arms", "[unit]") {
  test::TempDir dir;
  const std::string scenario = dir.write("sites.toml", test::two_state_scenario(R"(
[attributes]
areas = ["a", "b", "c"]
area = { a = 0.3, b = 0.3, c = 0.4 }
[[actors]]
name = "a_trial"
control = "a_control"
assignment = { rule = "random_share", share = 0.5, areas = ["a"] }
[[actors]]
name = "b_trial"
control = "b_control"
assignment = { rule = "random_share", share = 0.5, areas = ["b"] }
[[actors]]
name = "c_trial"
control = "c_control"
assignment = { rule = "random_share", share = 0.5, areas = ["c"] }
[[actors]]
name = "a_control"
assignment = { rule = "area", areas = ["a"] }
[[actors]]
name = "b_control"
assignment = { rule = "area", areas = ["b"] }
[[actors]]
name = "c_control"
[[cohorts]]
name = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-06-01
)"));
  const std::string out = dir.file("sites.h5");
  REQUIRE(test::run_cli("run " + scenario + " -o " + out + " --replications 20 --quiet").status == 0);
  const auto text = test::run_cli("report " + out);
  INFO(text.output);
  REQUIRE(text.status == 0);
  for (const char* site : {"a", "b", "c"})
    CHECK(text.output.find(std::string("Trial statistics, ") + site + "_trial against " + site + "_control") !=
          std::string::npos);
  CHECK(text.output.find("_control against") == std::string::npos);  // a control is not an arm
  CHECK(text.output.find("Arms significant at 5% (self-support difference), of 3, per trial, and the arms pooled") !=
        std::string::npos);
  const auto json = test::run_cli("report --format json " + out);
  REQUIRE(json.status == 0);
  CHECK(json.output.find("\"arm\": \"b_trial\",\n      \"control\": \"b_control\"") != std::string::npos);
  CHECK(json.output.find("\"pooled_difference_points\"") != std::string::npos);
  // An unknown control is refused where it is written.
  const std::string bad = dir.write("bad.toml", test::two_state_scenario(R"(
[[actors]]
name = "trial"
control = "nobody"
assignment = { rule = "random_share", share = 0.5 }
[[actors]]
name = "rest"
)"));
  const auto refused = test::run_cli("validate " + bad);
  CHECK(refused.status == 2);
  CHECK(refused.output.find("actors.trial.control: unknown actor 'nobody'") != std::string::npos);
}

TEST_CASE("a sweep's report compares each point with a reference point, replication by replication", "[unit]") {
  // Actor b serves everyone; actor a (a random share of 0) serves nobody and gets no column.
  test::TempDir dir;
  const std::string scenario = dir.write("sweep.toml", test::null_trial());
  const std::string sweep = dir.file("sweep.h5");
  REQUIRE(test::run_cli("sweep " + scenario + " --quiet --replications 8 -o " + sweep +
                        " --set actors.a.assignment.share=0.0 --vary actors.b.job_finding=0.8,1,1.25")
              .status == 0);
  const auto text = test::run_cli("report " + sweep + " --reference 2");
  INFO(text.output);
  REQUIRE(text.status == 0);
  // Point 2's row says it is the reference; the others carry their difference from it.
  const auto row = [&](const std::string& start) {
    const std::size_t at = text.output.find("\n    " + start);
    REQUIRE(at != std::string::npos);
    return text.output.substr(at + 1, text.output.find('\n', at + 1) - at - 1);
  };
  CHECK(row("2      1  ").ends_with("reference"));
  CHECK(row("1      0.8  ").find("reference") == std::string::npos);
  CHECK(row("3      1.25  ").find("reference") == std::string::npos);
  CHECK(text.output.find("main effect of job_finding for b: 0.8: ") != std::string::npos);
  CHECK(text.output.find("  cost per citizen (DKK, price year not stated)\n") != std::string::npos);
  CHECK(text.output.find("nan") == std::string::npos);
  // b's column and its contrast, and none for the empty arm a.
  CHECK(text.output.find("    point  job_finding  b                       vs point 2\n") != std::string::npos);

  const auto json_run = test::run_cli("report " + sweep + " --reference 2 --format json");
  REQUIRE(json_run.status == 0);
  const auto json = nlohmann::json::parse(json_run.output);
  CHECK(json["reference_point"] == 2);
  const auto& share = json["cohorts"]["stock"]["self_support_share"];
  CHECK_FALSE(share.contains("a"));
  const auto& b = share["b"];
  // With no arm empty in any replication, the mean difference is the difference of the means;
  // the common draws make it far narrower than the points' own spread.
  for (std::size_t p = 0; p < 3; ++p) {
    INFO("point " << p + 1);
    CHECK(b["difference"][p].get<double>() ==
          Approx(b["mean"][p].get<double>() - b["mean"][1].get<double>()).margin(1e-9));
    CHECK(b["difference_lower"][p].get<double>() <= b["difference"][p].get<double>());
    CHECK(b["difference_upper"][p].get<double>() >= b["difference"][p].get<double>());
  }
  CHECK(b["difference"][1].get<double>() == 0.0);
  CHECK(b["difference_lower"][2].get<double>() > 0);  // more job finding, more self-support, surely
  CHECK(b["difference_upper"][2].get<double>() - b["difference_lower"][2].get<double>() <
        b["q95"][2].get<double>() - b["q05"][2].get<double>());

  // An actor the swept keys do not reach has no column either, and the report says why.
  const std::string trial = dir.write("trial.toml", test::null_trial());
  const std::string trial_sweep = dir.file("trial_sweep.h5");
  REQUIRE(test::run_cli("sweep " + trial + " --quiet --replications 4 -o " + trial_sweep +
                        " --vary actors.b.job_finding=1,1.5")
              .status == 0);
  const auto trial_text = test::run_cli("report " + trial_sweep).output;
  INFO(trial_text);
  CHECK(trial_text.find("  a: the same at every point in every replication (the sweep does not reach it)\n") !=
        std::string::npos);
  CHECK(trial_text.find("    point  job_finding  b                       vs point 1\n") != std::string::npos);

  const auto out_of_range = test::run_cli("report " + sweep + " --reference 4");
  CHECK(out_of_range.status == 2);
  CHECK(out_of_range.output.find("the sweep has points 1 to 3") != std::string::npos);
}

TEST_CASE("the run summary names the measurement date as given and the week it falls in", "[unit]") {
  // Weeks start on Mondays from 2020-01-06; 2020-06-03 is a Wednesday, in the week from 2020-06-01.
  test::TempDir dir;
  const std::string scenario = dir.write("dated.toml", test::two_state_scenario(R"(
[[cohorts]]
name = "stock"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-06-03
[[cohorts]]
name = "on_monday"
states = ["cash_benefit"]
at = 2020-01-06
measure_at = 2020-06-01
)"));
  const auto r = test::run_cli("run " + scenario + " --replications 2 -o " + dir.file("out.h5"));
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("cohort stock (stock), measured 2020-06-03 (the state at the start of its week, 2020-06-01)") !=
        std::string::npos);
  CHECK(r.output.find("cohort on_monday (stock), measured 2020-06-01:") != std::string::npos);
}

TEST_CASE("report --format html writes one page with the report's sections, whole or not at all", "[regression]") {
  test::TempDir dir;
  const std::string out = shipped_results(dir, "koege_2008", 2);
  const auto page = test::run_cli("report " + out + " --format html -o " + dir.file("report.html"));
  INFO(page.output);
  REQUIRE(page.status == 0);
  std::ifstream in(dir.file("report.html"));
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("</html>") != std::string::npos);
  // Nothing outside the page: no script, no link, no image to fetch.
  for (const std::string outside : {"<script", "<link", "src=", "url("}) CHECK(html.find(outside) == std::string::npos);
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = html.find(what); at != std::string::npos; at = html.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(count("http") == count("xmlns=\"http://www.w3.org/2000/svg\""));  // SVG's namespace is a name, not fetched
  CHECK(count("<svg") >= 10);
  for (const std::string section : {"Cohorts", "Time on benefit", "Benefit states over time", "Published and simulated",
                                    "Table 6.1: stock_cash, status_share", "Trial statistics", "Manifest"})
    CHECK(html.find(">" + section + "</h") != std::string::npos);
  // Standard output gets the same page.
  const auto printed = test::run_cli("report " + out + " --format html");
  CHECK(printed.status == 0);
  CHECK(printed.output.find("<!DOCTYPE html>") != std::string::npos);
  // -o belongs to the page; a run has no reference point; a folder that is not there is an
  // error that leaves no file.
  CHECK(test::run_cli("report " + out + " -o " + dir.file("r.txt")).status == 2);
  CHECK(test::run_cli("report " + out + " --format html --reference 2").status == 2);
  CHECK(test::run_cli("report " + out + " --format html -o " + out).status == 2);  // would replace its input
  // A destination that cannot be written (a folder) fails, and leaves no temporary file behind.
  std::filesystem::create_directory(dir.file("folder"));
  const auto unwritable = test::run_cli("report " + out + " --format html -o " + dir.file("folder"));
  CHECK(unwritable.status == 1);
  CHECK(unwritable.output.find("folder") != std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(dir.file("")))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("report --format html on a sweep file draws each swept measure against the reference point", "[regression]") {
  test::TempDir dir;
  const std::string sweep = dir.file("sweep.h5");
  const auto run = test::run_cli("sweep " + test::source_path("scenarios/two_actors_shock.toml") + " -o " + sweep +
                                 " --vary actors.jobcenter.immediate_activation.delay_weeks=1,4,8 --replications 2 "
                                 "--quiet");
  INFO(run.output);
  REQUIRE(run.status == 0);
  const auto page = test::run_cli("report " + sweep + " --format html --reference 2");
  REQUIRE(page.status == 0);
  CHECK(page.output.find("2 (reference)") != std::string::npos);
  CHECK(page.output.find("self-support % against point 2") != std::string::npos);
  // The swept key is the x axis, its values the points' places.
  CHECK(page.output.find(">actors.jobcenter.immediate_activation.delay_weeks</text>") != std::string::npos);
  CHECK(test::run_cli("report " + sweep + " --format html --reference 4").status == 2);
}
