#pragma once
// The register's rows in HDF5: one compound record per spell, in a run file's /register/spells
// and, with the point first, in a sweep file's /sweep/register/spells.
#include <hdf5.h>

#include <algorithm>
#include <cstdint>

#include "hdf5_handles.hpp"

namespace almpsim::io::h5 {

struct SpellRecord {
  std::uint32_t point;  ///< from 1; written only in a sweep file
  std::uint32_t citizen;
  std::uint32_t replication;
  std::uint8_t actor, state, activity;
  std::int32_t first_week, last_week;
};

/// The record's HDF5 type: the fields of a run file's spells, and the point first in a sweep's.
inline Handle spell_type(bool with_point) {
  Handle type(H5Tcreate(H5T_COMPOUND, sizeof(SpellRecord)), H5Tclose, "spell type");
  if (with_point) check(H5Tinsert(type, "point", HOFFSET(SpellRecord, point), H5T_NATIVE_UINT32), "spell type");
  check(H5Tinsert(type, "replication", HOFFSET(SpellRecord, replication), H5T_NATIVE_UINT32), "spell type");
  check(H5Tinsert(type, "citizen", HOFFSET(SpellRecord, citizen), H5T_NATIVE_UINT32), "spell type");
  check(H5Tinsert(type, "actor", HOFFSET(SpellRecord, actor), H5T_NATIVE_UINT8), "spell type");
  check(H5Tinsert(type, "state", HOFFSET(SpellRecord, state), H5T_NATIVE_UINT8), "spell type");
  check(H5Tinsert(type, "activity", HOFFSET(SpellRecord, activity), H5T_NATIVE_UINT8), "spell type");
  check(H5Tinsert(type, "first_week", HOFFSET(SpellRecord, first_week), H5T_NATIVE_INT32), "spell type");
  check(H5Tinsert(type, "last_week", HOFFSET(SpellRecord, last_week), H5T_NATIVE_INT32), "spell type");
  return type;
}

/// The record as stored: the same fields packed, so that a run file's rows carry no unused
/// `point` and no padding.
inline Handle stored_spell_type(bool with_point) {
  Handle type(H5Tcopy(spell_type(with_point)), H5Tclose, "spell type");
  check(H5Tpack(type), "spell type");
  return type;
}

/// Creates the spells dataset of `rows` records (an empty one contiguous: a chunk needs a size).
inline Handle create_spells(hid_t group, hsize_t rows, bool with_point) {
  Handle space(H5Screate_simple(1, &rows, nullptr), H5Sclose, "dataspace");
  Handle dcpl = dataset_properties({std::max<hsize_t>(rows, 1)});
  if (rows == 0) check(H5Pset_layout(dcpl, H5D_CONTIGUOUS), "layout");
  return Handle(H5Dcreate2(group, "spells", stored_spell_type(with_point), space, H5P_DEFAULT, dcpl, H5P_DEFAULT),
                H5Dclose, "spells");
}

inline constexpr const char* kSpellsDescription =
    "one row per spell: replication, citizen, actor/state/activity (indices into /axes), first and last week "
    "(inclusive, week 0 = /axes/weeks[0])";

}  // namespace almpsim::io::h5
