// The org's tables for Python, in canonical row order: numbers as read-only numpy views into the
// Org (no copy; the array keeps the Org alive), text as Arrow buffers, categories as codes and
// labels; and the input schema as Python data.

#include <pybind11/stl.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <limits>
#include <optional>
#include <span>

#include "columns.hpp"
#include "teamgraph/detail/threads.hpp"
#include "teamgraph/schema.hpp"

namespace teamgraph::python {

py::array_t<double> view(const Eigen::VectorXd& v, py::handle owner) {
  return view(v.data(), static_cast<std::size_t>(v.size()), owner);
}

// Index columns as int64 with -1 for "none" (no_index does not travel well to pandas).
py::array_t<std::int64_t> indices(const std::vector<index_t>& v) {
  py::array_t<std::int64_t> out(static_cast<py::ssize_t>(v.size()));
  auto* data = out.mutable_data();
  for (std::size_t i = 0; i < v.size(); ++i) data[i] = v[i] == no_index ? -1 : static_cast<std::int64_t>(v[i]);
  return out;
}

py::object text_or_none(std::string_view s) { return s.empty() ? py::object(py::none()) : py::object(py::str(s.data(), s.size())); }

py::list text_list(const StringColumn& column) {
  py::list out(column.size());
  for (std::size_t i = 0; i < column.size(); ++i) out[i] = text_or_none(column[i]);
  return out;
}

// Output text columns go as Arrow buffers too: no Python string per person (a 1M-person table
// took 0.6 s as lists). An empty cell is missing.
std::optional<std::string_view> given(std::string_view text) {
  return text.empty() ? std::nullopt : std::optional<std::string_view>(text);
}

namespace {

template <class E>
std::vector<std::int8_t> enum_values(const std::vector<E>& values) {
  std::vector<std::int8_t> codes(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) codes[i] = static_cast<std::int8_t>(values[i]);
  return codes;
}

std::vector<std::string> schema_labels(std::string_view table, std::string_view column) {
  const auto& labels = enum_labels(table, column);
  return {labels.begin(), labels.end()};
}

// The columns of one table, in the Org's canonical row order, each handed to `sink` by kind:
//   text(name, rows, cell)         cell(i): row i's text, nullopt where missing
//   numbers(name, values)          an Eigen vector of the Org
//   numbers(name, rows, value)     value(i): row i's number, read in order (made from the Org)
//   categorical(name, codes, labels)  codes: int32 or int8, -1 where missing
//   flags(name, codes)             int8: 1 true, 0 false, -1 missing
//   dates(name, seconds)           no_date where missing
// Scored values (assessment, potential, flight_risk, competency scores) as read, on their
// declared scales, or mapped to [0, 1] when `normalized`.
// A sink whose `dates_only` is true reads the date columns only: visit_table may leave out
// columns of other kinds that it would have to make.
template <class Sink>
constexpr bool dates_only = [] {
  if constexpr (requires { Sink::dates_only; })
    return Sink::dates_only;
  else
    return false;
}();

template <class Sink>
void visit_table(const Org& org, const std::string& name, bool normalized, Sink& sink) {
  auto texts = [&](std::string_view column, const StringColumn& c) {
    sink.text(column, c.size(), [&](std::size_t i) { return given(c[i]); });
  };
  // The ids of the people person(i) of n rows (no_index: missing).
  auto person_ids_of = [&](std::string_view column, std::size_t n, auto person) {
    const StringColumn& ids = org.people().ids;  // read in place: a call a cell adds up over millions
    sink.text(column, n, [&](std::size_t i) {
      const index_t p = person(i);
      return p == no_index ? std::nullopt : given(ids[p]);
    });
  };
  auto person_ids = [&](std::string_view column, const std::vector<index_t>& people) {
    person_ids_of(column, people.size(), [&](std::size_t i) { return people[i]; });
  };
  auto categories = [&](std::string_view column, const Categories& c) { sink.categorical(column, c.codes, c.labels); };
  // The schema's columns without a member of their own, typed as the other columns of their kind.
  auto schema_columns = [&](const std::vector<SchemaColumn>& columns) {
    for (const auto& c : columns) {
      switch (c.kind) {
        case ColumnKind::number: sink.numbers(c.name, c.numbers); break;
        case ColumnKind::boolean: sink.flags(c.name, c.codes); break;
        case ColumnKind::date: sink.dates(c.name, c.dates); break;
        case ColumnKind::enumeration: sink.categorical(c.name, c.codes, schema_labels(name, c.name)); break;
        default: sink.text(c.name, c.texts.size(), [&](std::size_t i) { return given(c.texts[i]); });
      }
    }
  };
  auto extras = [&](const std::vector<ExtraColumn>& extra) {
    for (const auto& column : extra)
      sink.text(column.name, column.values.size(), [&](std::size_t i) { return given(column.values[i]); });
  };
  if (name == "people") {
    const auto& p = org.people();
    texts("id", p.ids);
    texts("name", p.names);
    categories("department", p.departments);
    categories("role", p.roles);
    {
      std::vector<std::int8_t> tiers = enum_values(p.tiers);
      for (std::size_t i = 0; i < p.placeholder.size(); ++i)
        if (p.placeholder[i]) tiers[i] = -1;  // a placeholder person is in no tier
      sink.categorical("tier", tiers, schema_labels("people", "tier"));
    }
    person_ids("manager_id", org.hierarchy().manager);
    sink.numbers("assessment", normalized ? p.assessment : as_read(p.assessment, p.assessment_read));
    sink.numbers("potential", normalized ? p.potential : as_read(p.potential, p.potential_read));
    sink.numbers("flight_risk", normalized ? p.flight_risk : as_read(p.flight_risk, p.flight_risk_read));
    sink.flags("has_career_plan", p.has_career_plan);
    sink.flags("has_quantified_kpi", p.has_quantified_kpi);
    schema_columns(p.columns);
    // placeholder people: true, else false (a person the data describes)
    sink.flags("placeholder", std::vector<std::int8_t>(p.placeholder.begin(), p.placeholder.end()));
    extras(p.extra);
  } else if (name == "competencies") {
    const auto& c = org.competencies();
    // Its rows are made here from the cells (millions of a rich org): not for a sink that
    // reads the dates only (DigestCheck), as none of them is one.
    if constexpr (!dates_only<Sink>) {
      const CompetencyScores& scores = c.scores;
      // The rows are the cells that hold a score, person by person and each person's by
      // competency: person i's first is row_start[i], cell k's competency kind[k]. Cell k's
      // person is found by a cursor that steps from the last one asked (each sink reads a column
      // in order) and otherwise searches row_start: no column of millions is made for the people.
      const auto& row_start = scores.cell_starts();
      const auto& kind = scores.cell_columns();
      struct Cursor {
        std::size_t k = static_cast<std::size_t>(-1), i = 0;  // the cell last asked (none yet: k + 1 is 0), its person
      };
      auto person = [&](Cursor& at, std::size_t k) {
        if (k == at.k + 1)
          while (row_start[at.i + 1] <= k) ++at.i;
        else if (k != at.k)
          at.i = static_cast<std::size_t>(std::upper_bound(row_start.begin(), row_start.end(), k) - row_start.begin() - 1);
        at.k = k;
        return at.i;
      };
      person_ids_of("person_id", kind.size(),
                    [&, at = Cursor{}](std::size_t k) mutable { return static_cast<index_t>(person(at, k)); });
      sink.text("competency", kind.size(), [&](std::size_t k) { return given(c.names[kind[k]]); });
      sink.numbers("score", kind.size(),
                   [&](std::size_t k) { return normalized ? scores.value_of(k) : c.score_read(k); });
    }
    schema_columns(c.columns);
    extras(c.extra);
  } else if (name == "successors") {
    const auto& s = org.successors();
    person_ids("incumbent_id", s.incumbent);
    person_ids("successor_id", s.successor);
    sink.categorical("readiness", enum_values(s.readiness), schema_labels("successors", "readiness"));
    schema_columns(s.columns);
    extras(s.extra);
  } else if (name == "sharing") {
    const auto& s = org.sharing();
    person_ids("person_a", s.a);
    person_ids("person_b", s.b);
    sink.categorical("channel", enum_values(s.channel), schema_labels("sharing", "channel"));
    sink.numbers("per_week", s.per_week);
    schema_columns(s.columns);
    extras(s.extra);
  } else if (name == "meetings") {
    const auto& m = org.meetings();
    texts("meeting_id", m.ids);
    sink.dates("date", m.date);
    sink.categorical("channel", enum_values(m.channel), schema_labels("meetings", "channel"));
    person_ids("presenter_id", m.presenter);
    schema_columns(m.columns);
    extras(m.extra);
  } else if (name == "attendance") {
    const auto& m = org.meetings();
    std::vector<index_t> meeting_of(m.attendees.size());  // per attendance row
    for (std::size_t k = 0; k + 1 < m.attendance_offsets.size(); ++k)
      for (auto a = m.attendance_offsets[k]; a < m.attendance_offsets[k + 1]; ++a) meeting_of[a] = static_cast<index_t>(k);
    sink.text("meeting_id", meeting_of.size(), [&](std::size_t a) { return given(m.ids[meeting_of[a]]); });
    person_ids("person_id", m.attendees);
  } else if (name == "incentives") {
    const auto& in = org.incentives();
    person_ids("person_id", in.person);
    sink.categorical("kind", enum_values(in.kind), schema_labels("incentives", "kind"));
    categories("type", in.type);
    sink.numbers("amount", in.amount);
    sink.dates("date", in.date);
    schema_columns(in.columns);
    extras(in.extra);
  } else if (name == "goals") {
    const auto& g = org.goals();
    texts("goal_id", g.ids);
    person_ids("owner_id", g.owner);
    sink.text("parent_goal_id", g.parent.size(), [&](std::size_t i) {
      return g.parent[i] == no_index ? std::nullopt : given(g.ids[g.parent[i]]);
    });
    sink.flags("quantified", g.quantified);
    schema_columns(g.columns);
    extras(g.extra);
  } else if (name == "contributions") {
    const auto& c = org.contributions();
    person_ids("person_id", c.person);
    categories("artifact", c.artifact);
    sink.categorical("action", enum_values(c.action), schema_labels("contributions", "action"));
    sink.dates("date", c.date);
    sink.text("previous_artifact", c.previous.size(), [&](std::size_t i) {
      return c.previous[i] < 0 ? std::nullopt : given(c.artifact.labels[static_cast<std::size_t>(c.previous[i])]);
    });
    schema_columns(c.columns);
    extras(c.extra);
  } else if (name == "operations") {
    const auto& op = org.operations();
    sink.dates("date", op.date);
    categories("channel", op.channel);
    person_ids("person_id", op.person);
    sink.numbers("inquiries", op.inquiries);
    sink.numbers("replied", op.replied);
    sink.numbers("first_reply_minutes", op.first_reply_minutes);
    sink.numbers("orders", op.orders);
    schema_columns(op.columns);
    extras(op.extra);
  } else {
    throw py::value_error("unknown table '" + name + "'");
  }
}

// table_columns' sink: tagged values in a dict, numbers of the Org as read-only views.
struct PyColumns {
  py::dict out;
  py::handle owner;
  const std::vector<std::string>* only = nullptr;  // the columns wanted, sorted (all when null)

