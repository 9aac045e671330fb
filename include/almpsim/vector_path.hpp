#pragma once

namespace almpsim {

/// The widest vector instructions a kernel may use; it takes a narrower path where the CPU lacks
/// them. Every path gives the same results, so tests run each one against the portable loop.
enum class VectorPath { portable, avx2, avx512 };

}  // namespace almpsim
