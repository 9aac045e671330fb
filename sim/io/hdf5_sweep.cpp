// Stacking per-point results files into one sweep file.
#include <cmath>
#include <cstdlib>

#include "almpsim/output.hpp"
#include "hdf5_dimension_scales.hpp"
#include "hdf5_handles.hpp"
#include "hdf5_reader.hpp"
#include "hdf5_register.hpp"

namespace almpsim {

using namespace io::h5;

namespace {

struct StackedDataset {
  std::string path;  ///< e.g. "timeseries/occupancy", "summary/cohorts/stock/status/mean"
  std::vector<hsize_t> dims;
  std::string axes;
  bool integer = false;
};

/// Every dataset under `root` of the first point's file, with its shape and axes, and the text
/// attributes of the groups on the way (cohort kind, dates).
void list_datasets(hid_t file, const std::string& root, std::vector<StackedDataset>& out,
                   std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>& groups) {
  Handle g(H5Gopen2(file, root.c_str(), H5P_DEFAULT), H5Gclose, root);
  std::vector<std::pair<std::string, std::string>> attributes;
  for (const char* a : {"kind", "states", "measure_at", "at", "from", "to"}) {
    const std::string v = read_text_attribute(g, a);
    if (!v.empty()) attributes.emplace_back(a, v);
  }
  groups.emplace_back(root, attributes);
  hsize_t n = 0;
  check(H5Gget_num_objs(g, &n), root);
  for (hsize_t k = 0; k < n; ++k) {
    const ssize_t len = H5Gget_objname_by_idx(g, k, nullptr, 0);
    std::string name(static_cast<std::size_t>(len), '\0');
    H5Gget_objname_by_idx(g, k, name.data(), static_cast<std::size_t>(len) + 1);
    const std::string path = root + "/" + name;
    if (H5Gget_objtype_by_idx(g, k) == H5G_GROUP) {
      list_datasets(file, path, out, groups);
      continue;
    }
    Handle set(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose, path);
    Handle space(H5Dget_space(set), H5Sclose, path);
    Handle type(H5Dget_type(set), H5Tclose, path);
    StackedDataset d;
    d.path = path;
    d.dims.assign(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)), 0);
    H5Sget_simple_extent_dims(space, d.dims.data(), nullptr);
    d.axes = read_text_attribute(set, "axes");
    d.integer = H5Tget_class(type) == H5T_INTEGER;
    out.push_back(std::move(d));
  }
}

bool is_number(const std::string& text, double& value) {
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size();
}

void copy_object(hid_t from, hid_t to, const char* name) {
  Handle ocpy(H5Pcreate(H5P_OBJECT_COPY), H5Pclose, "copy properties");
  check(H5Ocopy(from, name, to, name, ocpy, H5P_DEFAULT), name);
}

/// The point file's /axes, each dataset read and written again: a copy would carry dimension-
/// scale attributes that refer to the point file's datasets. Then the points' own axis.
void copy_axes(const std::string& point_file, hid_t to, hsize_t points) {
  const Reader in(point_file);
  Handle g = group(to, "axes");
  for (const std::string& name : in.members("/axes")) {
    if (name == "replications") continue;  // written below from /meta, present in every file
    const std::string path = "/axes/" + name;
    if (in.holds_text(path)) {
      write_strings(g, name, in.strings(path));
      continue;
    }
    std::vector<hsize_t> dims;
    const std::vector<double> values = in.doubles(path, dims);
    std::vector<std::int32_t> whole(values.begin(), values.end());  // the numbered axes are whole numbers
    write_array(g, name, dims, whole.data(), "");
  }
  std::vector<hsize_t> dims;
  const auto replications = static_cast<std::int32_t>(in.doubles("/meta/replications", dims).at(0));
  std::vector<std::int32_t> numbers;
  for (std::int32_t r = 0; r < replications; ++r) numbers.push_back(r);
  write_array(g, "replications", {numbers.size()}, numbers.data(), "");
  numbers.clear();
  for (hsize_t p = 0; p < points; ++p) numbers.push_back(static_cast<std::int32_t>(p + 1));
  write_array(g, "points", {points}, numbers.data(), "");
}

