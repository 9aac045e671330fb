#pragma once
// HDF5 dimension scales: each dataset's dimensions named (from its `axes` attribute) and tied to
// the /axes dataset that labels them, so that generic HDF5 tools (h5py's `dims`, HDFView,
// netCDF-aware readers) see which axis is which.
#include <hdf5.h>

namespace almpsim::io::h5 {

/// Makes the /axes datasets (and /sweep/points/keys) dimension scales, then names every
/// dimension of every dataset that has an `axes` attribute and attaches the scale of that name
/// where its length matches the dimension. Throws OutputError.
void attach_dimension_scales(hid_t file);

}  // namespace almpsim::io::h5
