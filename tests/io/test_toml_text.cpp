// The resolved scenario as TOML: shortest numbers, quoted keys where needed, and a text that
// reads back to the same scenario.
#include "toml_text.hpp"

#include <filesystem>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
/// Notes go to standard error, which run_cli folds in first; a user's `> file` leaves them out.
std::string without_notes(std::string text) {
  while (text.rfind("note: ", 0) == 0) text.erase(0, text.find('\n') + 1);
  return text;
}
}  // namespace

TEST_CASE("numbers are written in their shortest form that reads back the same", "[unit]") {
  const toml::table t = toml::parse("a = 0.1\nb = 3.0\nc = 0.30000000000000004\nd = 1e300\ne = -2.5");
  CHECK(io::inline_toml(*t.get("a")) == "0.1");
  CHECK(io::inline_toml(*t.get("b")) == "3.0");
  CHECK(io::inline_toml(*t.get("c")) == "0.30000000000000004");
  CHECK(io::inline_toml(*t.get("d")) == "1e+300");
  CHECK(io::inline_toml(*t.get("e")) == "-2.5");
  // Whole digits in full, not 1e+01.
  const toml::table whole = toml::parse("a = 10.0\nb = 1500.0\nc = 120000.5\nd = 1e16");
  CHECK(io::inline_toml(*whole.get("a")) == "10.0");
  CHECK(io::inline_toml(*whole.get("b")) == "1500.0");
  CHECK(io::inline_toml(*whole.get("c")) == "120000.5");
  CHECK(io::inline_toml(*whole.get("d")) == "1e+16");
}

TEST_CASE("keys that are not bare are quoted, in inline tables too", "[unit]") {
  const toml::table t = toml::parse(R"(log_effects = { "sex:male" = 0.15, age = 1 })");
  CHECK(io::key_text("sex:male") == "'sex:male'");
  CHECK(io::key_text("cash_benefit") == "cash_benefit");
  CHECK(io::inline_toml(*t.get("log_effects")) == "{ age = 1, 'sex:male' = 0.15 }");
}

TEST_CASE("a document's text parses back to the same document", "[unit]") {
  const toml::table t = toml::parse(R"(
name = "x"
[hazards.cash_benefit.self_support]
baseline = [0.1, 0.2]
log_effects = { "sex:male" = 0.15 }
[[actors]]
name = "a"
sanctions = { no_show = 0.05 }
[actors.ramp_up]
from = 0.5
[[actors]]
name = "b"
)");
  const std::string text = io::document_text(t);
  CHECK(text.find("[hazards.cash_benefit.self_support]") != std::string::npos);
  CHECK(text.find("[hazards]\n") == std::string::npos);  // no header for a table of tables
  CHECK(toml::parse(text) == t);
}

TEST_CASE("validate --print gives each shipped scenario as a file that validates to the same text", "[unit]") {
  test::TempDir dir;
  // targets.file is relative to the scenario, so the copy gets the published tables beside it.
  std::filesystem::create_directory(dir.file("data"));
  for (const auto& published : std::filesystem::directory_iterator(test::source_path("scenarios/data")))
    if (published.path().extension() == ".csv")
      std::filesystem::copy_file(published.path(), dir.file("data/" + published.path().filename().string()));
  for (const char* name :
       {"koege_2008", "two_actors_shock", "reference_markov", "straksaktivering_sweep", "sick_listed_2009",
        "copenhagen_outreach", "flexjob_placement", "paa_rette_vej", "koege_contract"}) {
    INFO(name);
    auto printed =
        test::run_cli(std::string("validate --print ") + test::source_path("scenarios/" + std::string(name) + ".toml"));
    REQUIRE(printed.status == 0);
    printed.output = without_notes(printed.output);
    CHECK(printed.output.find("0.10000000000000001") == std::string::npos);
    // The printed scenario stands alone: it names no parent and reads back to itself.
    CHECK(printed.output.find("extends") == std::string::npos);
    const std::string copy = dir.write(std::string(name) + ".toml", printed.output);
    auto again = test::run_cli("validate --print " + copy);
    REQUIRE(again.status == 0);
    CHECK(without_notes(again.output) == printed.output);
  }
}

TEST_CASE("validate says when an override of an actor also reaches an actor that extends it", "[unit]") {
  const std::string scenario = test::source_path("scenarios/two_actors_shock.toml");
  const auto reaches = test::run_cli("validate " + scenario + " --set actors.jobcenter.first_meeting_weeks=3");
  CHECK(reaches.status == 0);
  CHECK(reaches.output.find("note: --set:1: actors.jobcenter.first_meeting_weeks also reaches actor 'agens'") !=
        std::string::npos);
  // agens sets its own sanctions, so an override of the job centre's stays there.
  const auto own = test::run_cli("validate " + scenario + " --set actors.jobcenter.sanctions.no_show=0.2");
  CHECK(own.status == 0);
  CHECK(own.output.find("note:") == std::string::npos);
}

TEST_CASE("a variant file that changes an actor another actor extends says so, as an override does", "[unit]") {
  test::TempDir dir;
  const std::string base = test::source_path("scenarios/two_actors_shock.toml");
  const std::string variant = dir.write("variant.toml", "extends = \"" + base + R"("
[[actors]]
name = "jobcenter"
first_meeting_weeks = 3
sanctions = { no_show = 0.2 }
)");
  const auto reaches = test::run_cli("validate " + variant);
  CHECK(reaches.status == 0);
  CHECK(reaches.output.find("note: " + variant +
                            ":4: actors.jobcenter.first_meeting_weeks also reaches actor 'agens', which extends "
                            "'jobcenter'") != std::string::npos);
  // agens sets its own sanctions: the job centre's stay its own, and nothing is said.
  CHECK(reaches.output.find("sanctions.no_show also reaches") == std::string::npos);
  // A fitted file (written by calibrate) sets the keys its scenario declared free: the shipped
  // Køge fit reaches the provider through `extends` by design, and says nothing.
  const auto fitted = test::run_cli("validate " + test::source_path("scenarios/koege_2008.toml"));
  CHECK(fitted.output.find("also reaches") == std::string::npos);
}

TEST_CASE("validate says when the stock is split by birth day and no actor is assigned by it", "[unit]") {
  // The sweep replaces Køge's birth-day split with one actor, and cannot remove the share.
  const auto sweep = test::run_cli("validate " + test::source_path("scenarios/straksaktivering_sweep.toml"));
  CHECK(sweep.status == 0);
  CHECK(sweep.output.find("population.odd_birth_day_share splits the stock by birth day, and no actor is assigned "
                          "by birth day, so it changes nothing here") != std::string::npos);
  const auto koege = test::run_cli("validate " + test::source_path("scenarios/koege_2008.toml"));
  CHECK(koege.status == 0);
  CHECK(koege.output.find("note:") == std::string::npos);
}
