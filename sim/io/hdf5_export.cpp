// A results or sweep file's cohort measures as one long CSV table, a row per number.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "almpsim/output.hpp"
#include "hdf5_reader.hpp"

namespace almpsim {

namespace {

using io::h5::Reader;

/// A CSV field: quoted where it holds a comma, a quote or a line break (RFC 4180).
std::string field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string number(double x) {
  if (std::isnan(x)) return "";  // not measured: an arm that serves nobody
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> out(1);
  for (const char c : text)
    if (c == by)
      out.emplace_back();
    else
      out.back() += c;
  return out;
}

// The columns that name a number's place besides point, cohort and measure, in this order.
const std::vector<std::string> kPlaceColumns = {"replication", "actor", "state", "activity", "weeks_since_entry"};

}  // namespace

void export_cohorts_csv(const std::string& path, std::ostream& out) {
  const Reader in(path);
  const bool sweep = in.exists("/sweep");
  std::vector<std::string> keys;
  std::vector<std::string> values;  // [point][key], flattened
  if (sweep) {
    keys = in.strings("/sweep/points/keys");
    values = in.strings("/sweep/points/values");
  }
  const std::vector<std::string> labels_actor = in.strings("/axes/actors"), labels_state = in.strings("/axes/states"),
                                 labels_activity = in.strings("/axes/activities");
  auto label = [&](const std::string& axis, std::size_t i) -> std::string {
    if (axis == "actor") return labels_actor.at(i);
    if (axis == "state") return labels_state.at(i);
    if (axis == "activity") return labels_activity.at(i);
    return std::to_string(i);
  };

  if (sweep) out << "point,";
  for (const std::string& k : keys) out << field(k) << ",";
  out << "cohort,measure";
  for (const std::string& c : kPlaceColumns) out << "," << c;
  out << ",value\n";

  const std::string root = sweep ? "/sweep/cohorts/" : "/cohorts/";
  for (const std::string& cohort : in.strings("/axes/cohorts"))
    for (const std::string& measure : in.members(root + cohort)) {
      const std::string name = root + cohort + "/" + measure;
      std::vector<hsize_t> dims;
      const std::vector<double> data = in.doubles(name, dims);
      const std::vector<std::string> axes = split(in.attribute(name, "axes"), ',');
      if (axes.size() != dims.size()) throw OutputError(path + ": " + name + " has the wrong shape");
      std::vector<std::size_t> at(dims.size(), 0);
      for (std::size_t flat = 0; flat < data.size(); ++flat) {
        // at = the multi-index of element `flat` (row-major).
        std::size_t rest = flat;
        for (std::size_t d = dims.size(); d-- > 0;) {
          at[d] = rest % dims[d];
          rest /= dims[d];
        }
        std::vector<std::string> place(kPlaceColumns.size());
        std::size_t point = 0;
        for (std::size_t d = 0; d < axes.size(); ++d) {
          if (axes[d] == "point") {
            point = at[d];
            continue;
          }
          const auto column = std::find(kPlaceColumns.begin(), kPlaceColumns.end(), axes[d]);
          if (column == kPlaceColumns.end()) throw OutputError(path + ": " + name + " has an unknown axis " + axes[d]);
          place[static_cast<std::size_t>(column - kPlaceColumns.begin())] = label(axes[d], at[d]);
        }
        if (sweep) {
          out << point + 1 << ",";
          for (std::size_t k = 0; k < keys.size(); ++k) out << field(values.at(point * keys.size() + k)) << ",";
        }
        out << field(cohort) << "," << measure;
        for (const std::string& p : place) out << "," << field(p);
        out << "," << number(data[flat]) << "\n";
      }
    }
}

}  // namespace almpsim
