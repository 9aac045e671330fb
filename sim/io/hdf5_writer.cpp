#include <hdf5.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <utility>

#include "almpsim/costs.hpp"
#include "almpsim/measures.hpp"
#include "almpsim/output.hpp"
#include "almpsim/stats.hpp"
#include "hdf5_dimension_scales.hpp"
#include "hdf5_handles.hpp"
#include "hdf5_register.hpp"

namespace almpsim {

using namespace io::h5;

namespace {

// The temporary file to remove if the process is interrupted; one output per process.
char g_pending_temporary[4096] = {0};
// What to tell the user then (only async-signal-safe calls may print it).
char g_interrupt_note[4096] = {0};

extern "C" void remove_pending_and_exit(int sig) {
  if (g_pending_temporary[0] != '\0') ::unlink(g_pending_temporary);
  if (g_interrupt_note[0] != '\0') {
    const ssize_t written = ::write(STDERR_FILENO, g_interrupt_note, std::strlen(g_interrupt_note));
    (void)written;  // nothing more can be done about a failed write here
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

/// Writes mean, sd, q05, q50, q95 over replications of a per-replication array of size `cell_count`.
void write_summary(hid_t loc, const std::string& name, const std::vector<hsize_t>& dims,
                   const std::function<double(std::size_t rep, std::size_t cell)>& value, std::size_t reps,
                   const std::string& axes) {
  std::size_t cells = 1;
  for (hsize_t d : dims) cells *= d;
  std::vector<double> mean(cells), sd(cells), q05(cells), q50(cells), q95(cells), sample(reps);
  for (std::size_t c = 0; c < cells; ++c) {
    for (std::size_t r = 0; r < reps; ++r) sample[r] = value(r, c);
    const Summary s = summarise(sample);
    mean[c] = s.mean, sd[c] = s.sd, q05[c] = s.q05, q50[c] = s.q50, q95[c] = s.q95;
  }
  Handle g = group(loc, name);
  write_array(g, "mean", dims, mean.data(), axes);
  write_array(g, "sd", dims, sd.data(), axes);
  write_array(g, "q05", dims, q05.data(), axes);
  write_array(g, "q50", dims, q50.data(), axes);
  write_array(g, "q95", dims, q95.data(), axes);
}

template <class T, class Get>
void write_per_replication(hid_t data_loc, hid_t summary_loc, const std::string& name, std::vector<hsize_t> dims,
                           std::size_t reps, Get get, const std::string& axes) {
  std::size_t cells = 1;
  for (hsize_t d : dims) cells *= d;
  std::vector<T> all;
  all.reserve(cells * reps);
  for (std::size_t r = 0; r < reps; ++r) {
    const std::vector<T>& v = get(r);
    all.insert(all.end(), v.begin(), v.end());
  }
  std::vector<hsize_t> full{reps};
  full.insert(full.end(), dims.begin(), dims.end());
  write_array(data_loc, name, full, all.data(), "replication," + axes);
  write_summary(
      summary_loc, name, dims, [&](std::size_t r, std::size_t c) { return double(all[r * cells + c]); }, reps, axes);
}

void write_register(hid_t file, const std::vector<ReplicationResult>& reps) {
  Handle g = group(file, "register");
  std::vector<SpellRecord> rows;
  for (std::size_t r = 0; r < reps.size(); ++r)
    for (const Spell& s : reps[r].spells) {
      // Zeroed whole, padding included, so that the same results give the same file bytes.
      SpellRecord row;
      std::memset(&row, 0, sizeof row);
      row.citizen = s.citizen;
      row.replication = static_cast<std::uint32_t>(r);
      row.actor = s.actor;
      row.state = s.state;
      row.activity = s.activity;
      row.first_week = s.first_week;
      row.last_week = s.last_week;
      rows.push_back(row);
    }
  Handle type = spell_type(false);
  const hsize_t n = rows.size();
  Handle set = create_spells(g, n, false);
  if (n > 0) check(H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()), "spells");
  set_text_attribute(set, "description", kSpellsDescription);
}

}  // namespace

void set_interrupt_note(const std::string& note) {
  const std::string line = note.empty() ? "" : "\n" + note + "\n";
  std::snprintf(g_interrupt_note, sizeof g_interrupt_note, "%s", line.c_str());
  if (note.empty()) return;
  // For the rest of the process: the note is for the whole of a long command.
  struct sigaction say {};
  say.sa_handler = remove_pending_and_exit;
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &say, nullptr);
}

void skip_hdf5_cleanup_at_exit() {
  H5dont_atexit();
}

OutputTarget::OutputTarget(std::string destination) : destination_(std::move(destination)) {
  namespace fs = std::filesystem;
  const fs::path dest(destination_);
  const fs::path dir = dest.has_parent_path() ? dest.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw OutputError("cannot write " + destination_ + ": directory " + dir.string() + " does not exist");
  if (fs::is_directory(dest, ec)) throw OutputError("cannot write " + destination_ + ": it is a directory");
  temporary_ = (dir / ("." + dest.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
  if (temporary_.size() >= sizeof g_pending_temporary) throw OutputError("output path too long: " + destination_);
  // Known to the handlers before it exists, so that no signal can leave it behind.
  std::strcpy(g_pending_temporary, temporary_.c_str());
  std::ofstream probe(temporary_, std::ios::binary | std::ios::trunc);
  if (!probe) {
    g_pending_temporary[0] = '\0';
    throw OutputError("cannot write " + destination_ + ": " + std::strerror(errno));
  }
  // Past a file-size limit a write fails with EFBIG, reported as an error like a full disk,
  // instead of the signal killing the process with its temporary file left behind. The
  // process's own handlers (a Python interpreter's) come back when the target is done.
  struct sigaction remove {
  }, ignore{};
  remove.sa_handler = remove_pending_and_exit;
  ignore.sa_handler = SIG_IGN;
  for (std::size_t k = 0; k < kHandledSignals.size(); ++k)
    ::sigaction(kHandledSignals[k], kHandledSignals[k] == SIGXFSZ ? &ignore : &remove, &previous_[k]);
  errno = 0;  // a write failure's reason is read from errno
}

OutputTarget::~OutputTarget() {
  if (!committed_) std::remove(temporary_.c_str());
  g_pending_temporary[0] = '\0';
  for (std::size_t k = 0; k < kHandledSignals.size(); ++k) ::sigaction(kHandledSignals[k], &previous_[k], nullptr);
}

void OutputTarget::commit() {
  if (std::rename(temporary_.c_str(), destination_.c_str()) != 0)
    throw OutputError("cannot move the results into " + destination_ + ": " + std::strerror(errno));
  committed_ = true;
  g_pending_temporary[0] = '\0';
}

void write_results(const OutputTarget& target, const Params& params, const RunMetadata& meta,
                   const std::vector<ReplicationResult>& reps) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // errors become OutputError, not stack dumps
  Handle fcpl = file_creation();
  Handle fapl = file_access();
  Handle file(H5Fcreate(target.temporary().c_str(), H5F_ACC_TRUNC, fcpl, fapl), H5Fclose, "file " + target.temporary());
  const std::size_t n_reps = reps.size();
  const auto weeks = static_cast<hsize_t>(params.calendar.weeks);
  const auto actors = static_cast<hsize_t>(params.actor_count());

  {
    Handle g = group(file, "meta");
    write_text(g, "version", meta.version);
    write_text(g, "command_line", meta.command_line);
    write_text(g, "scenario_file", meta.scenario_file);
    write_text(g, "scenario", meta.resolved_scenario);
    write_text(g, "scenario_name", params.name);
    write_scalar<std::uint64_t>(g, "seed", meta.seed);
    write_scalar<std::int32_t>(g, "replications", static_cast<std::int32_t>(n_reps));
    write_scalar<std::int32_t>(g, "burn_in_weeks", params.calendar.burn_in);
    write_text(g, "currency", params.currency);
    if (params.price_year) write_scalar<std::int32_t>(g, "price_year", *params.price_year);
  }
  {
    Handle g = group(file, "axes");
    write_strings(g, "states", {kStateNames.begin(), kStateNames.end()});
    write_strings(g, "activities", {kActivityNames.begin(), kActivityNames.end()});
    write_strings(g, "accounts", {kCostAccountNames.begin(), kCostAccountNames.end()});
    std::vector<std::string> week_dates;
    for (Week w = 0; w < params.calendar.weeks; ++w) week_dates.push_back(params.calendar.date_of(w).iso());
    write_strings(g, "actors", params.actor_names());
    write_strings(g, "controls", params.actor_controls());
    write_strings(g, "weeks", week_dates);
    write_strings(g, "match_groups", params.attributes.match_group_names);
    write_strings(g, "areas", params.attributes.area_names);
    write_strings(g, "cohorts", params.cohort_names());
    // Numbered axes, so that every dimension has a scale (hdf5_dimension_scales).
    std::vector<std::int32_t> numbers(n_reps);
    for (std::size_t r = 0; r < n_reps; ++r) numbers[r] = static_cast<std::int32_t>(r);
    write_array(g, "replications", {static_cast<hsize_t>(n_reps)}, numbers.data(), "");
    int longest = 0;  // weeks 0 to survival_weeks of the longest curve
    for (const CohortSpec& c : params.cohorts) longest = std::max(longest, c.survival_weeks + 1);
    numbers.resize(static_cast<std::size_t>(longest));
    for (int w = 0; w < longest; ++w) numbers[static_cast<std::size_t>(w)] = w;
    write_array(g, "weeks_since_entry", {static_cast<hsize_t>(longest)}, numbers.data(), "");
  }
  Handle summary = group(file, "summary");
  {
    Handle g = group(file, "timeseries");
    Handle s = group(summary, "timeseries");
    auto ints = [&](const std::string& name, std::vector<hsize_t> dims, auto member, const std::string& axes) {
      write_per_replication<std::int32_t>(
          g, s, name, dims, n_reps, [&](std::size_t r) -> const std::vector<std::int32_t>& { return reps[r].*member; },
          axes);
    };
    ints("occupancy", {weeks, actors, kStates}, &ReplicationResult::occupancy, "week,actor,state");
    ints("entries", {weeks, actors, kStates}, &ReplicationResult::entries, "week,actor,state");
    ints("exits", {weeks, actors, kStates}, &ReplicationResult::exits, "week,actor,state");
    ints("activity_occupancy", {weeks, actors, kActivities}, &ReplicationResult::activity_occupancy,
         "week,actor,activity");
    ints("meetings_held", {weeks, actors}, &ReplicationResult::meetings_held, "week,actor");
    ints("meetings_overdue", {weeks, actors}, &ReplicationResult::meetings_overdue, "week,actor");
    ints("waiting_for_place", {weeks, actors, kActivities}, &ReplicationResult::waiting_for_place,
         "week,actor,activity");
    ints("moved_to_self_support", {weeks, actors}, &ReplicationResult::moved_to_self_support, "week,actor");
    write_per_replication<double>(
        g, s, "costs", {weeks, actors}, n_reps,
        [&](std::size_t r) -> const std::vector<double>& { return reps[r].costs; }, "week,actor");
    write_per_replication<double>(
        g, s, "cost_accounts", {weeks, actors, kCostAccounts}, n_reps,
        [&](std::size_t r) -> const std::vector<double>& { return reps[r].cost_accounts; }, "week,actor,account");
    std::vector<double> caseworkers;
    for (Week w = 0; w < params.calendar.weeks; ++w)
      for (const ActorSpec& a : params.actors)
        for (int st = 0; st < kStates; ++st) {
          const WeekSeries& cw = a.caseworkers[static_cast<std::size_t>(st)];
          caseworkers.push_back(cw.empty() ? 0.0 : cw[static_cast<std::size_t>(params.calendar.slot(w))]);
        }
    write_array(g, "caseworkers", {weeks, actors, kStates}, caseworkers.data(), "week,actor,state");
  }
  {
    // What each replication drew for the actors whose effect differs from site to site.
    Handle g = group(file, "sites");
    Handle s = group(summary, "sites");
    write_per_replication<double>(
        g, s, "job_finding_multiplier", {actors}, n_reps,
        [&](std::size_t r) -> const std::vector<double>& { return reps[r].job_finding_multiplier; }, "actor");
    write_per_replication<double>(
        g, s, "area_job_finding_multiplier", {params.attributes.area_names.size()}, n_reps,
        [&](std::size_t r) -> const std::vector<double>& { return reps[r].area_job_finding_multiplier; }, "area");
  }
  {
    Handle g = group(file, "cohorts");
    Handle s = group(summary, "cohorts");
    for (std::size_t c = 0; c < params.cohorts.size(); ++c) {
      const CohortSpec& spec = params.cohorts[c];
      Handle cg = group(g, spec.name);
      Handle cs = group(s, spec.name);
      std::string states;
      for (int k = 0; k < kStates; ++k)
        if (spec.states[static_cast<std::size_t>(k)])
          states += (states.empty() ? "" : ",") + std::string(kStateNames[static_cast<std::size_t>(k)]);
      set_text_attribute(cg, "kind", std::string(name_of(spec.kind)));
      set_text_attribute(cg, "states", states);
      set_text_attribute(cg, "measure_at", spec.measure_date.value_or(params.calendar.date_of(spec.measure_at)).iso());
      set_text_attribute(cg, "measure_week_start", params.calendar.date_of(spec.measure_at).iso());
      if (spec.kind == CohortSpec::Kind::stock) {
        set_text_attribute(cg, "at", params.calendar.date_of(spec.at).iso());
      } else {
        set_text_attribute(cg, "from", params.calendar.date_of(spec.from).iso());
        set_text_attribute(cg, "to", params.calendar.date_of(spec.to).iso());
      }
      for (const CohortMeasure& m : cohort_measures()) {
        std::vector<hsize_t> dims;
        for (std::size_t extent : measure_extents(m, actors, spec.survival_weeks)) dims.push_back(extent);
        write_per_replication<double>(
            cg, cs, std::string(m.name), dims, n_reps,
            [&](std::size_t r) -> const std::vector<double>& { return reps[r].cohorts[c].*m.field; }, measure_axes(m));
      }
    }
  }
  if (params.run.register_spells) write_register(file, reps);
  if (!meta.targets_csv.empty()) {
    Handle g = group(file, "targets");
    write_text(g, "csv", meta.targets_csv);
    write_text(g, "file", meta.targets_file);
  }
  attach_dimension_scales(file);
  if (H5Fflush(file, H5F_SCOPE_GLOBAL) < 0)
    throw OutputError("HDF5: cannot flush " + target.temporary() + write_failure_reason());
}

}  // namespace almpsim
