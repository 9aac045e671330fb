#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace almpsim::cli {

namespace {
void format_seconds(double s, char* buf, std::size_t n) {
  const long t = static_cast<long>(s + 0.5);
  std::snprintf(buf, n, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
}
}  // namespace

Progress::Progress(bool enabled)
    : enabled_(enabled),
      terminal_(::isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_line_(start_) {}

void Progress::replication_done(int done, int total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  // Plain output prints at most one line every 2 seconds, and always the last one.
  if (!terminal_ && done < total && std::chrono::duration<double>(now - last_line_).count() < 2.0) return;
  last_line_ = now;
  const double left = done > 0 ? elapsed / done * (total - done) : 0.0;
  char e[32], l[32];
  format_seconds(elapsed, e, sizeof e);
  format_seconds(left, l, sizeof l);
  std::fprintf(stderr, "%sreplications %d/%d  elapsed %s  left ~%s%s", terminal_ ? "\r" : "", done, total, e, l,
               terminal_ ? (done == total ? "\n" : "") : "\n");
  std::fflush(stderr);
}

void Progress::sweep_step(long long done, long long total, int points_done, int points_total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (!terminal_ && done < total && std::chrono::duration<double>(now - last_line_).count() < 2.0) return;
  last_line_ = now;
  const long long ran = done - skipped_;
  const double rate = elapsed > 0 ? static_cast<double>(ran) / elapsed : 0.0;
  const double left = ran > 0 ? elapsed / static_cast<double>(ran) * static_cast<double>(total - done) : 0.0;
  char e[32], l[32];
  format_seconds(elapsed, e, sizeof e);
  format_seconds(left, l, sizeof l);
  std::fprintf(stderr, "%spoints %d/%d  replications %lld/%lld  %.1f rep/s  elapsed %s  left ~%s%s",
               terminal_ ? "\r" : "", points_done, points_total, done, total, rate, e, l,
               terminal_ ? (done == total ? "\n" : "") : "\n");
  std::fflush(stderr);
}

}  // namespace almpsim::cli
