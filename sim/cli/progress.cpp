#include "progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <utility>

namespace almpsim::cli {

namespace {
void format_seconds(double s, char* buf, std::size_t n) {
  const long t = static_cast<long>(s + 0.5);
  std::snprintf(buf, n, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
}

/// "3", or "2.4" while a replication is under way.
void format_count(double x, char* buf, std::size_t n) {
  if (x == static_cast<double>(static_cast<long long>(x)))
    std::snprintf(buf, n, "%lld", static_cast<long long>(x));
  else
    std::snprintf(buf, n, "%.1f", std::floor(x * 10) / 10);  // 1.97 is not yet 2
}
}  // namespace

Progress::Progress(bool enabled, std::string scope)
    : enabled_(enabled),
      scope_(std::move(scope)),
      terminal_(::isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_line_(start_) {}

void Progress::replication_done(double done, int total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  // Plain output prints at most one line every 2 seconds, and always the last one.
  if (!terminal_ && done < total && std::chrono::duration<double>(now - last_line_).count() < 2.0) return;
  last_line_ = now;
  const double left = done > 0 ? elapsed / done * (total - done) : 0.0;
  char e[32], l[32], d[32];
  format_seconds(elapsed, e, sizeof e);
  format_seconds(left, l, sizeof l);
  format_count(done, d, sizeof d);
  std::fprintf(stderr, "%sreplications %s/%d%s  elapsed %s  left ~%s%s", terminal_ ? "\r" : "", d, total,
               scope_.c_str(), e, l, terminal_ ? (done == total ? "\n" : "") : "\n");
  std::fflush(stderr);
}

void Progress::sweep_step(double done, long long total, int points_done, int points_total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (!terminal_ && done < static_cast<double>(total) && std::chrono::duration<double>(now - last_line_).count() < 2.0)
    return;
  last_line_ = now;
  const double ran = done - static_cast<double>(skipped_);
  const double rate = elapsed > 0 ? ran / elapsed : 0.0;
  const double left = ran > 0 ? elapsed / ran * (static_cast<double>(total) - done) : 0.0;
  char e[32], l[32], d[32];
  format_seconds(elapsed, e, sizeof e);
  format_seconds(left, l, sizeof l);
  format_count(done, d, sizeof d);
  std::fprintf(stderr, "%spoints %d/%d  replications %s/%lld%s  %.1f rep/s  elapsed %s  left ~%s%s",
               terminal_ ? "\r" : "", points_done, points_total, d, total, scope_.c_str(), rate, e, l,
               terminal_ ? (done == static_cast<double>(total) ? "\n" : "") : "\n");
  std::fflush(stderr);
}

}  // namespace almpsim::cli
