#pragma once
// Stopping long calls from outside: a caller (the Python bindings on Ctrl-C) sets a flag, and the
// long loops of the library poll it and throw Cancelled. The library stays usable afterwards: an
// Org is never half-built, and nothing global is left changed.

#include <atomic>
#include <stdexcept>

namespace teamgraph {

class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("the computation was cancelled") {}
};

// While a CancelScope lives, check_cancelled() on this thread throws once *flag is true.
class CancelScope {
 public:
  explicit CancelScope(const std::atomic<bool>* flag);
  ~CancelScope();
  CancelScope(const CancelScope&) = delete;
  CancelScope& operator=(const CancelScope&) = delete;

 private:
  const std::atomic<bool>* previous_;
};

// The flag of this thread's innermost CancelScope (nullptr when none): worker threads started by
// the library take it over.
const std::atomic<bool>* current_cancel_flag() noexcept;

// Throws Cancelled when this thread's flag is set; cheap enough to call every few thousand rows.
void check_cancelled();

}  // namespace teamgraph
