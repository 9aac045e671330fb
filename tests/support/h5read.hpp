#pragma once
// Reading whole datasets of a results file in tests.
#include <hdf5.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace almpsim::test {

/// The dataset's values converted to T (empty if the file or dataset cannot be opened).
template <class T>
std::vector<T> read_dataset(const std::string& file, const std::string& dataset) {
  std::vector<T> out;
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return out;
  const hid_t d = H5Dopen2(f, dataset.c_str(), H5P_DEFAULT);
  if (d >= 0) {
    const hid_t space = H5Dget_space(d);
    out.resize(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
    const hid_t type = sizeof(T) == 8 ? H5T_NATIVE_DOUBLE : H5T_NATIVE_INT32;
    if (H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()) < 0) out.clear();
    H5Sclose(space);
    H5Dclose(d);
  }
  H5Fclose(f);
  return out;
}

inline std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace almpsim::test
