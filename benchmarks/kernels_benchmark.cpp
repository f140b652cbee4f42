// Google Benchmark for the C++ kernels on synthetic orgs of 1e3 .. 2e6 people (spans 6-8, about
// four sharing links a person, deterministic seed), and assess() of the rich org of 1e4 .. 1e6
// people (every table, as synthetic_org.py's rich_frames: rich_org.cpp), findings counted, on
// assess()'s default two threads and on one. Times are wall-clock. Run:
//   cmake -S . -B build/bench -DTEAMGRAPH_BUILD_BENCHMARKS=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build/bench --target teamgraph_benchmarks && build/bench/benchmarks/teamgraph_benchmarks

#include <benchmark/benchmark.h>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/range/iterator_range.hpp>

#include <malloc.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include "rich_org.hpp"
#include "teamgraph/detail/id_map.hpp"
#include "teamgraph/teamgraph.hpp"
#include "teamgraph/org_parts.hpp"

namespace {

using teamgraph::Org;

// A synthetic org built through the public builder, cached per size. Everyone shares with their
// manager and with one other person: anyone at all (`local_share` = 0), or with that probability
// someone within 50 places of them in the org's breadth-first numbering (their own or a
// neighbouring team) and anyone otherwise.
const Org& synthetic(std::int64_t n, double local_share = 0.0) {
  static std::map<std::pair<std::int64_t, double>, Org> cache;
  if (auto it = cache.find({n, local_share}); it != cache.end()) return it->second;
  std::mt19937_64 rng(42);
  std::vector<std::string> ids(static_cast<std::size_t>(n)), managers(static_cast<std::size_t>(n)), tiers(static_cast<std::size_t>(n));
  std::vector<std::int64_t> manager(static_cast<std::size_t>(n), -1);
  std::int64_t next = 1;
  for (std::int64_t m = 0; m < n && next < n; ++m) {
    const std::int64_t span = 6 + static_cast<std::int64_t>(rng() % 3);
    for (std::int64_t k = 0; k < span && next < n; ++k) manager[static_cast<std::size_t>(next++)] = m;
  }
  for (std::int64_t i = 0; i < n; ++i) {
    ids[static_cast<std::size_t>(i)] = "p" + std::to_string(i);
    tiers[static_cast<std::size_t>(i)] = i < 8 ? "core" : "execution";
  }
  for (std::int64_t i = 0; i < n; ++i)
    managers[static_cast<std::size_t>(i)] = manager[static_cast<std::size_t>(i)] < 0 ? "" : ids[static_cast<std::size_t>(manager[static_cast<std::size_t>(i)])];
  std::vector<std::string> a, b;
  std::map<std::pair<std::int64_t, std::int64_t>, bool> seen;
  for (std::int64_t i = 1; i < n; ++i) {
    const bool local = local_share > 0 && static_cast<double>(rng() % 1000) < local_share * 1000;
    const std::int64_t other = local ? std::clamp<std::int64_t>(i - 50 + static_cast<std::int64_t>(rng() % 101), 0, n - 1)
                                     : static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n));
    for (const auto j : {manager[static_cast<std::size_t>(i)], other}) {
      if (j == i) continue;
      const auto key = std::minmax(i, j);
      if (!seen.emplace(key, true).second) continue;
      a.push_back(ids[static_cast<std::size_t>(key.first)]);
      b.push_back(ids[static_cast<std::size_t>(key.second)]);
    }
  }
  auto views = [](const std::vector<std::string>& v) { return std::vector<std::string_view>(v.begin(), v.end()); };
  teamgraph::Table people("people");
  people.set_row_count(static_cast<std::size_t>(n));
  people.add_text_column("id", views(ids));
  people.add_text_column("manager_id", views(managers));
  people.add_text_column("tier", views(tiers));
  teamgraph::Table sharing("sharing");
  sharing.set_row_count(a.size());
  sharing.add_text_column("person_a", views(a));
  sharing.add_text_column("person_b", views(b));
  std::vector<std::string> online(a.size(), "online");
  sharing.add_text_column("channel", views(online));
  teamgraph::OrgBuilder builder;
  builder.add_table("people", std::move(people));
  builder.add_table("sharing", std::move(sharing));
  return cache.emplace(std::pair{n, local_share}, builder.build()).first->second;
}

// A field of /proc/self/status in KiB (Linux).
long status_kib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  return -1;
}

// Peak memory that `run` adds to the process, in MB: freed heap is returned to the system and
// the kernel's high-water mark reset first, so the peak is of pages `run` itself touched.
template <typename F>
double peak_mb(F run) {
  malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
  const long before = status_kib("VmRSS");
  run();
  return static_cast<double>(status_kib("VmHWM") - before) / 1024.0;
}

