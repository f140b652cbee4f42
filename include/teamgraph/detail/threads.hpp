#pragma once
// Private: extra threads are a speed-up, never a requirement.

#include <functional>
#include <future>
#include <new>
#include <system_error>
#include <thread>

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

}  // namespace teamgraph::detail
