// Cohorts, and the study around the model: published targets, calibration, sweeps and power.
#include <algorithm>
#include <filesystem>

#include "params_builder.hpp"
#include "scenario_values.hpp"
#include "toml_text.hpp"

namespace almpsim::io {

namespace {
/// [low, high] with low < high (and low > 0 for a scale); reports at `key`.
std::optional<std::pair<double, double>> bounds_of(Reader& r, std::string_view key, bool positive) {
  const schema::Key& row = r.row(key);
  const toml::node* b = r.node(key);
  const auto* bounds = b ? b->as_array() : nullptr;
  std::optional<double> lo, hi;
  if (bounds && bounds->size() == 2) {
    lo = number_of(r.doc(), *bounds->get(0), r.path_of(key), row.lo, row.hi);
    hi = number_of(r.doc(), *bounds->get(1), r.path_of(key), row.lo, row.hi);
  }
  if (!lo || !hi || *lo >= *hi || (positive && *lo <= 0)) return std::nullopt;
  return std::pair{*lo, *hi};
}
/// A free parameter's prior: a mean inside its range, a positive spread and the study it
/// comes from. On a scale factor it is refused: a prior states a value, not a factor.
std::optional<Prior> read_prior(Reader& free, const FreeParameter& fp) {
  Reader r = free.table("prior");
  Prior prior;
  const std::optional<double> mean = r.optional_number("mean"), sd = r.optional_number("sd");
  prior.source = r.string("source", "");
  if (fp.scale) {
    free.fail("prior", "a prior states a value: give the parameter a range, not a scale");
    return std::nullopt;
  }
  if (!mean && !r.has("mean")) r.fail("mean", "missing: the value the evidence points to");
  if (!sd && !r.has("sd")) r.fail("sd", "missing: how far from the mean the evidence allows (one standard deviation)");
  if (mean && (*mean < fp.lower || *mean > fp.upper))
    r.fail("mean", "outside the parameter's range: the fit could never reach the evidence");
  if (prior.source.empty()) r.fail("source", "missing: the study the prior comes from");
  if (!mean || !sd) return std::nullopt;
  prior.mean = *mean;
  prior.sd = *sd;
  return prior;
}

}  // namespace

void ParamsBuilder::read_cohorts() {
  const Calendar& cal = p_.calendar;
  for_each_named_entry("cohorts", "cohort", false, [&](Reader& r, const std::string& name) {
    CohortSpec c;
    c.name = name;
    if (name.find_first_of("/. ") != std::string::npos)
      r.fail("name", "a cohort name cannot contain '/', '.' or spaces");
    const std::string kind = r.choice("kind", "cohort kind");
    c.kind = kind == "inflow"   ? CohortSpec::Kind::inflow
             : kind == "period" ? CohortSpec::Kind::period
                                : CohortSpec::Kind::stock;
    c.states = state_set(r, "states", false);
    if (!r.has("states")) r.fail("states", "missing: the benefit states that define the cohort");
    if (r.has("groups")) {
      c.groups = group_set(r, "groups", p_.attributes);
      if (std::all_of(c.groups.begin(), c.groups.end(), [](bool taken) { return taken; }))
        r.fail("groups", "names every match group, so this would change nothing");
    }
    const auto measure = week_in_run(r, "measure_at", cal, true);
    if (!measure && !r.has("measure_at")) r.fail("measure_at", "missing: the date at which outcomes are measured");
    c.measure_at = measure.value_or(0);
    if (measure) c.measure_date = *r.date("measure_at");
    Week begins = 0;
    if (c.kind == CohortSpec::Kind::stock) {
      const auto at = week_in_run(r, "at", cal, true);
      if (!at && !r.has("at")) r.fail("at", "missing: the date at which the stock is taken");
      c.at = begins = at.value_or(0);
      if (at && measure && *at > *measure) r.fail("at", "the stock is taken after it is measured");
      for (const char* key : {"from", "to"})
        if (r.has(key))
          r.fail(key, "a stock cohort is taken at one date (`at`); windows belong to inflow and period cohorts");
    } else {
      const auto from = week_in_run(r, "from", cal, true);
      const auto to = week_in_run(r, "to", cal, true);
      if (!from && !r.has("from")) r.fail("from", "missing: the first date of the window");
      if (!to && !r.has("to")) r.fail("to", "missing: the last date of the window");
      c.from = begins = from.value_or(0);
      c.to = to.value_or(0);
      if (from && to && *from > *to) r.fail("to", "the window ends before it begins");
      if (to && measure && *to > *measure) r.fail("to", "the window ends after the measurement date");
      if (r.has("at")) r.fail("at", "an " + kind + " cohort has a window (`from`, `to`), not a stock date");
    }
    if (c.kind == CohortSpec::Kind::inflow)
      c.exclude_stock = r.boolean("exclude_stock", true);
    else if (r.has("exclude_stock"))
      r.fail("exclude_stock", "applies to inflow cohorts only");
    c.survival_weeks =
        static_cast<int>(r.optional_integer("survival_weeks").value_or(std::max(1, c.measure_at - begins)));
    p_.cohorts.push_back(std::move(c));
  });
}

void ParamsBuilder::read_targets_file() {
  Reader r = top_.table("targets");
  const std::string file = r.string("file", "");
  if (file.empty()) return;
  const Location at = doc_.locate(r.path_of("file"));
  const std::filesystem::path path = std::filesystem::path(at.file).parent_path() / file;
  if (!std::filesystem::exists(path))
    r.fail("file", "no such file: " + path.string());
  else
    study_.targets_file = path.string();
}

void ParamsBuilder::read_calibration() {
  Reader r = top_.table("calibration");
  CalibrationSpec& c = study_.calibration;
  c.replications = r.integer("replications");
  c.max_evaluations = r.integer("max_evaluations");
  c.algorithm = r.choice("algorithm", "algorithm");
  r.table("result").keys();  // the record of a previous fit: informational
  const toml::node* n = r.node("free");
  if (!n) return;
  const auto* arr = n->as_array();
  if (!arr || !arr->is_array_of_tables()) {
    r.fail("free", "expected [[calibration.free]] tables with key and scale or range");
    return;
  }
  for (std::size_t k = 0; k < arr->size(); ++k) {
    Reader f(doc_, arr->get(k)->as_table(), r.path_of("free") + "." + std::to_string(k));
    FreeParameter fp;
    fp.key = f.string("key", "");
    if (fp.key.empty()) f.fail("key", "missing: the scenario key to fit, e.g. \"inflow.cash_benefit\"");
    if (const auto index = f.optional_integer("index")) fp.index = static_cast<int>(*index);
    const bool scale = f.has("scale"), range = f.has("range");
    if (scale == range) {
      f.fail(scale ? "range" : "scale", "give either scale = [low, high] or range = [low, high]");
      continue;
    }
    fp.scale = scale;
    const auto bounds = bounds_of(f, scale ? "scale" : "range", scale);
    if (!bounds) {
      f.fail(scale ? "scale" : "range", "expected [low, high] with low < high (and low > 0 for a scale)");
      continue;
    }
    fp.lower = bounds->first;
    fp.upper = bounds->second;
    if (f.has("prior")) fp.prior = read_prior(f, fp);
    c.free.push_back(fp);
  }
}

void ParamsBuilder::read_power() {
  Reader r = top_.table("power");
  PowerSpec& pw = study_.power;
  if (auto arms = r.strings("arms", p_.actor_names())) {
    if (arms->size() != 2 || (*arms)[0] == (*arms)[1])
      r.fail("arms", "expected two different actor names");
    else
      pw.arms = *arms;
  }
  pw.cohort = r.string("cohort", "");
  bool known = pw.cohort.empty();
  for (const CohortSpec& c : p_.cohorts) known = known || c.name == pw.cohort;
  if (!known) r.fail("cohort", "no cohort named '" + pw.cohort + "'");
  pw.alpha = r.number("alpha");
  if (const toml::node* n = r.node("sizes")) {
    const schema::Key& row = r.row("sizes");
    const auto* arr = n->as_array();
    if (!arr || arr->empty()) r.fail("sizes", "expected a non-empty array of population factors, e.g. [0.5, 1, 2]");
    if (arr)
      for (const auto& item : *arr)
        if (auto x = number_of(doc_, item, r.path_of("sizes"), row.lo, row.hi)) pw.sizes.push_back(*x);
  }
}

void ParamsBuilder::read_sweep() {
  Reader r = top_.table("sweep");
  SweepSpec& sw = study_.sweep;
  if (r.choice("design", "sweep design") == "latin_hypercube") sw.design = SweepSpec::Design::latin_hypercube;
  const bool lhs = sw.design == SweepSpec::Design::latin_hypercube;
  sw.points = static_cast<int>(r.optional_integer("points").value_or(0));
  if (lhs && !r.has("points")) r.fail("points", "missing: the number of Latin hypercube points");
  if (!lhs && r.has("points")) r.fail("points", "a grid has one point per combination of values; remove points");
  sw.seed = static_cast<std::uint64_t>(r.optional_integer("seed").value_or(1));
  if (!lhs && r.has("seed")) r.fail("seed", "a grid draws nothing; the seed belongs to design = \"latin_hypercube\"");
  const toml::node* n = r.node("vary");
  if (!n) return;
  const auto* arr = n->as_array();
  if (!arr || !arr->is_array_of_tables()) {
    r.fail("vary", "expected [[sweep.vary]] tables with key and values (grid) or range (latin_hypercube)");
    return;
  }
  for (std::size_t k = 0; k < arr->size(); ++k) {
    Reader v(doc_, arr->get(k)->as_table(), r.path_of("vary") + "." + std::to_string(k));
    SweepAxis axis;
    const Location written = doc_.locate(v.path());
    axis.origin = written.file;
    axis.position = written.line;
    axis.key = v.string("key", "");
    if (axis.key.empty()) v.fail("key", "missing: the scenario key to vary, e.g. \"inflow.cash_benefit\"");
    for (const SweepAxis& other : sw.axes)
      if (canonical_key(other.key) == canonical_key(axis.key) && !axis.key.empty())
        v.fail("key", "varied twice: " + axis.key);
    if (!lhs && v.node("range"))
      v.fail("range", "a grid lists values; a range belongs to design = \"latin_hypercube\"");
    if (lhs && v.node("values")) v.fail("values", "a Latin hypercube draws from a range; values belong to a grid");
    if (!lhs) {
      const toml::node* values = v.node("values");
      const auto* list = values ? values->as_array() : nullptr;
      if (!list || list->empty()) {
        v.fail("values", "expected a non-empty array of the values to run");
        continue;
      }
      for (const auto& item : *list) axis.values.push_back(inline_toml(item));
    } else {
      const auto bounds = bounds_of(v, "range", false);
      if (!bounds) {
        v.fail("range", "expected [low, high] with low < high");
        continue;
      }
      axis.lower = bounds->first;
      axis.upper = bounds->second;
      const auto* pair = v.node("range")->as_array();
      axis.whole_numbers = pair->get(0)->is_integer() && pair->get(1)->is_integer();
    }
    sw.axes.push_back(std::move(axis));
  }
}

}  // namespace almpsim::io
