#pragma once
// A long JSON array written in blocks (#17): the report's people and findings of a large org are
// gigabytes of text, so they are formatted a block of items at a time on worker threads (the GIL
// released) and handed in order to a Python `write` callable (a file's write), never held whole.
// Private to the module.

#include <pybind11/pybind11.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "teamgraph/detail/threads.hpp"

namespace teamgraph::python::json {

// Threads for writing texts side by side: the cores, at most four.
inline std::size_t worker_threads() { return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4); }

// Writes `prefix`, items [0, count) formatted by format(begin, end, out) (which appends the text of
// items begin..end-1 to `out`), then `suffix`, through write(memoryview), in order. Without a
// `write` the whole text is returned as bytes instead. `format` must not touch Python objects.
template <class Format>
pybind11::object stream_blocks(std::size_t count, std::size_t block, const std::string& prefix, const std::string& suffix,
                               const Format& format, const pybind11::object& write) {
  namespace py = pybind11;
  if (write.is_none()) {
    std::string out = prefix;
    {
      py::gil_scoped_release release;
      format(std::size_t{0}, count, out);
      out += suffix;
    }
    return py::bytes(out);
  }
  const auto emit = [&](const std::string& text) {
    if (!text.empty()) write(py::memoryview::from_memory(text.data(), static_cast<py::ssize_t>(text.size())));
  };
  emit(prefix);
  const std::size_t blocks = (count + block - 1) / block;
  // The workers format blocks in order, each into a slot of a ring, as long as a slot is free;
  // this thread writes the blocks in order as they are ready and frees their slots. Neither waits
  // for the other but when the ring is full or the next block is not ready: the writing (a disk
  // write without the GIL) and the formatting go on side by side.
  const std::size_t threads = std::min(worker_threads(), blocks), slots = 2 * threads + 1;
  struct Slot {
    std::string text;  // its capacity kept from block to block
    bool ready = false;
    std::exception_ptr error;
  };
  std::vector<Slot> ring(slots);
  std::mutex mutex;
  std::condition_variable made, freed;
  std::size_t claimed = 0, written = 0;  // blocks given to a worker; blocks written (their slots free)
  bool stop = false;
  const auto work = [&] {
    for (;;) {
      std::size_t b = 0;
      {
        std::unique_lock lock(mutex);
        freed.wait(lock, [&] { return stop || claimed >= blocks || claimed < written + slots; });
        if (stop || claimed >= blocks) return;
        b = claimed++;
      }
      Slot& slot = ring[b % slots];
      slot.text.clear();
      try {
        format(b * block, std::min(count, (b + 1) * block), slot.text);
      } catch (...) {
        slot.error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex);
        slot.ready = true;
      }
      made.notify_all();
    }
  };
  std::vector<std::thread> workers;
  const auto finish = [&] {  // stops the workers (at their next block) and waits for them
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    freed.notify_all();
    py::gil_scoped_release release;
    for (auto& w : workers) w.join();
  };
  try {
    // As many workers as the system starts (try_thread); with none, each block is formatted here.
    for (std::size_t t = 0; t < threads; ++t) {
      std::thread worker = teamgraph::detail::try_thread(work);
      if (!worker.joinable()) break;
      workers.push_back(std::move(worker));
    }
    for (std::size_t b = 0; b < blocks; ++b) {
      Slot& slot = ring[b % slots];
      if (workers.empty()) {
        py::gil_scoped_release release;
        slot.text.clear();
        format(b * block, std::min(count, (b + 1) * block), slot.text);
      } else {
        py::gil_scoped_release release;
        std::unique_lock lock(mutex);
        made.wait(lock, [&] { return slot.ready; });
      }
      if (slot.error) std::rethrow_exception(slot.error);
      emit(slot.text);
      {
        std::lock_guard lock(mutex);
        slot.ready = false;
        written = b + 1;
      }
      freed.notify_all();
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  emit(suffix);
  return py::none();
}

}  // namespace teamgraph::python::json