  template <class Cell>
  void text(std::string_view name, std::size_t n, Cell cell) {
    if (wanted(name)) out[key(name)] = arrow_text(n, cell);
  }
  void numbers(std::string_view name, const Eigen::VectorXd& v) {
    if (wanted(name)) out[key(name)] = view(v, owner);
  }
  // n numbers, number i value(i), read in order.
  template <class Value>
  void numbers(std::string_view name, std::size_t n, Value value) {
    if (!wanted(name)) return;
    py::array_t<double> a(static_cast<py::ssize_t>(n));
    auto* data = a.mutable_data();
    for (std::size_t i = 0; i < n; ++i) data[i] = value(i);
    out[key(name)] = std::move(a);
  }
  template <class Code>
  void categorical(std::string_view name, const std::vector<Code>& codes, const std::vector<std::string>& labels) {
    if (wanted(name)) out[key(name)] = py::make_tuple("categorical", py::make_tuple(copied(codes), py::cast(labels)));
  }
  void flags(std::string_view name, const std::vector<std::int8_t>& v) {
    if (wanted(name)) out[key(name)] = py::make_tuple("bool", copied(v));
  }
  // Seconds since the epoch; no_date becomes the int64 minimum, which pandas reads as NaT.
  void dates(std::string_view name, const std::vector<std::int64_t>& v) {
    if (wanted(name)) out[key(name)] = py::make_tuple("date", copied(v));
  }

