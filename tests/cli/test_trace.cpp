// almpsim trace: a few citizens' weeks as text and JSON, and the ids it refuses.
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
