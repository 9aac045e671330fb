#pragma once
/// A row-major view over a flat result array with named extents, so that `status(a, s)` is
/// written instead of `status[a * kStates + s]`. It owns nothing; the array must outlive it.
#include <array>
#include <cassert>
#include <cstddef>
#include <vector>

namespace almpsim {

template <class T, std::size_t Rank>
class ArrayView {
 public:
  ArrayView(T* data, std::array<std::size_t, Rank> extents) : data_(data), extents_(extents) {}

  template <class... Index>
  T& operator()(Index... index) const {
    static_assert(sizeof...(Index) == Rank, "one index per axis");
    std::size_t flat = 0, axis = 0;
    ((assert(static_cast<std::size_t>(index) < extents_[axis]),
      flat = flat * extents_[axis++] + static_cast<std::size_t>(index)),
     ...);
    return data_[flat];
  }
  std::size_t extent(std::size_t axis) const { return extents_[axis]; }
  /// The sub-array at `index` of the first axis, e.g. one actor's states.
  ArrayView<T, Rank - 1> operator[](std::size_t index) const {
    static_assert(Rank > 1, "a scalar has no sub-array");
    std::array<std::size_t, Rank - 1> inner{};
    std::size_t stride = 1;
    for (std::size_t k = 1; k < Rank; ++k) stride *= inner[k - 1] = extents_[k];
    return {data_ + index * stride, inner};
  }

 private:
  T* data_;
  std::array<std::size_t, Rank> extents_;
};

/// Views with the extents taken from the arguments, over a vector of the matching size.
template <class T, class... Extent>
ArrayView<T, sizeof...(Extent)> view(std::vector<T>& v, Extent... extents) {
  assert(v.size() == (std::size_t{1} * ... * static_cast<std::size_t>(extents)));
  return {v.data(), {static_cast<std::size_t>(extents)...}};
}
template <class T, class... Extent>
ArrayView<const T, sizeof...(Extent)> view(const std::vector<T>& v, Extent... extents) {
  assert(v.size() == (std::size_t{1} * ... * static_cast<std::size_t>(extents)));
  return {v.data(), {static_cast<std::size_t>(extents)...}};
}

}  // namespace almpsim
