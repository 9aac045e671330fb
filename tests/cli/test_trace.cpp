// almpsim trace: a few citizens' weeks and meetings as text, JSON and HTML, and the ids it refuses.
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

TEST_CASE("trace prints the weeks of the citizens asked for, and refuses ids the run lacks", "[unit]") {
  const std::string scenario = test::source_path("scenarios/two_actors_shock.toml");
  const std::string small = " --set population.size=1500";
  const auto text = test::run_cli("trace " + scenario + small + " --citizen 3 --sample 2");
  INFO(text.output);
  REQUIRE(text.status == 0);
  CHECK(text.output.find("\ncitizen 3: ") != std::string::npos);
  CHECK(text.output.find("  week    0  ") != std::string::npos);

  const auto json_run = test::run_cli("trace " + scenario + small + " --citizen 3 --citizen 700 --format json");
  REQUIRE(json_run.status == 0);
  const auto doc = nlohmann::json::parse(json_run.output);
  CHECK(doc["scenario"] == "two_actors_shock");
  CHECK(doc["replication"] == 0);
  const auto& json = doc["citizens"];
  REQUIRE(json.size() == 2);
  CHECK(json[0]["citizen"] == 3);
  CHECK(json[1]["citizen"] == 700);
  CHECK(json[0]["weeks"].size() == 80);  // one entry per reported week: the scenario has 80
  CHECK(json[0]["weeks"][0]["week"] == "2008-04-01");
  // A week with no meeting yet, or no programme, says so with null, not with a date; over 20
  // more citizens some have met a caseworker, and their dates are real ones.
  const auto sampled = nlohmann::json::parse(
      test::run_cli("trace " + scenario + small + " --sample 20 --format json").output)["citizens"];
  int dated = 0;
  for (const auto& citizen : sampled)
    for (const auto& week : citizen["weeks"])
      if (!week["last_met"].is_null()) {
        CHECK(week["last_met"].get<std::string>() >= "2006-01-01");
        ++dated;
      }
  CHECK(dated > 0);

  const auto missing = test::run_cli("trace " + scenario + small + " --citizen 99999999");
  CHECK(missing.status == 2);
  CHECK(missing.output.find("citizen 99999999 is not in this run") != std::string::npos);
  const auto none = test::run_cli("trace " + scenario + small);
  CHECK(none.status == 2);
  CHECK(none.output.find("--citizen ID or --sample N") != std::string::npos);
}

TEST_CASE("trace gives each meeting with the draws that decided it, in agreement with the weeks", "[unit]") {
  // Køge's actors sanction no-shows, and some sanctions end the spell: over 60 citizens all
  // kinds of meeting occur.
  const auto run =
      test::run_cli("trace " + test::source_path("scenarios/koege_2008.toml") + " --sample 60 --format json");
  REQUIRE(run.status == 0);
  int attended = 0, missed = 0, sanctioned = 0;
  const auto doc = nlohmann::json::parse(run.output);
  for (const auto& citizen : doc["citizens"]) {
    const auto& weeks = citizen["weeks"];
    const std::string last = weeks.back()["week"];
    int attended_before_last = 0;
    for (const auto& m : citizen["meetings"]) {
      // The rule: a draw below the chance makes the event happen.
      CHECK(m["attended"] == (m["no_show_draw"].get<double>() >= m["no_show_chance"].get<double>()));
      if (!m["attended"]) {
        CHECK(m["sanctioned"] == (m["sanction_draw"].get<double>() < m["sanction_chance"].get<double>()));
        if (m["sanctioned"])
          CHECK(m["benefit_ended"] == (m["exit_draw"].get<double>() < m["exit_chance"].get<double>()));
      }
      attended += m["attended"].get<bool>();
      missed += !m["attended"].get<bool>();
      sanctioned += m["sanctioned"].get<bool>();
      attended_before_last += m["attended"].get<bool>() && m["week"].get<std::string>() < last;
    }
    // The meetings attended are the ones the weeks count (a meeting in the last week counts after it).
    CHECK(attended_before_last == weeks.back()["meetings"].get<int>() - weeks.front()["meetings"].get<int>());
  }
  CHECK(attended > 50);
  CHECK(missed > 0);
  CHECK(sanctioned > 0);
}

TEST_CASE("trace --format html draws a timeline per citizen, and -o belongs to the page", "[unit]") {
  test::TempDir dir;
  const std::string scenario = test::source_path("scenarios/koege_2008.toml");
  const auto page =
      test::run_cli("trace " + scenario + " --citizen 1730 --citizen 2879 --format html -o " + dir.file("story.html"));
  INFO(page.output);
  REQUIRE(page.status == 0);
  std::ifstream in(dir.file("story.html"));
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(html.find(">Citizen 1730</h2>") != std::string::npos);
  CHECK(html.find(">Citizen 2879</h2>") != std::string::npos);
  CHECK(html.find("class=\"chart timeline\"") != std::string::npos);
  CHECK(html.find("class=\"span\"") != std::string::npos);
  CHECK(html.find("meeting: attended") != std::string::npos);
  CHECK(test::run_cli("trace " + scenario + " --citizen 1 -o " + dir.file("t.txt")).status == 2);
}
