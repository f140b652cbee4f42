#pragma once
// Shared declarations of the pybind11 glue. Bindings only convert types: no scoring logic here.

#include <pybind11/pybind11.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "teamgraph/cancel.hpp"
#include "teamgraph/findings.hpp"
#include "teamgraph/org.hpp"
#include "teamgraph/policy.hpp"

namespace teamgraph {
struct Report;
struct TalentGrid;
}  // namespace teamgraph

namespace teamgraph::python {

// A report's findings as a FindingColumns object (bind_findings.cpp), keeping the report alive.
pybind11::object finding_columns(std::shared_ptr<const Report> report, std::shared_ptr<const Org> org);
// A finding's argument as (name, kind, value) (bind_scores.cpp).
pybind11::tuple finding_arg(const FindingArg& a);

// The policy a call uses for `org`: defaults, then team.json's policy, then `overrides` (JSON).
Policy policy_for(const Org& org, const std::string& overrides);

// Runs a long C++ call with the GIL released, on a worker thread, while this thread checks for
// Ctrl-C every 100 ms. On Ctrl-C the call is cancelled (it stops at its next check, well within a
// second), the KeyboardInterrupt propagates, and nothing is left half-built. `f` must not touch
// Python objects.
template <class F>
auto interruptible(F&& f) -> decltype(f()) {
  using Result = decltype(f());
  std::atomic<bool> cancel{false};
  std::optional<Result> result;
  std::exception_ptr error;
  bool done = false, interrupted = false;
  std::mutex mutex;
  std::condition_variable finished;
  {
    pybind11::gil_scoped_release release;
    std::thread worker([&] {
      CancelScope scope(&cancel);
      try {
        result.emplace(f());
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(mutex);
      done = true;
      finished.notify_one();
    });
    std::unique_lock<std::mutex> lock(mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(100), [&] { return done; })) {
      if (interrupted) continue;
      lock.unlock();
      {
        pybind11::gil_scoped_acquire gil;
        interrupted = PyErr_CheckSignals() != 0;  // leaves the KeyboardInterrupt set
      }
      if (interrupted) cancel = true;
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  if (interrupted) throw pybind11::error_already_set();
  if (error) std::rethrow_exception(error);
  return std::move(*result);
}

// Gives the memory the C library holds free back to the system after a call on a large org
// (#17): reading, building and scoring free hundreds of MB in the arenas of the threads that did
// the work, which glibc keeps resident otherwise (120 MB after reading a rich org of a million
// people, 180 MB after assessing it). A few milliseconds, but what is given back is touched anew
// when memory is asked for again: at 100k people that cost a tenth of an analyst's pipeline
// (from_frames, assess, the per-person table and the findings frame), for 20-40 MB. Hence from
// half a million people on only. Called with the GIL held: lets go of it meanwhile.
inline void release_free_memory(std::size_t people) {
#if defined(__GLIBC__)
  if (people < 500'000) return;
  pybind11::gil_scoped_release release;
  malloc_trim(0);
#else
  (void)people;
#endif
}


void bind_org(pybind11::module_& m);
void bind_report(pybind11::module_& m);
void bind_scores(pybind11::module_& m);
void bind_findings(pybind11::module_& m);
void bind_json(pybind11::module_& m);

// The reserve pool's suggestions (bind_talent_grid.cpp; the grid itself is in bind_report.cpp).
void bind_talent_grid(pybind11::module_& m);

}  // namespace teamgraph::python