 private:
  bool wanted(std::string_view name) const { return !only || std::binary_search(only->begin(), only->end(), name); }
  static py::str key(std::string_view name) { return py::str(name.data(), name.size()); }
  template <class T>
  static py::array_t<T> copied(const std::vector<T>& v) {
    py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
  }
};

// Where the core cannot make a table's digest bytes (see DigestColumns): a date beyond what
// pandas' nanoseconds hold, whose bytes pandas' conversion decides.
struct DigestCheck {
  static constexpr bool dates_only = true;
  bool ok = true;
  template <class Cell>
  void text(std::string_view, std::size_t, Cell) {}
  template <class Values>
  void numbers(std::string_view, const Values&) {}
  template <class Value>
  void numbers(std::string_view, std::size_t, Value) {}
  template <class Code>
  void categorical(std::string_view, const std::vector<Code>&, const std::vector<std::string>&) {}
  void flags(std::string_view, const std::vector<std::int8_t>&) {}
  void dates(std::string_view, const std::vector<std::int64_t>& v) {
    for (const auto t : v)
      if (t != no_date && (t > max_seconds || t < -max_seconds)) ok = false;
  }
  static constexpr std::int64_t per_second = 1'000'000'000;
  static constexpr std::int64_t max_seconds = std::numeric_limits<std::int64_t>::max() / per_second;
};

// input_checksum's sink: each column as the bytes teamgraph.json_report._column_bytes hashes for
// it (a name line, a kind, which values are missing as numpy.packbits writes the bits, then the
// values: little-endian numbers, text as Arrow's large_string offsets and UTF-8 data), without
// the pandas column, written in order through `out.append(data, size)` (a BlockPipe: the bytes
// are hashed as they are made, never all held). Only for tables DigestCheck passes.
template <class Out>
struct DigestColumns {
  Out& out;