// Second argument: assess()'s threads (0: its default, two from 4,096 people on; 1: one thread).
void BM_Assess(benchmark::State& state) {
  const Org& org = synthetic(state.range(0));
  const teamgraph::Policy policy = teamgraph::effective_policy(org);
  const auto threads = static_cast<unsigned>(state.range(1));
  const double assess_mb = peak_mb([&] { benchmark::DoNotOptimize(teamgraph::assess(org, policy, threads)); });
  for (auto _ : state) benchmark::DoNotOptimize(teamgraph::assess(org, policy, threads));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["peak_MB"] = assess_mb;  // peak of one assess() on top of the org it reads
}

// The rich org of synthetic_org.py's rich_frames (every table; rich_org.cpp), cached per size;
// the arguments as BM_Assess's.
const Org& rich(std::int64_t n) {
  static std::map<std::int64_t, Org> cache;
  if (auto it = cache.find(n); it != cache.end()) return it->second;
  return cache.emplace(n, teamgraph_benchmarks::rich_org(n)).first->second;
}

void BM_AssessRich(benchmark::State& state) {
  const Org& org = rich(state.range(0));
  const teamgraph::Policy policy = teamgraph::effective_policy(org);
  const auto threads = static_cast<unsigned>(state.range(1));
  std::size_t findings = 0;
  const double assess_mb = peak_mb([&] { findings = teamgraph::assess(org, policy, threads).findings.size(); });
  for (auto _ : state) benchmark::DoNotOptimize(teamgraph::assess(org, policy, threads));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["peak_MB"] = assess_mb;
  state.counters["findings"] = static_cast<double>(findings);
}

void BM_DepartureImpact(benchmark::State& state) {
  const Org& org = synthetic(state.range(0));
  const teamgraph::Policy policy;
  const auto leadership = teamgraph::leadership_coverage(org, policy);
  for (auto _ : state) benchmark::DoNotOptimize(teamgraph::departure_impact(org, policy, &leadership));
  state.SetComplexityN(state.range(0));
}

// The same on orgs whose sharing links are mostly local (nine in ten within the team or a
// neighbouring one), as in a real org: the pass then walks memory in order.
void BM_DepartureImpactLocalLinks(benchmark::State& state) {
  const Org& org = synthetic(state.range(0), 0.9);
  const teamgraph::Policy policy;
  const auto leadership = teamgraph::leadership_coverage(org, policy);
  for (auto _ : state) benchmark::DoNotOptimize(teamgraph::departure_impact(org, policy, &leadership));
  state.SetComplexityN(state.range(0));
}

void BM_SharingStructure(benchmark::State& state) {
  const Org& org = synthetic(state.range(0));
  const auto core = teamgraph::people_in_tier(org, teamgraph::Tier::core);
  for (auto _ : state) benchmark::DoNotOptimize(teamgraph::sharing_structure(org, core));
  state.SetComplexityN(state.range(0));
}

// The depth-first pass of departure impact alone (who cuts whom off from the core; no brokers).
void BM_CutOffPass(benchmark::State& state) {
  const Org& org = synthetic(state.range(0));
  const auto core = teamgraph::people_in_tier(org, teamgraph::Tier::core);
  for (auto _ : state) benchmark::DoNotOptimize(teamgraph::sharing_structure(org, core, false));
}

// The floor under any analysis of who is cut off: reach everyone from the core once (Boost's
// breadth-first search, which unlike a depth-first pass knows its next people in advance and so
// can have many reads in flight), then read the far end of every link once. Both read memory at
// random, so this shows how much of departure impact's growth from one size to the next comes
// from the data outgrowing a cache level rather than from the algorithm. Second argument: the
// share of local links in percent (0 as BM_DepartureImpact, 90 as BM_DepartureImpactLocalLinks).
void BM_LinkScanFloor(benchmark::State& state) {
  using teamgraph::index_t;
  const Org& org = synthetic(state.range(0), static_cast<double>(state.range(1)) / 100.0);
  const auto& g = org.sharing().graph;
  const index_t n = org.size();
  const auto core = teamgraph::people_in_tier(org, teamgraph::Tier::core);
  struct Order : boost::default_bfs_visitor {
    index_t* order;
    index_t* next;
    void discover_vertex(index_t v, const teamgraph::Digraph&) const { order[v] = (*next)++; }
  };
  for (auto _ : state) {
    std::vector<index_t> order(n, teamgraph::no_index), nearest(n);
    std::vector<boost::default_color_type> colour(n, boost::white_color);
    index_t next = 0;
    boost::queue<index_t> queue;
    boost::breadth_first_search(g, core.begin(), core.end(), queue, Order{{}, order.data(), &next},
                                boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, g)));
    for (index_t v = 0; v < n; ++v) {
      index_t m = order[v];
      for (const index_t w : boost::make_iterator_range(boost::adjacent_vertices(v, g))) m = std::min(m, order[w]);
      nearest[v] = m;
    }
    benchmark::DoNotOptimize(nearest.data());
  }
  state.SetComplexityN(state.range(0));
}

