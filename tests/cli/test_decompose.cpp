// almpsim decompose: the report of a sweep split by channel, in text and JSON, and its errors.
#include <nlohmann/json.hpp>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
const std::string kKoege = test::source_path("scenarios/koege_2008.toml");
const std::string kSmall =
    kKoege + " --replications 3 --quiet --threads 2" + " --vary programmes.immediate_activation.threat_effect=1.01,2.0";
}  // namespace

TEST_CASE("decompose reports each point against the reference, channel by channel", "[cli]") {
  const auto text = test::run_cli("decompose " + kSmall + " --channels threat,lock_in --cohort inflow_cash");
  INFO(text.output);
  REQUIRE(text.status == 0);
  CHECK(text.output.find("cohort inflow_cash, self-support %, jobcenter") != std::string::npos);
  CHECK(text.output.find("difference      threat          lock_in         other") != std::string::npos);
  CHECK(text.output.find("cohort stock_cash") == std::string::npos);

  const auto json =
      test::run_cli("decompose " + kSmall + " --channels threat --format json --reference 2 --cohort inflow_cash");
  REQUIRE(json.status == 0);
  const auto doc = nlohmann::json::parse(json.output);
  CHECK(doc["reference"] == 2);
  CHECK(doc["channels"] == nlohmann::json::array({"threat"}));
  const auto& rows = doc["cohorts"]["inflow_cash"]["self_support_share"]["actors"]["jobcenter"];
  REQUIRE(rows.size() == 2);
  // Point 1 (next to no threat: at exactly 1 the threat's rise would shape nothing and is
  // refused) against point 2 (a threat of 2): the threat is the whole difference, and the
  // parts add up to it.
  const auto& row = rows[0];
  CHECK(row["difference"]["mean"].get<double>() < 0.0);
  CHECK(row["channels"]["threat"]["mean"] == row["difference"]["mean"]);
  const double parts = row["channels"]["threat"]["mean"].get<double>() + row["other"]["mean"].get<double>() +
                       row["interaction"]["mean"].get<double>();
  CHECK(parts == Approx(row["difference"]["mean"].get<double>()).margin(1e-12));
}

TEST_CASE("decompose names a bad channel, measure, reference or cohort and exits 2", "[cli]") {
  const struct {
    std::string option, message;
  } cases[] = {
      {"--channels threat,luck", "--channels:2: luck: unknown channel; the channels are threat, lock_in"},
      {"--measures status", "has more than one number per actor"},
      {"--reference 3", "no such point: the sweep has points 1 to 2"},
      {"--cohort nobody", "no cohort of that name"},
  };
  for (const auto& c : cases) {
    const auto r = test::run_cli("decompose " + kSmall + " " + c.option);
    INFO(r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(c.message) != std::string::npos);
  }
}