  template <class Cell>
  void text(std::string_view name, std::size_t n, Cell cell) {
    begin(name, "text");
    missing_bits(n, [&](std::size_t i) { return !cell(i); });
    std::int64_t offset = 0;
    word(offset);
    for (std::size_t i = 0; i < n; ++i) {
      if (const auto t = cell(i)) offset += static_cast<std::int64_t>(t->size());
      word(offset);
    }
    for (std::size_t i = 0; i < n; ++i)
      if (const auto t = cell(i)) out.append(t->data(), t->size());
  }
  void numbers(std::string_view name, const Eigen::VectorXd& v) {
    numbers(name, std::span<const double>(v.data(), static_cast<std::size_t>(v.size())));
  }
  void numbers(std::string_view name, std::span<const double> v) {
    numbers(name, v.size(), [&](std::size_t i) { return v[i]; });
  }
  // n numbers, number i value(i), read in order (twice).
  template <class Value>
  void numbers(std::string_view name, std::size_t n, Value value) {
    begin(name, "float");
    missing_bits(n, [&](std::size_t i) { return std::isnan(value(i)); });
    for (std::size_t i = 0; i < n; ++i) {
      const double x = value(i);
      word(std::isnan(x) ? 0.0 : x);
    }
  }
  // A categorical column is hashed as its labels' text.
  template <class Code>
  void categorical(std::string_view name, const std::vector<Code>& codes, const std::vector<std::string>& labels) {
    text(name, codes.size(), [&](std::size_t i) -> std::optional<std::string_view> {
      if (codes[i] < 0) return std::nullopt;
      return std::string_view(labels[static_cast<std::size_t>(codes[i])]);
    });
  }
  void flags(std::string_view name, const std::vector<std::int8_t>& v) {
    begin(name, "bool");
    missing_bits(v.size(), [&](std::size_t i) { return v[i] < 0; });
    for (const auto x : v) word(static_cast<char>(x == 1));
  }
  // Nanoseconds, as pandas holds a time; a missing one (NaT) the int64 minimum.
  void dates(std::string_view name, const std::vector<std::int64_t>& v) {
    begin(name, "time");
    missing_bits(v.size(), [&](std::size_t i) { return v[i] == no_date; });
    for (const auto t : v) word(t == no_date ? std::numeric_limits<std::int64_t>::min() : t * DigestCheck::per_second);
  }

