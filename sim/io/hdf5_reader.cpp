// Reading back what write_results wrote, for reports.
#include <hdf5.h>
#include <cmath>

#include "almpsim/costs.hpp"
#include "almpsim/measures.hpp"
#include "almpsim/output.hpp"
#include "hdf5_reader.hpp"

namespace almpsim {

namespace {

using io::h5::Reader;

/// "DKK, 2009 prices" as the results state them (costs.hpp's money_unit from the parameters);
/// files written before the currency was stated say so.
std::string money_unit_of(const Reader& in) {
  if (!in.exists("/meta/currency")) return "currency not stated";
  std::vector<hsize_t> dims;
  std::optional<int> price_year;
  if (in.exists("/meta/price_year")) price_year = static_cast<int>(in.doubles("/meta/price_year", dims).at(0));
  return money_unit(in.text("/meta/currency"), price_year);
}

/// Measures indexed by state are read by this program's state order: a file with other states
/// (written by an earlier version) would be read into the wrong places.
void require_this_programs_states(const Reader& in, const std::string& path) {
  const std::vector<std::string> stored = in.strings("/axes/states");
  if (stored != std::vector<std::string>(kStateNames.begin(), kStateNames.end()))
    throw OutputError(path + ": written with " + std::to_string(stored.size()) + " benefit states, this program has " +
                      std::to_string(kStates) + "; run the scenario again to read it");
}

}  // namespace

StoredRun read_run(const std::string& path) {
  const Reader in(path);
  require_this_programs_states(in, path);
  StoredRun run;
  run.scenario_name = in.text("/meta/scenario_name");
  run.seed = in.unsigned_scalar("/meta/seed");
  run.currency = in.exists("/meta/currency") ? in.text("/meta/currency") : "";
  run.money_unit = money_unit_of(in);
  run.actors = in.strings("/axes/actors");
  // Files written before arms named their controls compare every arm with the first actor.
  run.controls =
      in.exists("/axes/controls") ? in.strings("/axes/controls") : std::vector<std::string>(run.actors.size());
  run.cohort_names = in.strings("/axes/cohorts");
  std::vector<hsize_t> dims;
  run.replications = static_cast<int>(in.doubles("/meta/replications", dims).at(0));
  const auto reps = static_cast<std::size_t>(run.replications);
  run.cohorts.assign(reps, std::vector<CohortOutcome>(run.cohort_names.size()));
  for (std::size_t c = 0; c < run.cohort_names.size(); ++c) {
    const std::string group = "/cohorts/" + run.cohort_names[c];
    run.cohort_kinds.push_back(in.attribute(group, "kind"));
    // As `run` prints it: the date given, and the first day of its week where that differs.
    const std::string given = in.attribute(group, "measure_at");
    const auto given_date = Date::parse(given);
    const auto week_start = in.has_attribute(group, "measure_week_start")
                                ? Date::parse(in.attribute(group, "measure_week_start"))
                                : given_date;
    run.measure_dates.push_back(given_date && week_start ? measured_text(*given_date, *week_start) : given);
    for (const CohortMeasure& m : cohort_measures()) {
      const std::string name = group + "/" + std::string(m.name);
      // A file written before a per-actor measure existed reads it as NaN (not measured).
      if (!in.exists(name) && m.axes.empty()) {
        for (std::size_t r = 0; r < reps; ++r) run.cohorts[r][c].*m.field = std::vector<double>(run.actors.size(), NAN);
        continue;
      }
      const auto all = in.doubles(name, dims);
      if (dims.size() != m.axes.size() + 2 || dims[0] != reps || dims[1] != run.actors.size())
        throw OutputError(path + ": " + name + " has the wrong shape");
      const std::size_t per = all.size() / reps;
      for (std::size_t r = 0; r < reps; ++r)
        run.cohorts[r][c].*m.field = std::vector<double>(all.begin() + static_cast<std::ptrdiff_t>(r * per),
                                                         all.begin() + static_cast<std::ptrdiff_t>((r + 1) * per));
    }
  }
  if (in.exists("/targets")) {
    run.targets_csv = in.text("/targets/csv");
    run.targets_file = in.text("/targets/file");
  }
  return run;
}

std::string stored_scenario(const std::string& path) {
  try {
    const Reader in(path);
    return in.text("/meta/scenario");
  } catch (const OutputError&) {
    return "";
  }
}

bool stored_register(const std::string& path) {
  try {
    const Reader in(path);
    return (in.exists("/register") && in.exists("/register/spells")) ||
           (in.exists("/sweep/register") && in.exists("/sweep/register/spells"));
  } catch (const OutputError&) {
    return false;
  }
}

std::vector<std::string> stored_sweep_scenarios(const std::string& path) {
  try {
    const Reader in(path);
    return in.strings("/sweep/points/scenarios");
  } catch (const OutputError&) {
    return {};
  }
}

bool is_sweep_file(const std::string& path) {
  const Reader in(path);
  return in.exists("/sweep");
}

StoredSweep read_sweep(const std::string& path, const std::vector<std::string>& measures) {
  const Reader in(path);
  require_this_programs_states(in, path);
  StoredSweep sw;
  sw.scenario_name = in.text("/meta/scenario_name");
  sw.design = in.text("/sweep/points/design");
  sw.money_unit = money_unit_of(in);
  sw.keys = in.strings("/sweep/points/keys");
  sw.actors = in.strings("/axes/actors");
  sw.cohort_names = in.strings("/axes/cohorts");
  std::vector<hsize_t> dims;
  sw.replications = static_cast<int>(in.doubles("/meta/replications", dims).at(0));
  const auto flat = in.strings("/sweep/points/values");
  const auto numbers = in.doubles("/sweep/points/numeric_values", dims);
  const std::size_t k = sw.keys.size();
  if (k == 0 || flat.size() % k != 0) throw OutputError(path + ": /sweep/points has the wrong shape");
  for (std::size_t p = 0; p < flat.size() / k; ++p) {
    sw.values.emplace_back(flat.begin() + static_cast<std::ptrdiff_t>(p * k),
                           flat.begin() + static_cast<std::ptrdiff_t>((p + 1) * k));
    sw.numbers.emplace_back(numbers.begin() + static_cast<std::ptrdiff_t>(p * k),
                            numbers.begin() + static_cast<std::ptrdiff_t>((p + 1) * k));
  }
  for (const std::string& c : sw.cohort_names) {
    std::vector<StoredSweep::Measure> ms;
    for (const std::string& m : measures) {
      const std::string base = "/sweep/summary/cohorts/" + c + "/" + m + "/";
      const std::string all = "/sweep/cohorts/" + c + "/" + m;
      std::vector<double> draws = in.doubles(all, dims);
      if (dims.size() != 3 || dims[0] != sw.values.size() || dims[1] != static_cast<hsize_t>(sw.replications) ||
          dims[2] != sw.actors.size())
        throw OutputError(path + ": " + all + " has the wrong shape");
      ms.push_back({m, in.doubles(base + "mean", dims), in.doubles(base + "q05", dims), in.doubles(base + "q95", dims),
                    std::move(draws)});
    }
    sw.cohorts.push_back(std::move(ms));
  }
  return sw;
}

}  // namespace almpsim
