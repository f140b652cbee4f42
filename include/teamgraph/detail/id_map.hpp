#pragma once
// Private: a flat open-addressing map from id text to a row, for resolving millions of id
// references while loading. std::unordered_map costs a cache miss per node hop and an allocation
// per id; Boost's unordered_flat_map would do, but needs Boost 1.81 and Debian 12 ships 1.74.

#include <cstdint>
#include <cstring>
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
    slots_.assign(capacity, Slot{0, none, 0});
    mask_ = capacity - 1;
  }

  // Inserts `row` under keys[row] unless the key is present; returns the row stored for the key.
  std::uint32_t insert(std::uint32_t row) {
    const std::string_view key = (*keys_)[row];
    const std::uint64_t prefix = prefix_of(key);
    for (std::size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.row == none) {
        if (++size_ * 2 > slots_.size()) {
          grow();
          return insert(row);
        }
        slot = Slot{prefix, row, static_cast<std::uint32_t>(key.size())};
        return row;
      }
      if (matches(slot, key, prefix)) return slot.row;
    }
  }

  std::uint32_t find(std::string_view key) const { return probe(key, hash(key)); }

  // find() of every key: results[i] = find(keys[i]). The slots of a few keys ahead are
  // prefetched, so the cache misses of a million random lookups overlap instead of queueing.
  void find_all(const std::vector<std::string_view>& keys, std::vector<std::uint32_t>& results) const {
    constexpr std::size_t ahead = 16;
    results.resize(keys.size());
    std::vector<std::size_t> hashes(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k) hashes[k] = hash(keys[k]);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (k + ahead < keys.size()) __builtin_prefetch(&slots_[hashes[k + ahead] & mask_]);
      results[k] = probe(keys[k], hashes[k]);
    }
  }

 private:
  // The key's length and first eight bytes live in the slot: ids of up to eight bytes (most HR
  // ids) are compared without touching the key text, so a lookup costs one cache miss.
  struct Slot {
    std::uint64_t prefix;
    std::uint32_t row;
    std::uint32_t length;
  };
  static std::uint64_t prefix_of(std::string_view key) {
    std::uint64_t prefix = 0;
    if (key.empty()) return prefix;  // an empty view may have no text at all (a null pointer)
    std::memcpy(&prefix, key.data(), key.size() < 8 ? key.size() : 8);
    return prefix;
  }
  std::uint32_t probe(std::string_view key, std::size_t h) const {
    const std::uint64_t prefix = prefix_of(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.row == none) return none;
      if (matches(slot, key, prefix)) return slot.row;
    }
  }
  bool matches(const Slot& slot, std::string_view key, std::uint64_t prefix) const {
    if (slot.prefix != prefix || slot.length != key.size()) return false;
    return key.size() <= 8 || (*keys_)[slot.row].substr(8) == key.substr(8);
  }
  static std::size_t hash(std::string_view key) {
    // std::hash of string_view is a good 64-bit hash (murmur-style) on libstdc++.
    return std::hash<std::string_view>{}(key);
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{0, none, 0});
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