// The id work of loading the synthetic org of N people, with the loader's own map: N ids (as
// synthetic_org.py writes them) made unique, then N manager and 4N link-end references resolved,
// in random order. Reading the files into tables (pandas) does none of this; loading an Org must.
void BM_IdResolution(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<std::string> text;
  for (std::size_t i = 0; i < n; ++i) text.push_back("p" + std::to_string(i));
  const std::vector<std::string_view> ids(text.begin(), text.end());
  std::mt19937_64 random(7);
  std::vector<std::string_view> references(5 * n);
  for (auto& r : references) r = ids[random() % n];
  for (auto _ : state) {
    teamgraph::detail::IdMap map(ids, n);
    std::vector<std::uint32_t> first, found;
    map.insert_all(first);
    map.find_all(references, found);
    benchmark::DoNotOptimize(found.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * 6 * n));
}

// Teams of 20 as benchmarks/batch.py makes them (spans of 3, three core members, one sharing
// link a person to an earlier colleague, an assessment and a flight risk), all in one pair of batch tables with a team_id column.
struct Batch {
  teamgraph::Table people{"people"}, sharing{"sharing"};
};
const Batch& batch(std::int64_t teams) {
  static std::map<std::int64_t, Batch> cache;
  if (auto it = cache.find(teams); it != cache.end()) return it->second;
  constexpr int size = 20;
  std::mt19937_64 rng(7);
  std::vector<std::string> team, id, manager, tier, s_team, s_a, s_b;
  std::vector<double> assessment, flight_risk;
  for (std::int64_t t = 0; t < teams; ++t)
    for (int i = 0; i < size; ++i) {
      team.push_back("t" + std::to_string(t));
      id.push_back("p" + std::to_string(i));
      manager.push_back(i ? "p" + std::to_string((i - 1) / 3) : "");
      tier.push_back(i < 3 ? "core" : "execution");
      assessment.push_back(static_cast<double>(1 + rng() % 5) / 5.0);
      flight_risk.push_back(static_cast<double>(rng() % 1000) / 1000.0);
      if (i) {
        s_team.push_back(team.back());
        s_a.push_back(id.back());
        s_b.push_back("p" + std::to_string(rng() % static_cast<std::uint64_t>(i)));
      }
    }
  auto views = [](const std::vector<std::string>& v) { return std::vector<std::string_view>(v.begin(), v.end()); };
  Batch& b = cache[teams];
  b.people.set_row_count(id.size());
  b.people.add_text_column("team_id", views(team));
  b.people.add_text_column("id", views(id));
  b.people.add_text_column("manager_id", views(manager));
  b.people.add_text_column("tier", views(tier));
  b.people.add_numeric_column("assessment", assessment);
  b.people.add_numeric_column("flight_risk", flight_risk);
  b.sharing.set_row_count(s_a.size());
  b.sharing.add_text_column("team_id", views(s_team));
  b.sharing.add_text_column("person_a", views(s_a));
  b.sharing.add_text_column("person_b", views(s_b));
  const std::vector<std::string> online(s_a.size(), "online");
  b.sharing.add_text_column("channel", views(online));
  return b;
}

void BM_AssessMany(benchmark::State& state) {
  const Batch& b = batch(state.range(0));
  const std::vector<std::pair<std::string, const teamgraph::Table*>> tables{{"people", &b.people},
                                                                            {"sharing", &b.sharing}};
  for (auto _ : state)
    benchmark::DoNotOptimize(teamgraph::assess_many(tables, "team_id", {}, {}, static_cast<unsigned>(state.range(1))));
  state.SetItemsProcessed(state.iterations() * state.range(0));  // teams a second
}

}  // namespace

BENCHMARK(BM_IdResolution)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AssessMany)->Args({10000, 1})->Args({100000, 1})->Args({100000, 2})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Assess)->ArgsProduct({{1000, 10000, 100000, 1000000, 2000000}, {0, 1}})->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AssessRich)->ArgsProduct({{10000, 100000, 1000000}, {0, 1}})->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DepartureImpact)->RangeMultiplier(10)->Range(1000, 1000000)->Arg(200000)->Arg(2000000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(BM_DepartureImpactLocalLinks)->RangeMultiplier(10)->Range(1000, 1000000)->Arg(200000)->Arg(2000000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(BM_SharingStructure)->RangeMultiplier(10)->Range(1000, 1000000)->Unit(benchmark::kMillisecond)->Complexity();
BENCHMARK(BM_CutOffPass)->RangeMultiplier(10)->Range(1000, 1000000)->Arg(200000)->Arg(2000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LinkScanFloor)->ArgsProduct({{1000, 10000, 100000, 200000, 1000000, 2000000}, {0, 90}})->Unit(benchmark::kMillisecond);