 private:
  void begin(std::string_view name, std::string_view kind) {
    out.append("\0column ", 8);
    out.append(name.data(), name.size());
    out.append("\n", 1);
    out.append(kind.data(), kind.size());
  }
  // numpy.packbits of the missing flags: eight rows a byte, the first in the highest bit.
  template <class Missing>
  void missing_bits(std::size_t n, Missing missing) {
    for (std::size_t i = 0; i < n; i += 8) {
      unsigned char byte = 0;
      for (std::size_t b = 0; b < 8 && i + b < n; ++b)
        if (missing(i + b)) byte = static_cast<unsigned char>(byte | (0x80u >> b));
      word(byte);
    }
  }
  template <class T>
  void word(T value) {  // little-endian hosts only (see table_digest)
    out.put(value);
  }
};

// Bytes made on one thread and used on another (the caller's, which hands them to Python), in
// blocks of `size`, a few at most in hand at once.
class BlockPipe {
 public:
  struct Stopped {};  // thrown on the making side once the using side has stopped
  explicit BlockPipe(std::size_t size) : size_(std::max<std::size_t>(size, 1)) {}

  // Making side.
  void append(const char* data, std::size_t n) {
    if (block_.data && n < size_ - block_.used) {  // the usual case: a word or a cell into room left
      std::memcpy(block_.data.get() + block_.used, data, n);
      block_.used += n;
      return;
    }
    while (n > 0) {
      if (!block_.data) take_spare();
      const std::size_t k = std::min(n, size_ - block_.used);
      std::memcpy(block_.data.get() + block_.used, data, k);
      block_.used += k, data += k, n -= k;
      if (block_.used == size_) hand_over();
    }
  }
  template <class T>
  void put(T value) {
    if (block_.data && sizeof(T) < size_ - block_.used) {
      std::memcpy(block_.data.get() + block_.used, &value, sizeof(T));
      block_.used += sizeof(T);
      return;
    }
    append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  // The last bytes made (or the error that ended the making): the using side's loop then ends.
  void finish(std::exception_ptr error = nullptr) {
    if (!error && block_.used > 0) try {
        hand_over();
      } catch (const Stopped&) {
      }
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true, error_ = error;
    changed_.notify_all();
  }

  // Using side: use(data, size) for each block in order, until the making side finishes; its
  // error is then rethrown here. `data` is the block's buffer: use() may take it (then a new one
  // is made for a later block) or leave it to be filled again. `wait` waits for a block (the
  // caller lets go of the GIL there).
  template <class Wait, class Use>
  void drain(Wait wait, Use use) {
    while (true) {
      Block b;
      wait([&] {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return !full_.empty() || done_; });
        if (!full_.empty()) b = std::move(full_.front()), full_.pop_front(), changed_.notify_all();
      });
      if (!b.data) break;
      use(b.data, b.used);
      b.used = 0;
      if (!b.data) continue;
      std::lock_guard<std::mutex> lock(mutex_);
      spare_.push_back(std::move(b));
    }
    if (error_) std::rethrow_exception(error_);
  }
  // Using side: no more blocks are wanted (the making side throws Stopped at its next block).
  void stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

 private:
  struct Block {
    std::unique_ptr<char[]> data;
    std::size_t used = 0;
  };
  static constexpr std::size_t in_hand = 3;  // blocks made and not yet used
  void take_spare() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (spare_.empty()) {
      block_ = Block{std::make_unique_for_overwrite<char[]>(size_), 0};
    } else {
      block_ = std::move(spare_.back());
      spare_.pop_back();
    }
  }
  void hand_over() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return full_.size() < in_hand || stopped_; });
    if (stopped_) throw Stopped{};
    full_.push_back(std::move(block_));
    block_ = Block{};
    changed_.notify_all();
  }

  const std::size_t size_;
  Block block_;  // being made
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Block> full_;
  std::vector<Block> spare_;
  bool done_ = false, stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace

py::dict table_columns(const OrgPtr& org, const std::string& name, bool normalized, py::handle owner,
                       const std::vector<std::string>* only) {
  PyColumns sink{py::dict(), owner, only};
  visit_table(*org, name, normalized, sink);
  return std::move(sink.out);
}

