#include "teamgraph/cancel.hpp"

namespace teamgraph {
namespace {
thread_local const std::atomic<bool>* cancel_flag = nullptr;
}

CancelScope::CancelScope(const std::atomic<bool>* flag) : previous_(cancel_flag) { cancel_flag = flag; }
CancelScope::~CancelScope() { cancel_flag = previous_; }

const std::atomic<bool>* current_cancel_flag() noexcept { return cancel_flag; }

void check_cancelled() {
  if (cancel_flag && cancel_flag->load(std::memory_order_relaxed)) throw Cancelled();
}

}  // namespace teamgraph