/// Each point's /register/spells, one after another with the point in front, as
/// /sweep/register/spells; one point's rows in memory at a time.
void stack_register(hid_t sweep, const std::vector<std::string>& point_files) {
  std::vector<hsize_t> rows;
  for (const std::string& name : point_files) {
    Handle in(H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "file " + name);
    const htri_t has = H5Lexists(in, "register", H5P_DEFAULT);
    if (has < 0) throw OutputError(name + ": cannot read");
    if (has == 0) throw OutputError(name + " has no register (a point run without --register)");
    Handle set(H5Dopen2(in, "register/spells", H5P_DEFAULT), H5Dclose, name + ": register/spells");
    Handle space(H5Dget_space(set), H5Sclose, "dataspace");
    hsize_t n = 0;
    if (H5Sget_simple_extent_dims(space, &n, nullptr) < 0) throw OutputError(name + ": cannot read register/spells");
    rows.push_back(n);
  }
  hsize_t total = 0;
  for (const hsize_t n : rows) total += n;
  Handle g = group(sweep, "register");
  Handle with_point = spell_type(true), without = spell_type(false);
  Handle out = create_spells(g, total, true);
  set_text_attribute(out, "description", std::string("point (from 1), then ") + kSpellsDescription);
  hsize_t offset = 0;
  std::vector<SpellRecord> buffer;
  for (std::size_t p = 0; p < point_files.size(); ++p) {
    if (rows[p] == 0) continue;
    // Zeroed whole, padding included, so that the same results give the same file bytes.
    buffer.assign(rows[p], SpellRecord{});
    std::memset(buffer.data(), 0, buffer.size() * sizeof(SpellRecord));
    Handle in(H5Fopen(point_files[p].c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "file " + point_files[p]);
    Handle set(H5Dopen2(in, "register/spells", H5P_DEFAULT), H5Dclose, point_files[p] + ": register/spells");
    check(H5Dread(set, without, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()), point_files[p] + ": register/spells");
    for (SpellRecord& r : buffer) r.point = static_cast<std::uint32_t>(p + 1);
    Handle memory(H5Screate_simple(1, &rows[p], nullptr), H5Sclose, "dataspace");
    Handle slab(H5Dget_space(out), H5Sclose, "dataspace");
    check(H5Sselect_hyperslab(slab, H5S_SELECT_SET, &offset, nullptr, &rows[p], nullptr), "register/spells");
    check(H5Dwrite(out, with_point, memory, slab, H5P_DEFAULT, buffer.data()), "register/spells");
    offset += rows[p];
  }
}

}  // namespace

