#pragma once
// Small RAII and writing helpers over the HDF5 C API, shared by the results writers.
#include <hdf5.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "almpsim/output.hpp"

namespace almpsim::io::h5 {

/// An HDF5 handle closed by the matching function on scope exit.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t), const std::string& what) : id_(id), close_(close) {
    if (id_ < 0) throw OutputError("HDF5: cannot create " + what);
  }
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, -1)), close_(other.close_) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  operator hid_t() const { return id_; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

/// Why a write failed, where the system says it: no space, or a file-size or disk quota limit.
inline std::string write_failure_reason() {
  if (errno == ENOSPC || errno == EFBIG || errno == EDQUOT) return std::string(": ") + std::strerror(errno);
  return "";
}

inline void check(herr_t status, const std::string& what) {
  if (status < 0) throw OutputError("HDF5: cannot write " + what + write_failure_reason());
}

/// Creation properties that keep no timestamps, so the same results give the same bytes.
inline Handle dataset_properties(const std::vector<hsize_t>& dims) {
  Handle dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "dataset properties");
  check(H5Pset_obj_track_times(dcpl, false), "dataset properties");
  hsize_t total = 1;
  for (hsize_t d : dims) total *= d;
  if (total >= 65536 && !dims.empty()) {
    // Compress large arrays, chunked along the leading axis.
    std::vector<hsize_t> chunk = dims;
    chunk[0] = 1;
    hsize_t per = 1;
    for (std::size_t k = 1; k < chunk.size(); ++k) per *= chunk[k];
    if (dims.size() == 1)
      chunk[0] = std::min<hsize_t>(dims[0], 1 << 16);
    else if (per > (1u << 20))
      chunk[chunk.size() - 1] = std::max<hsize_t>(1, chunk.back() * (1u << 20) / per);
    check(H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data()), "chunking");
    check(H5Pset_deflate(dcpl, 4), "compression");
  }
  return dcpl;
}

inline Handle group(hid_t parent, const std::string& name) {
  Handle gcpl(H5Pcreate(H5P_GROUP_CREATE), H5Pclose, "group properties");
  check(H5Pset_obj_track_times(gcpl, false), "group properties");
  return Handle(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT), H5Gclose, "group " + name);
}

/// File creation with no timestamp on the root group (1.8's format would keep one), so that
/// the same results give the same bytes.
inline Handle file_creation() {
  Handle fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose, "file properties");
  check(H5Pset_obj_track_times(fcpl, false), "file properties");
  return fcpl;
}

/// File access in HDF5 1.8's format: large attributes (the dimension scales' lists of the
/// datasets they label, which grow with the cohorts) are stored densely, not in the 64 KiB
/// object header, and every reader since 1.8 opens the file.
inline Handle file_access() {
  Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "file access properties");
  check(H5Pset_libver_bounds(fapl, H5F_LIBVER_V18, H5F_LIBVER_V18), "file format");
  return fapl;
}

/// A fixed-length text attribute; "" where the object has none.
inline std::string read_text_attribute(hid_t obj, const char* name) {
  if (H5Aexists(obj, name) <= 0) return "";
  Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose, std::string("attribute ") + name);
  Handle type(H5Aget_type(attr), H5Tclose, "attribute type");
  std::string out(H5Tget_size(type), '\0');
  check(H5Aread(attr, type, out.data()), std::string("attribute ") + name);
  out.erase(out.find_last_not_of('\0') + 1);
  return out;
}

inline void set_text_attribute(hid_t obj, const std::string& name, const std::string& value) {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(type, value.empty() ? 1 : value.size()), "string type");
  Handle space(H5Screate(H5S_SCALAR), H5Sclose, "dataspace");
  Handle attr(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose, "attribute " + name);
  check(H5Awrite(attr, type, value.empty() ? "" : value.c_str()), "attribute " + name);
}

template <class T>
inline hid_t type_of();
template <>
inline hid_t type_of<double>() {
  return H5T_NATIVE_DOUBLE;
}
template <>
inline hid_t type_of<std::int32_t>() {
  return H5T_NATIVE_INT32;
}
template <>
inline hid_t type_of<std::uint64_t>() {
  return H5T_NATIVE_UINT64;
}

template <class T>
inline void write_array(hid_t loc, const std::string& name, const std::vector<hsize_t>& dims, const T* data,
                        const std::string& axes) {
  Handle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose, "dataspace");
  Handle dcpl = dataset_properties(dims);
  Handle set(H5Dcreate2(loc, name.c_str(), type_of<T>(), space, H5P_DEFAULT, dcpl, H5P_DEFAULT), H5Dclose,
             "dataset " + name);
  check(H5Dwrite(set, type_of<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data), name);
  if (!axes.empty()) set_text_attribute(set, "axes", axes);
}

template <class T>
inline void write_scalar(hid_t loc, const std::string& name, T value) {
  Handle space(H5Screate(H5S_SCALAR), H5Sclose, "dataspace");
  Handle dcpl = dataset_properties({});
  Handle set(H5Dcreate2(loc, name.c_str(), type_of<T>(), space, H5P_DEFAULT, dcpl, H5P_DEFAULT), H5Dclose, name);
  check(H5Dwrite(set, type_of<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &value), name);
}

inline void write_strings(hid_t loc, const std::string& name, const std::vector<std::string>& values) {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(type, H5T_VARIABLE), "string type");
  check(H5Tset_cset(type, H5T_CSET_UTF8), "string type");
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose, "dataspace");
  Handle dcpl = dataset_properties({});
  Handle set(H5Dcreate2(loc, name.c_str(), type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT), H5Dclose, name);
  check(H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), name);
}

inline void write_text(hid_t loc, const std::string& name, const std::string& value) {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
  check(H5Tset_size(type, H5T_VARIABLE), "string type");
  check(H5Tset_cset(type, H5T_CSET_UTF8), "string type");
  Handle space(H5Screate(H5S_SCALAR), H5Sclose, "dataspace");
  Handle dcpl = dataset_properties({});
  Handle set(H5Dcreate2(loc, name.c_str(), type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT), H5Dclose, name);
  const char* ptr = value.c_str();
  check(H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &ptr), name);
}

}  // namespace almpsim::io::h5