bool table_digest(const Org& org, const std::string& name, const py::function& update, std::size_t block) {
  if constexpr (std::endian::native != std::endian::little) return false;
  DigestCheck check;
  visit_table(org, name, /*normalized=*/true, check);
  if (!check.ok) return false;
  // The bytes are made on a second thread while this one hands the blocks made to `update`
  // (hashlib lets go of the GIL as it hashes): two cores busy, a few blocks in memory. Where the
  // system cannot start a thread, nothing is handed and false returned (Python makes the bytes).
  BlockPipe pipe(block);
  auto make = [&] {
    try {
      DigestColumns<BlockPipe> sink{pipe};
      visit_table(org, name, /*normalized=*/true, sink);
      pipe.finish();
    } catch (const BlockPipe::Stopped&) {
      pipe.finish();
    } catch (...) {
      pipe.finish(std::current_exception());
    }
  };
  std::thread maker;
  {
    py::gil_scoped_release release;
    maker = teamgraph::detail::try_thread(make);
  }
  if (!maker.joinable()) return false;
  try {
    pipe.drain([](auto wait) {
      py::gil_scoped_release release;
      wait();
    }, [&](std::unique_ptr<char[]>& data, std::size_t size) {
      // A read-only array that owns the block: update() may keep it (or a view of it). Unless it
      // did, the block is taken back and filled again.
      auto* held = new std::unique_ptr<char[]>(std::move(data));
      const py::capsule owner(held, [](void* p) { delete static_cast<std::unique_ptr<char[]>*>(p); });
      py::array_t<std::uint8_t> bytes({static_cast<py::ssize_t>(size)}, {py::ssize_t{1}},
                                      reinterpret_cast<const std::uint8_t*>(held->get()), owner);
      py::detail::array_proxy(bytes.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
      update(bytes);
      if (bytes.ref_count() == 1) data = std::move(*held);
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    });
  } catch (...) {
    pipe.stop();
    py::gil_scoped_release release;
    maker.join();
    throw;
  }
  py::gil_scoped_release release;
  maker.join();
  return true;
}

std::size_t table_rows(const Org& org, const std::string& name) {
  if (name == "people") return org.size();
  if (name == "competencies") {
    return org.competencies().scores.size();
  }
  if (name == "successors") return org.successors().incumbent.size();
  if (name == "sharing") return org.sharing().a.size();
  if (name == "meetings") return org.meetings().ids.size();
  if (name == "attendance") return org.meetings().attendees.size();
  if (name == "incentives") return org.incentives().person.size();
  if (name == "goals") return org.goals().ids.size();
  if (name == "contributions") return org.contributions().person.size();
  if (name == "operations") return org.operations().date.size();
  throw py::value_error("unknown table '" + name + "'");
}

// The inverse of tables_from_python for one table: (rows, [(column, float64 array | list of
// str/None)]).
py::tuple table_to_python(const Table& table) {
  py::list columns;
  for (const auto& c : table.columns()) {
    if (c.numeric) {
      py::array_t<double> values(static_cast<py::ssize_t>(table.rows()));
      double* out = values.mutable_data();
      for (std::size_t i = 0; i < table.rows(); ++i) out[i] = c.number(i);
      columns.append(py::make_tuple(c.name, values));
    } else {
      py::list values(c.text.size());
      for (std::size_t i = 0; i < c.text.size(); ++i) values[i] = text_or_none(c.text[i]);
      columns.append(py::make_tuple(c.name, values));
    }
  }
  return py::make_tuple(table.rows(), columns);
}

// The input schema as Python data: [{name, file, required, columns: [{name, kind, required, labels, ...}]}].
py::list schema_list() {
  py::list tables;
  for (const auto& t : input_schema()) {
    py::list columns;
    for (const auto& c : t.columns) {
      py::dict column;
      column["name"] = std::string(c.name);
      column["kind"] = std::string(to_string(c.kind));
      column["required"] = c.required;
      py::list labels;
      for (auto l : c.labels) labels.append(std::string(l));
      column["labels"] = labels;
      column["default"] = c.default_value.empty() ? py::object(py::none()) : py::object(py::str(std::string(c.default_value)));
      column["type"] = std::string(c.type);
      column["meaning"] = std::string(c.meaning);
      columns.append(column);
    }
    py::dict table;
    table["name"] = std::string(t.name);
    table["file"] = std::string(t.file);
    table["required"] = t.required;
    table["columns"] = columns;
    tables.append(table);
  }
  return tables;
}

}  // namespace teamgraph::python