void write_sweep(const OutputTarget& target, const RunMetadata& meta, const SweepTable& table,
                 const std::vector<std::string>& point_files) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  if (point_files.empty()) throw OutputError("a sweep needs at least one point");
  Handle fcpl = file_creation();
  Handle fapl = file_access();
  Handle file(H5Fcreate(target.temporary().c_str(), H5F_ACC_TRUNC, fcpl, fapl), H5Fclose, "file " + target.temporary());
  const auto points = static_cast<hsize_t>(point_files.size());

  std::vector<StackedDataset> datasets;
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> groups;
  {
    Handle first(H5Fopen(point_files[0].c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "file " + point_files[0]);
    copy_axes(point_files[0], file, points);
    if (H5Lexists(first, "targets", H5P_DEFAULT) > 0) copy_object(first, file, "targets");
    Handle m = group(file, "meta");
    Handle from(H5Gopen2(first, "meta", H5P_DEFAULT), H5Gclose, "meta");
    for (const char* name : {"scenario_name", "seed", "replications", "burn_in_weeks", "currency", "price_year"})
      if (H5Lexists(from, name, H5P_DEFAULT) > 0) copy_object(from, m, name);
    write_text(m, "version", meta.version);
    write_text(m, "command_line", meta.command_line);
    write_text(m, "scenario_file", meta.scenario_file);
    write_text(m, "scenario", meta.resolved_scenario);
    for (const char* root : {"timeseries", "cohorts", "summary"}) list_datasets(first, root, datasets, groups);
  }

  Handle sweep = group(file, "sweep");
  {
    Handle g = group(sweep, "points");
    write_text(g, "design", table.design);
    write_strings(g, "keys", table.keys);
    const auto axes = static_cast<hsize_t>(table.keys.size());
    std::vector<std::string> text;
    std::vector<double> numbers;
    for (const auto& row : table.values)
      for (const auto& v : row) {
        text.push_back(v);
        double x = NAN;
        numbers.push_back(is_number(v, x) ? x : NAN);
      }
    // Flattened [point, axis]; the numeric copy is NaN where a value is not a number.
    write_strings(g, "values", text);
    write_array(g, "numeric_values", {points, axes}, numbers.data(), "point,key");
    write_strings(g, "scenarios", table.scenarios);
  }
  for (const auto& [path, attributes] : groups) {
    Handle g = group(sweep, path);
    for (const auto& [name, value] : attributes) set_text_attribute(g, name, value);
  }
  std::vector<Handle> targets;
  for (const StackedDataset& d : datasets) {
    std::vector<hsize_t> dims{points};
    dims.insert(dims.end(), d.dims.begin(), d.dims.end());
    Handle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose, "dataspace");
    Handle dcpl = dataset_properties(dims);
    const hid_t type = d.integer ? H5T_NATIVE_INT32 : H5T_NATIVE_DOUBLE;
    targets.emplace_back(H5Dcreate2(sweep, d.path.c_str(), type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT), H5Dclose,
                         "dataset sweep/" + d.path);
    if (!d.axes.empty()) set_text_attribute(targets.back(), "axes", "point," + d.axes);
  }
  // One point file open at a time: its every dataset goes into its slice of the stacks.
  std::vector<char> buffer;
  for (hsize_t p = 0; p < points; ++p) {
    const std::string& name = point_files[p];
    Handle in(H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "file " + name);
    for (std::size_t k = 0; k < datasets.size(); ++k) {
      const StackedDataset& d = datasets[k];
      Handle set(H5Dopen2(in, d.path.c_str(), H5P_DEFAULT), H5Dclose, name + ": " + d.path);
      Handle space(H5Dget_space(set), H5Sclose, d.path);
      std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)), 0);
      H5Sget_simple_extent_dims(space, dims.data(), nullptr);
      if (dims != d.dims)
        throw OutputError(name + ": " + d.path +
                          " differs in shape from the first point; a sweep cannot change the "
                          "shape of the results (weeks, actors, cohorts, replications)");
      const hid_t type = d.integer ? H5T_NATIVE_INT32 : H5T_NATIVE_DOUBLE;
      hsize_t cells = 1;
      for (hsize_t x : dims) cells *= x;
      buffer.resize(static_cast<std::size_t>(cells) * 8);
      check(H5Dread(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()), name + ": " + d.path);
      std::vector<hsize_t> start(dims.size() + 1, 0), count{1};
      start[0] = p;
      count.insert(count.end(), dims.begin(), dims.end());
      Handle file_space(H5Dget_space(targets[k]), H5Sclose, d.path);
      check(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr), d.path);
      Handle memory(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), H5Sclose, d.path);
      check(H5Dwrite(targets[k], type, memory, file_space, H5P_DEFAULT, buffer.data()), "sweep/" + d.path);
    }
  }
  targets.clear();
  if (table.with_register) stack_register(sweep, point_files);
  attach_dimension_scales(file);
  if (H5Fflush(file, H5F_SCOPE_GLOBAL) < 0)
    throw OutputError("HDF5: cannot flush " + target.temporary() + write_failure_reason());
}

}  // namespace almpsim
