#include "hdf5_dimension_scales.hpp"

#include <hdf5_hl.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "hdf5_handles.hpp"

namespace almpsim::io::h5 {

namespace {

/// The dataset that labels each axis named in an `axes` attribute.
const std::map<std::string, std::string>& scale_paths() {
  static const std::map<std::string, std::string> paths = {
      {"replication", "/axes/replications"},
      {"week", "/axes/weeks"},
      {"actor", "/axes/actors"},
      {"state", "/axes/states"},
      {"activity", "/axes/activities"},
      {"account", "/axes/accounts"},
      {"area", "/axes/areas"},
      {"weeks_since_entry", "/axes/weeks_since_entry"},
      {"point", "/axes/points"},
      {"key", "/sweep/points/keys"},
  };
  return paths;
}

/// The length of a one-dimensional dataset; 0 for another shape.
hsize_t length_of(hid_t dataset) {
  Handle space(H5Dget_space(dataset), H5Sclose, "dataspace");
  hsize_t n = 0;
  if (H5Sget_simple_extent_ndims(space) == 1) check(H5Sget_simple_extent_dims(space, &n, nullptr), "axis length");
  return n;
}

struct Scale {
  hid_t id;
  hsize_t length;
};

/// Collects every object's path from the root.
herr_t collect(hid_t, const char* name, const H5L_info_t*, void* found) {
  static_cast<std::vector<std::string>*>(found)->push_back(std::string("/") + name);
  return 0;
}

}  // namespace

void attach_dimension_scales(hid_t file) {
  std::map<std::string, Handle> opened;
  std::map<std::string, Scale> scales;
  for (const auto& [axis, path] : scale_paths()) {
    if (H5Lexists(file, path.substr(0, path.rfind('/')).c_str(), H5P_DEFAULT) <= 0 ||
        H5Lexists(file, path.c_str(), H5P_DEFAULT) <= 0)
      continue;
    Handle set(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose, path);
    check(H5DSset_scale(set, axis.c_str()), "dimension scale " + path);
    scales[axis] = {set, length_of(set)};
    opened.emplace(axis, std::move(set));
  }
  std::vector<std::string> objects;
  check(H5Lvisit(file, H5_INDEX_NAME, H5_ITER_INC, collect, &objects), "object list");
  for (const std::string& path : objects) {
    Handle object(H5Oopen(file, path.c_str(), H5P_DEFAULT), H5Oclose, path);
    if (H5Iget_type(object) != H5I_DATASET) continue;
    const hid_t set = object;
    const std::string axes = read_text_attribute(set, "axes");
    if (axes.empty()) continue;
    Handle space(H5Dget_space(set), H5Sclose, "dataspace");
    std::vector<hsize_t> dims(static_cast<std::size_t>(std::max(0, H5Sget_simple_extent_ndims(space))));
    check(H5Sget_simple_extent_dims(space, dims.data(), nullptr), "shape of " + path);
    std::istringstream names(axes);
    std::string axis;
    for (unsigned i = 0; std::getline(names, axis, ',') && i < dims.size(); ++i) {
      check(H5DSset_label(set, i, axis.c_str()), "dimension label of " + path);
      const auto scale = scales.find(axis);
      if (scale != scales.end() && scale->second.length == dims[i])
        check(H5DSattach_scale(set, scale->second.id, i), "dimension scale of " + path);
    }
  }
}

}  // namespace almpsim::io::h5
