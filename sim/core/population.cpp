#include "almpsim/population.hpp"

#include "almpsim/actors.hpp"
#include "almpsim/stock_split.hpp"

#include <algorithm>
#include <array>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <stdexcept>

namespace almpsim {

namespace {
/// Calls f on every column of `pop` and the citizens it holds (the casework columns hold none
/// without casework).
template <class F>
void for_each_column(Population& pop, std::size_t n, F f) {
  for (auto* v : {&pop.sex, &pop.origin, &pop.area, &pop.employability, &pop.birth_day, &pop.match, &pop.sick_category,
                  &pop.state, &pop.prev_state, &pop.actor})
    f(*v, n);
  for (auto* v : {&pop.birth_week, &pop.state_since}) f(*v, n);
  const std::size_t worked = pop.casework ? n : 0;
  f(pop.activity, worked);
  for (auto* v : {&pop.activity_announced, &pop.activity_from, &pop.activity_to, &pop.next_meeting, &pop.last_met})
    f(*v, worked);
  f(pop.meetings, worked);
}
}  // namespace

void Population::resize(std::size_t n) {
  for_each_column(*this, n, [](auto& column, std::size_t size) { column.resize(size, 0); });
}

void Population::allocate(std::size_t n) {
  for_each_column(*this, n, [](auto& column, std::size_t size) { column.resize(size); });
}

void Population::clear(CitizenId first, CitizenId last) {
  for_each_column(*this, last, [&](auto& column, std::size_t held) {
    if (held > 0) std::fill(column.begin() + first, column.begin() + last, 0);
  });
}

bool works_cases(const Params& params) {
  return std::any_of(params.actors.begin(), params.actors.end(),
                     [](const ActorSpec& a) { return a.immediate_activation.enabled || holds_meetings(a); });
}

int age_band_of(const AttributeSpec& attributes, int age_years) {
  return age_marks_of(attributes, age_years).band;
}

AgeMarks age_marks_of(const AttributeSpec& attributes, int age_years) {
  const auto& edges = attributes.age_band_edges;
  AgeMarks marks;
  // The inner edges, where one band gives way to the next, rise (the loader requires it): the
  // band is the last reached, the next edge the first not.
  for (std::size_t b = 1; b + 1 < edges.size(); ++b) {
    if (age_years < edges[b]) {
      marks.next_edge = edges[b];
      break;
    }
    marks.band = static_cast<int>(b);
  }
  return marks;
}

namespace {
template <class C>
std::uint8_t pick(const C& shares, std::uint32_t word) {
  return static_cast<std::uint8_t>(draw_index(shares, RandomStreams::unit(word)));
}
std::uint8_t pick(const IndexDraw& draw, std::uint32_t word) {
  return static_cast<std::uint8_t>(draw(RandomStreams::unit(word)));
}
/// The mix a citizen first appearing in `state` draws its attributes from.
const AttributeMix& mix_of(const Params& params, State state, bool initial_stock) {
  return (initial_stock ? params.attributes.initial_mix : params.attributes.mix)[index_of(state)];
}
const std::vector<double>& employability_shares(const Params& params, State state, bool initial_stock) {
  const auto& stock_classes = params.employability.initial_shares[index_of(state)];
  return initial_stock && !stock_classes.empty() ? stock_classes : params.employability.shares;
}
}  // namespace

MixDraws::MixDraws(const Params& params, State state, bool initial_stock)
    : MixDraws(mix_of(params, state, initial_stock), employability_shares(params, state, initial_stock)) {}

MixDraws::MixDraws(const AttributeMix& mix, const std::vector<double>& employability_shares)
    : sex(mix.sex),
      origin(mix.origin),
      match(mix.match),
      sick_category(mix.sick_category),
      area(mix.area),
      employability(employability_shares),
      age(mix.age) {}

void draw_attributes(const Params& params, const MixDraws& draws, const AttributeWords& words, Population& pop,
                     CitizenId i, State state, Week week, bool initial_stock) {
  const AttributeSpec& at = params.attributes;
  const auto& [a, b, c] = words;
  pop.sex[i] = pick(draws.sex, a[0]);
  pop.origin[i] = pick(draws.origin, a[1]);
  pop.match[i] = pick(draws.match, a[2]);
  pop.sick_category[i] = pick(draws.sick_category, a[3]);
  pop.area[i] = static_cast<std::uint8_t>(draws.area(area_draw(b)));
  pop.employability[i] = pick(draws.employability, b[1]);
  const int band = pick(draws.age, b[2]);
  const int lo = at.age_band_edges[band], hi = at.age_band_edges[band + 1];
  const double age_years = lo + RandomStreams::unit(b[3]) * (hi - lo);
  pop.birth_week[i] = static_cast<std::int16_t>(week - static_cast<int>(age_years * 365.0 / 7.0));
  const std::optional<double> odd_share =
      initial_stock ? params.population.odd_birth_day_share[index_of(state)] : std::nullopt;
  if (!odd_share) {
    pop.birth_day[i] = static_cast<std::uint8_t>(1 + c[0] % 31);
  } else {
    // Odd days 1, 3, ..., 31 (16 of them) or even days 2, ..., 30 (15), uniform within each.
    const bool odd = RandomStreams::unit(c[1]) < *odd_share;
    pop.birth_day[i] = static_cast<std::uint8_t>(odd ? 1 + 2 * (c[0] % 16) : 2 + 2 * (c[0] % 15));
  }
}

void reassess_categories(const Params& params, const RandomStreams& rng, Population& pop, CitizenId i, State state,
                         Week week) {
  const AttributeMix& mix = params.attributes.mix[index_of(state)];
  const bool defines_match = mix.match[0] < 1.0;
  const bool defines_sick = mix.sick_category[0] < 1.0;
  if (!(defines_match && pop.match[i] == 0) && !(defines_sick && pop.sick_category[i] == 0)) return;
  const auto w = rng.words(i, week, Process::entry);
  if (defines_match && pop.match[i] == 0) pop.match[i] = pick(mix.match, w[0]);
  if (defines_sick && pop.sick_category[i] == 0) pop.sick_category[i] = pick(mix.sick_category, w[1]);
}

namespace {
/// The initial stock's elapsed durations: geometric, with each state's mean, capped so weeks
/// stay representable. The log of each state's chance to stay a week is taken once.
class InitialSince {
 public:
  explicit InitialSince(const Params& params) : first_(params.calendar.first()) {
    for (std::size_t s = 0; s < kStates; ++s) {
      const double mean = params.population.initial_duration_mean_weeks[s];
      drawn_[s] = mean > 0.0;
      if (drawn_[s]) log_stay_[s] = std::log1p(-1.0 / (1.0 + mean));
    }
  }
  /// `word`: word 0 of words(i, 3, Process::attributes).
  std::int16_t operator()(std::uint32_t word, State s) const {
    const auto k = static_cast<std::size_t>(index_of(s));
    if (!drawn_[k]) return static_cast<std::int16_t>(first_);
    const double u = RandomStreams::unit(word);
    const int elapsed = std::min(5000, static_cast<int>(std::floor(std::log1p(-u) / log_stay_[k])));
    return static_cast<std::int16_t>(first_ - elapsed);
  }

