// almpsim compare: two runs of a shipped scenario with the same seed, in every format, and the
// refusals of files that do not pair.
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/catch.hpp"
#include "support/fixtures.hpp"

using namespace almpsim;

namespace {
std::string run_two_actors(const test::TempDir& dir, const std::string& name, const std::string& extra) {
  const std::string out = dir.file(name + ".h5");
  const auto r = test::run_cli("run " + test::source_path("scenarios/two_actors_shock.toml") + " -o " + out +
                               " --replications 6 --threads 2 --quiet --set population.size=3000 " + extra);
  INFO(r.output);
  REQUIRE(r.status == 0);
  return out;
}
}  // namespace

TEST_CASE("compare pairs two runs by replication and prints text, JSON and CSV", "[regression]") {
  test::TempDir dir;
  const std::string base = run_two_actors(dir, "base", "");
  const std::string variant = run_two_actors(dir, "variant", "--set actors.agens.job_finding=1.5");

  const auto text = test::run_cli("compare " + base + " " + variant);
  INFO(text.output);
  CHECK(text.status == 0);
  CHECK(text.output.find("6 paired replications") != std::string::npos);
  CHECK(text.output.find("self_support_share (percent)") != std::string::npos);

  const auto json_run = test::run_cli("compare " + base + " " + variant + " --format json");
  REQUIRE(json_run.status == 0);
  const auto json = nlohmann::json::parse(json_run.output);
  CHECK(json["replications"] == 6);
  // The provider's better job finding raises its own self-support share, for certain at this
  // size; the difference is the variant's mean less the base's.
  bool provider_row = false;
  for (const auto& row : json["rows"]) {
    CHECK(row["difference"].get<double>() ==
          Approx(row["variant"].get<double>() - row["base"].get<double>()).margin(1e-9));
    if (row["measure"] == "self_support_share" && row["actor"] == "agens") {
      provider_row = true;
      CHECK(row["lower"].get<double>() > 0);
      CHECK(row["unit"] == "percent");
    }
  }
  CHECK(provider_row);

  const auto csv = test::run_cli("compare " + base + " " + variant + " --format csv");
  REQUIRE(csv.status == 0);
  std::istringstream lines(csv.output);
  std::string header;
  std::getline(lines, header);
  CHECK(header ==
        "cohort,actor,measure,unit,base,variant,difference,lower,upper,unpaired_half_width,replications,identical");
  std::size_t rows = 0;
  for (std::string line; std::getline(lines, line);) rows += !line.empty();
  CHECK(rows == json["rows"].size());
}

TEST_CASE("compare refuses runs with different seeds and sweep files, with exit status 2", "[regression]") {
  test::TempDir dir;
  const std::string base = run_two_actors(dir, "base", "");
  const std::string other_seed = run_two_actors(dir, "other", "--seed 99");
  const auto r = test::run_cli("compare " + base + " " + other_seed);
  CHECK(r.status == 2);
  CHECK(r.output.find("different seeds") != std::string::npos);
  CHECK(r.output.find("--seed") != std::string::npos);

  const std::string sweep = dir.file("sweep.h5");
  const auto s = test::run_cli("sweep " + test::source_path("scenarios/two_actors_shock.toml") + " -o " + sweep +
                               " --vary actors.agens.job_finding=1,1.5 --replications 2 --quiet "
                               "--set population.size=500");
  INFO(s.output);
  REQUIRE(s.status == 0);
  const auto refused = test::run_cli("compare " + sweep + " " + base);
  CHECK(refused.status == 2);
  CHECK(refused.output.find("is a sweep file") != std::string::npos);
  const auto missing = test::run_cli("compare " + base + " " + dir.file("none.h5"));
  CHECK(missing.status == 2);
  CHECK(missing.output.find("none.h5: no such file") != std::string::npos);
}
