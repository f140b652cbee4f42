#pragma once
// Private: a flat open-addressing map from id text to a row, for resolving millions of id
// references while loading. std::unordered_map costs a cache miss per node hop and an allocation
// per id; Boost's unordered_flat_map would do, but needs Boost 1.81 and Debian 12 ships 1.74.

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace teamgraph::detail {

class IdMap {
 public:
  static constexpr std::uint32_t none = 0xFFFFFFFFu;

  // `keys` must outlive the map; rows index into it.
  explicit IdMap(const std::vector<std::string_view>& keys, std::size_t expected = 0) : keys_(&keys) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected + 2) capacity <<= 1;
    slots_.assign(capacity, Slot{0, none});
    mask_ = capacity - 1;
  }

  // Inserts `row` under keys[row] unless the key is present; returns the row stored for the key.
  std::uint32_t insert(std::uint32_t row) {
    const std::string_view key = (*keys_)[row];
    const std::size_t h = hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.row == none) {
        if (++size_ * 2 > slots_.size()) {
          grow();
          return insert(row);
        }
        slot = Slot{static_cast<std::uint32_t>(h >> 32), row};
        return row;
      }
      if (slot.tag == static_cast<std::uint32_t>(h >> 32) && (*keys_)[slot.row] == key) return slot.row;
    }
  }

  std::uint32_t find(std::string_view key) const {
    const std::size_t h = hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.row == none) return none;
      if (slot.tag == static_cast<std::uint32_t>(h >> 32) && (*keys_)[slot.row] == key) return slot.row;
    }
  }

 private:
  struct Slot {
    std::uint32_t tag;  // high bits of the hash: most mismatches never touch the key text
    std::uint32_t row;
  };
  static std::size_t hash(std::string_view key) {
    // std::hash of string_view is a good 64-bit hash (murmur-style) on libstdc++.
    return std::hash<std::string_view>{}(key);
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{0, none});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.row != none) insert(s.row);
  }

  const std::vector<std::string_view>* keys_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace teamgraph::detail