 private:
  Week first_;
  std::array<bool, kStates> drawn_{};  // the state has a mean elapsed duration
  std::array<double, kStates> log_stay_{};
};

/// The draws of up to kChunk citizens from `first` on, made together through the batched
/// Philox (the same words as one by one).
constexpr std::size_t kChunk = 256;
struct ChunkWords {
  std::array<std::uint32_t, 4 * kChunk> a, b, c;
  std::array<std::uint32_t, 4 * kChunk> state, since;  // the initial stock's only; since where it has durations

  ChunkWords(const RandomStreams& rng, CitizenId first, std::size_t count, bool initial_stock, bool durations) {
    rng.words_batch(first, count, 0, Process::attributes, a.data());
    rng.words_batch(first, count, 1, Process::attributes, b.data());
    rng.words_batch(first, count, 2, Process::attributes, c.data());
    if (!initial_stock) return;
    rng.words_batch(first, count, 0, Process::initial_state, state.data());
    if (durations) rng.words_batch(first, count, 3, Process::attributes, since.data());
  }
  AttributeWords attributes(std::size_t k) const {
    auto four = [k](const std::array<std::uint32_t, 4 * kChunk>& w) {
      return std::array<std::uint32_t, 4>{w[4 * k], w[4 * k + 1], w[4 * k + 2], w[4 * k + 3]};
    };
    return {four(a), four(b), four(c)};
  }
};
}  // namespace

Population create_population(const Params& params, const RandomStreams& rng, int threads) {
  const Calendar& cal = params.calendar;
  // Inflow counts for each week and state, drawn from their own stream per week.
  std::vector<std::array<std::uint32_t, kStates>> inflow(static_cast<std::size_t>(cal.total()));
  std::size_t total = static_cast<std::size_t>(params.population.size);
  for (Week w = cal.first(); w < cal.end(); ++w) {
    boost::random::mt19937 engine(static_cast<std::uint32_t>(rng.seed64(0, w, Process::inflow_count)));
    for (int s = 0; s < kStates; ++s) {
      const double rate = params.inflow_rate[s].empty() ? 0.0 : params.inflow_rate[s][cal.slot(w)];
      std::uint32_t n = 0;
      if (rate > 0.0) n = boost::random::poisson_distribution<std::uint32_t, double>(rate)(engine);
      inflow[cal.slot(w)][s] = n;
      // Inflow during the last week would enter after the run and is never seen.
      if (w + 1 < cal.end()) total += n;
    }
  }
  if (total >= 0xFFFFFFF0u) throw std::length_error("population exceeds 2^32 citizens");

  Population pop;
  pop.casework = works_cases(params);
  // Each citizen's fields are cleared by the thread that draws them: their pages are then
  // first touched side by side.
  pop.allocate(total);
  pop.first_of_week.assign(static_cast<std::size_t>(cal.total()) + 1, 0);

  // Every citizen's draws are keyed by its id, so they can be made in any order, in parallel,
  // and many citizens' at once. The loops allocate nothing and cannot throw.
  std::vector<MixDraws> stock_draws, inflow_draws;  // [state]
  for (int s = 0; s < kStates; ++s) {
    stock_draws.emplace_back(params, static_cast<State>(s), true);
    inflow_draws.emplace_back(params, static_cast<State>(s), false);
  }
  const IndexDraw initial_state(params.population.state_shares);
  const InitialSince initial_since(params);
  const auto n0 = static_cast<std::int64_t>(params.population.size);
  // Only a state with a mean elapsed duration draws one.
  const auto& means = params.population.initial_duration_mean_weeks;
  const bool durations = std::any_of(means.begin(), means.end(), [](double mean) { return mean > 0.0; });
  const auto stock_chunks = (n0 + static_cast<std::int64_t>(kChunk) - 1) / static_cast<std::int64_t>(kChunk);
  // Handed out as threads come free: a thread that starts late (the main thread, still waking
  // the others) would otherwise finish its half late.
#pragma omp parallel for num_threads(threads) schedule(dynamic, 16) if (threads > 1)
  for (std::int64_t chunk = 0; chunk < stock_chunks; ++chunk) {
    const auto first = static_cast<CitizenId>(chunk * static_cast<std::int64_t>(kChunk));
    const std::size_t count = std::min<std::size_t>(kChunk, static_cast<std::size_t>(n0) - first);
    const ChunkWords words(rng, first, count, true, durations);
    pop.clear(first, first + static_cast<CitizenId>(count));
    for (std::size_t k = 0; k < count; ++k) {
      const CitizenId i = first + static_cast<CitizenId>(k);
      const State s = static_cast<State>(initial_state(RandomStreams::unit(words.state[4 * k])));
      draw_attributes(params, stock_draws[index_of(s)], words.attributes(k), pop, i, s, cal.first(), true);
      pop.state[i] = static_cast<std::uint8_t>(s);
      pop.prev_state[i] = kNoPreviousState;
      pop.state_since[i] = initial_since(durations ? words.since[4 * k] : 0u, s);
    }
  }
  // The inflow: citizens numbered by week of entry, then state.
  struct Arrivals {
    CitizenId first;
    std::uint32_t count;
    Week week;
    State state;
  };
  std::vector<Arrivals> arrivals;
  CitizenId next = static_cast<CitizenId>(n0);
  pop.first_of_week[0] = next;
  for (Week w = cal.first(); w < cal.end(); ++w) {
    // Slot of week w+1 counts everyone who entered by its start.
    if (w + 1 < cal.end()) {
      for (int s = 0; s < kStates; ++s) {
        const std::uint32_t n = inflow[cal.slot(w)][s];
        if (n > 0) arrivals.push_back({next, n, w + 1, static_cast<State>(s)});
        next += n;
      }
    }
    pop.first_of_week[cal.slot(w) + 1] = next;
  }
  const auto groups = static_cast<std::int64_t>(arrivals.size());
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1) if (threads > 1)
  for (std::int64_t g = 0; g < groups; ++g) {
    const Arrivals& a = arrivals[static_cast<std::size_t>(g)];
    for (CitizenId first = a.first; first < a.first + a.count; first += static_cast<CitizenId>(kChunk)) {
      const std::size_t count = std::min<std::size_t>(kChunk, a.first + a.count - first);
      const ChunkWords words(rng, first, count, false, false);
      pop.clear(first, first + static_cast<CitizenId>(count));
      for (std::size_t k = 0; k < count; ++k) {
        const CitizenId i = first + static_cast<CitizenId>(k);
        draw_attributes(params, inflow_draws[index_of(a.state)], words.attributes(k), pop, i, a.state, a.week, false);
        pop.state[i] = static_cast<std::uint8_t>(a.state);
        pop.prev_state[i] = kNoPreviousState;
        pop.state_since[i] = static_cast<std::int16_t>(a.week);
      }
    }
  }
  if (params.population.split_exactly) split_stock_exactly(params, rng, pop, static_cast<CitizenId>(n0));
  return pop;
}

}  // namespace almpsim
