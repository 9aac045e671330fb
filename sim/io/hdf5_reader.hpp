#pragma once
// Reading a results file: datasets as doubles or strings, attributes, and what a group holds.
// Internal to sim/io; errors become OutputError naming the file.
#include <hdf5.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "almpsim/output.hpp"

namespace almpsim::io::h5 {

class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    file_ = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (file_ < 0) throw OutputError("cannot open " + path + " as an almpsim results file");
  }
  ~Reader() {
    if (file_ >= 0) H5Fclose(file_);
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  bool exists(const std::string& name) const { return H5Lexists(file_, name.c_str(), H5P_DEFAULT) > 0; }

  /// Whether a dataset holds text (and not numbers).
  bool holds_text(const std::string& name) const {
    const hid_t set = open(name);
    const hid_t type = H5Dget_type(set);
    const bool text = H5Tget_class(type) == H5T_STRING;
    H5Tclose(type);
    H5Dclose(set);
    return text;
  }

  std::vector<double> doubles(const std::string& name, std::vector<hsize_t>& dims) const {
    const hid_t set = open(name);
    const hid_t space = H5Dget_space(set);
    const int rank = H5Sget_simple_extent_ndims(space);
    dims.assign(static_cast<std::size_t>(std::max(rank, 0)), 0);
    if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
    std::vector<double> out(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
    const herr_t status = H5Dread(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data());
    H5Sclose(space);
    H5Dclose(set);
    if (status < 0) fail(name);
    return out;
  }

  std::uint64_t unsigned_scalar(const std::string& name) const {
    const hid_t set = open(name);
    std::uint64_t out = 0;
    const herr_t status = H5Dread(set, H5T_NATIVE_UINT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, &out);
    H5Dclose(set);
    if (status < 0) fail(name);
    return out;
  }

  std::vector<std::string> strings(const std::string& name) const {
    const hid_t set = open(name);
    const hid_t space = H5Dget_space(set);
    const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    std::vector<char*> raw(n, nullptr);
    const herr_t status = H5Dread(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data());
    std::vector<std::string> out;
    for (char* s : raw) out.emplace_back(s ? s : "");
    if (status >= 0) H5Dvlen_reclaim(type, space, H5P_DEFAULT, raw.data());
    H5Tclose(type);
    H5Sclose(space);
    H5Dclose(set);
    if (status < 0) fail(name);
    return out;
  }

  std::string text(const std::string& name) const {
    const auto v = strings(name);
    return v.empty() ? std::string() : v.front();
  }

  bool has_attribute(const std::string& object, const std::string& name) const {
    return H5Aexists_by_name(file_, object.c_str(), name.c_str(), H5P_DEFAULT) > 0;
  }

  std::string attribute(const std::string& object, const std::string& name) const {
    const hid_t attr = H5Aopen_by_name(file_, object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT);
    if (attr < 0) fail(object + "@" + name);
    const hid_t type = H5Aget_type(attr);
    std::string out(H5Tget_size(type), '\0');
    H5Aread(attr, type, out.data());
    H5Tclose(type);
    H5Aclose(attr);
    out.erase(out.find_last_not_of('\0') + 1);
    return out;
  }

  /// The names of what a group holds, in the file's (alphabetical) order.
  std::vector<std::string> members(const std::string& group) const {
    std::vector<std::string> out;
    const hid_t g = H5Gopen2(file_, group.c_str(), H5P_DEFAULT);
    if (g < 0) fail(group);
    auto add = [](hid_t, const char* name, const H5L_info_t*, void* names) -> herr_t {
      static_cast<std::vector<std::string>*>(names)->emplace_back(name);
      return 0;
    };
    const herr_t status = H5Literate(g, H5_INDEX_NAME, H5_ITER_INC, nullptr, add, &out);
    H5Gclose(g);
    if (status < 0) fail(group);
    return out;
  }

 private:
  hid_t open(const std::string& name) const {
    const hid_t set = H5Dopen2(file_, name.c_str(), H5P_DEFAULT);
    if (set < 0) fail(name);
    return set;
  }
  [[noreturn]] void fail(const std::string& name) const {
    throw OutputError(path_ + ": cannot read " + name + " (not an almpsim results file of this version?)");
  }
  std::string path_;
  hid_t file_ = -1;
};

}  // namespace almpsim::io::h5
