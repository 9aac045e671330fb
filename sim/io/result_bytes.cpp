#include "almpsim/result_bytes.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace almpsim {

namespace {

// A field added to a result must be added to the lists below.
static_assert(sizeof(CohortOutcome) == 14 * sizeof(std::vector<double>));
static_assert(sizeof(ReplicationResult) == 16 * sizeof(std::vector<double>) + sizeof(std::size_t));

// Every field of a result, in declaration order: the one list both directions follow.
template <class Outcome, class Visit>
void cohort_fields(Outcome& o, Visit&& visit) {
  visit(o.members);
  visit(o.status);
  visit(o.activity);
  visit(o.state_activity);
  visit(o.self_support_share);
  visit(o.support_rate);
  visit(o.support_rate_sd);
  visit(o.activity_weeks_share);
  visit(o.activation_rate);
  visit(o.meeting_rate);
  visit(o.self_support_weeks);
  visit(o.cost_per_citizen);
  visit(o.transfers_per_citizen);
  visit(o.survival);
}

template <class Result, class Visit, class VisitCohorts>
void result_fields(Result& r, Visit&& visit, VisitCohorts&& visit_cohorts) {
  visit(r.occupancy);
  visit(r.entries);
  visit(r.exits);
  visit(r.activity_occupancy);
  visit(r.meetings_held);
  visit(r.meetings_overdue);
  visit(r.waiting_for_place);
  visit(r.moved_to_self_support);
  visit(r.costs);
  visit(r.cost_accounts);
  visit(r.job_finding_multiplier);
  visit(r.area_job_finding_multiplier);
  visit_cohorts(r.cohorts);
  visit(r.spells);
  visit(r.trace);
  visit(r.traced_meetings);
}

class Writer {
 public:
  void count(std::size_t n) { raw(static_cast<std::uint64_t>(n)); }
  template <class T>
  void raw(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const std::byte*>(&value);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  template <class T>
  void vector(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    count(v.size());
    const auto* p = reinterpret_cast<const std::byte*>(v.data());
    bytes_.insert(bytes_.end(), p, p + v.size() * sizeof(T));
  }
  std::vector<std::byte> take() { return std::move(bytes_); }

 private:
  std::vector<std::byte> bytes_;
};

class Reader {
 public:
  explicit Reader(const std::vector<std::byte>& bytes) : bytes_(bytes) {}
  std::size_t count() {
    std::uint64_t n = 0;
    raw(n);
    return static_cast<std::size_t>(n);
  }
  template <class T>
  void raw(T& value) {
    take(&value, sizeof(T));
  }
  template <class T>
  void vector(std::vector<T>& v) {
    const std::size_t n = count();
    if (n > (bytes_.size() - at_) / sizeof(T)) fail();
    v.resize(n);
    take(v.data(), n * sizeof(T));
  }
  void finish() const {
    if (at_ != bytes_.size()) fail();
  }

 private:
  void take(void* out, std::size_t size) {
    if (size > bytes_.size() - at_) fail();
    if (size > 0) std::memcpy(out, bytes_.data() + at_, size);
    at_ += size;
  }
  [[noreturn]] static void fail() { throw std::runtime_error("a replication's result arrived incomplete"); }

  const std::vector<std::byte>& bytes_;
  std::size_t at_ = 0;
};

}  // namespace

std::vector<std::byte> to_bytes(const ReplicationResult& result) {
  Writer out;
  const auto vector = [&out](const auto& v) { out.vector(v); };
  result_fields(result, vector, [&](const std::vector<CohortOutcome>& cohorts) {
    out.count(cohorts.size());
    for (const CohortOutcome& o : cohorts) cohort_fields(o, vector);
  });
  out.raw(static_cast<std::uint64_t>(result.citizens));
  return out.take();
}

ReplicationResult from_bytes(const std::vector<std::byte>& bytes) {
  Reader in(bytes);
  ReplicationResult result;
  const auto vector = [&in](auto& v) { in.vector(v); };
  result_fields(result, vector, [&](std::vector<CohortOutcome>& cohorts) {
    cohorts.resize(in.count());
    for (CohortOutcome& o : cohorts) cohort_fields(o, vector);
  });
  std::uint64_t citizens = 0;
  in.raw(citizens);
  result.citizens = static_cast<std::size_t>(citizens);
  in.finish();
  return result;
}

}  // namespace almpsim
