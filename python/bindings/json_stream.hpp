#pragma once
// A long JSON array written in blocks (#17): the report's people and findings of a large org are
// gigabytes of text, so they are formatted a block of items at a time on worker threads (the GIL
// released) and handed in order to a Python `write` callable (a file's write), never held whole.
// Private to the module.

#include <pybind11/pybind11.h>

#include <algorithm>
#include <exception>
#include <string>
#include <thread>
#include <vector>

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
  const std::size_t threads = worker_threads();
  const std::size_t blocks = (count + block - 1) / block;
  // Round r formats blocks [r * threads, (r + 1) * threads) while this thread writes round r - 1.
  std::vector<std::string> ready(threads), next(threads);
  std::vector<std::exception_ptr> errors(threads);
  for (std::size_t first = 0;; first += threads) {
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < threads && first + t < blocks; ++t)
      workers.emplace_back([&, t] {
        const std::size_t begin = (first + t) * block, end = std::min(count, begin + block);
        next[t].clear();
        try {
          format(begin, end, next[t]);
        } catch (...) {
          errors[t] = std::current_exception();
        }
      });
    std::exception_ptr write_error;
    try {
      for (const auto& text : ready) emit(text);
    } catch (...) {
      write_error = std::current_exception();
    }
    {
      py::gil_scoped_release release;
      for (auto& w : workers) w.join();
    }
    if (write_error) std::rethrow_exception(write_error);
    for (auto& e : errors)
      if (e) std::rethrow_exception(e);
    if (workers.empty()) break;
    std::swap(ready, next);
    for (std::size_t t = workers.size(); t < threads; ++t) ready[t].clear();
  }
  emit(suffix);
  return py::none();
}

}  // namespace teamgraph::python::json
