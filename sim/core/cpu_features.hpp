#pragma once
// Which vector instructions this CPU runs, asked once: the kernels that have AVX2 and AVX-512
// paths choose by it at run time, so one build serves every x86-64 machine. Private to sim/core.

namespace almpsim {

inline bool cpu_has_avx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

inline bool cpu_has_avx512bw() {
  static const bool has = __builtin_cpu_supports("avx512bw");
  return has;
}

inline bool cpu_has_avx512() {
  static const bool has = __builtin_cpu_supports("avx512f");
  return has;
}

}  // namespace almpsim
