#pragma once
// Private: extra threads are a speed-up, never a requirement.

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <future>
#include <new>
#include <system_error>
#include <thread>
#include <vector>

#include "teamgraph/cancel.hpp"

namespace teamgraph::detail {

// Runs `f` on a new thread, or returns no thread (not joinable) when the system cannot start one:
// no memory for its stack, or the process at its thread limit. The caller then does the work
// itself, so a machine short of memory gets the same result, later, instead of an error. `f` must
// outlive the thread.
template <typename F>
std::thread try_thread(F& f) {
  try {
    return std::thread(std::ref(f));
  } catch (const std::system_error&) {
    return std::thread();
  } catch (const std::bad_alloc&) {
    return std::thread();
  }
}

// std::async on a new thread, or, when the system cannot start one, deferred: `f` then runs on
// the thread that asks for its result.
template <typename F>
auto async_or_deferred(F f) {
  try {
    return std::async(std::launch::async, f);
  } catch (const std::system_error&) {
    return std::async(std::launch::deferred, std::move(f));
  }
}

// Runs `first` and `second` (which share nothing), `second` on another thread when `parallel`
// (on a small table a thread costs more than it saves) and the system can start one.
template <typename F, typename G>
void side_by_side(bool parallel, F&& first, G&& second) {
  std::exception_ptr failed;
  const std::atomic<bool>* cancel = current_cancel_flag();
  auto run_second = [&] {
    try {
      CancelScope scope(cancel);  // the caller's Ctrl-C reaches the other thread too
      second();
    } catch (...) {
      failed = std::current_exception();
    }
  };
  std::thread other = parallel ? try_thread(run_second) : std::thread();
  try {
    first();
  } catch (...) {
    if (other.joinable()) other.join();
    throw;
  }
  if (other.joinable())
    other.join();
  else
    run_second();
  if (failed) std::rethrow_exception(failed);
}

// Runs f(k) for every k in [0, n), each once, on up to `threads` threads (the caller's among
// them) that take the next k as they come free: uneven items (files of very different sizes)
// keep every thread busy to the end. Threads the system cannot start leave their share to the
// others. The caller's cancel flag holds on every thread; the exception of the lowest k that
// failed is rethrown once all are done.
template <typename F>
void for_each_index(std::size_t n, unsigned threads, F&& f) {
  if (threads <= 1 || n <= 1) {  // on the calling thread, allocating nothing (a batch builds a million small teams)
    std::exception_ptr first_failed;
    for (std::size_t k = 0; k < n; ++k) {
      try {
        f(k);
      } catch (...) {
        if (!first_failed) first_failed = std::current_exception();
      }
    }
    if (first_failed) std::rethrow_exception(first_failed);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failed(n);
  const std::atomic<bool>* cancel = current_cancel_flag();
  auto work = [&] {
    CancelScope scope(cancel);
    for (std::size_t k = next++; k < n; k = next++) {
      try {
        f(k);
      } catch (...) {
        failed[k] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(std::min<std::size_t>(threads, n));  // before any thread starts: no push_back can throw after
  for (unsigned t = 1; t < threads && t < n; ++t) {
    std::thread worker = try_thread(work);
    if (!worker.joinable()) break;
    pool.push_back(std::move(worker));
  }
  work();
  for (auto& t : pool) t.join();
  for (auto& e : failed)
    if (e) std::rethrow_exception(e);
}

}  // namespace teamgraph::detail
