// The command line itself: unknown commands and what --help tells.
#include "support/catch.hpp"
#include "support/fixtures.hpp"

TEST_CASE("an unknown command is named, with the commands there are", "[unit]") {
  const auto r = almpsim::test::run_cli("rnu scenarios/koege_2008.toml");
  CHECK(r.status == 2);
  CHECK(r.output.find("unknown command 'rnu'; the commands are run, validate, report, compare") != std::string::npos);
}

TEST_CASE("--help shows the defaults of the options that have one", "[unit]") {
  for (const char* command : {"run", "sweep", "calibrate", "decompose", "power"}) {
    INFO(command);
    const auto r = almpsim::test::run_cli(std::string(command) + " --help");
    CHECK(r.status == 0);
    CHECK(r.output.find("--threads INT:INT in [1 - 1024]=1") != std::string::npos);
  }
  CHECK(almpsim::test::run_cli("compare --help").output.find("=text") != std::string::npos);
}
