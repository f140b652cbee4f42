#pragma once
// Private: a flat open-addressing map from id text to a row, for resolving millions of id
// references while loading. std::unordered_map costs a cache miss per node hop and an allocation
// per id; Boost's unordered_flat_map would do, but needs Boost 1.81 and Debian 12 ships 1.74.
//
// Every lookup of a big table is a cache miss, and on this kind of machine also a TLB miss, so:
// inserts and lookups go in batches that prefetch the slots of the keys a few places ahead (their
// misses overlap instead of queueing), and a table of several megabytes is on 2 MB pages (one TLB
// entry covers 131,072 slots instead of 256).

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "teamgraph/detail/memory.hpp"

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
  std::uint32_t insert(std::uint32_t row) { return insert(row, hash((*keys_)[row])); }

  // insert() of every row with a non-empty key, in row order (so the first row of a key wins):
  // first[row] = the row stored for the key, none for an empty key. Prefetched like find_all.
  void insert_all(std::vector<std::uint32_t>& first) {
    const auto& keys = *keys_;
    first.assign(keys.size(), none);
    Ahead<std::vector<std::string_view>> ahead(*this, keys);
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const std::size_t h = ahead.next(k);
      if (!keys[k].empty()) first[k] = insert(static_cast<std::uint32_t>(k), h);
    }
  }

  std::uint32_t find(std::string_view key) const { return probe(key, hash(key), prefix_of(key)); }

  // find() of every key: results[i] = find(keys[i]). The slots of a few keys ahead are
  // prefetched, so the cache misses of a million random lookups overlap instead of queueing.
  // `keys`: anything with size() and operator[] giving a string_view (a vector of views, a
  // table column's cells).
  template <typename Keys = std::vector<std::string_view>>
  void find_all(const Keys& keys, std::vector<std::uint32_t>& results) const {
    results.resize(keys.size());
    Ahead<Keys> ahead(*this, keys);
    std::uint64_t previous = 0;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const std::size_t h = ahead.next(k);
      const std::string_view key = keys[k];
      const std::uint64_t prefix = prefix_of(key);
      // Tables often list one person's rows together: a key like the one before costs no probe.
      const bool repeat = k > 0 && prefix == previous && key.size() == keys[k - 1].size() &&
                          (key.size() <= 8 || key.substr(8) == keys[k - 1].substr(8));
      results[k] = repeat ? results[k - 1] : probe(key, h, prefix);
      previous = prefix;
    }
  }

 private:
  // The key's length and word() of its first eight bytes live in the slot: ids of up to eight
  // bytes (most HR ids) are compared without touching the key text, so a lookup costs one cache
  // miss.
  struct Slot {
    std::uint64_t prefix;
    std::uint32_t row;
    std::uint32_t length;
  };

  // The hashes of the next few keys, their slots prefetched: next(k) is the hash of keys[k].
  template <typename Keys>
  class Ahead {
   public:
    static constexpr std::size_t distance = 16;
    Ahead(const IdMap& map, const Keys& keys) : map_(map), keys_(keys) {
      for (std::size_t k = 0; k < distance && k < keys.size(); ++k) hashes_[k] = fetch(k);
    }
    std::size_t next(std::size_t k) {
      const std::size_t h = hashes_[k % distance];
      if (k + distance < keys_.size()) hashes_[k % distance] = fetch(k + distance);
      return h;
    }

   private:
    std::size_t fetch(std::size_t k) const {
      const std::size_t h = hash(keys_[k]);
      __builtin_prefetch(&map_.slots_[h & map_.mask_]);
      return h;
    }
    const IdMap& map_;
    const Keys& keys_;
    std::size_t hashes_[distance];
  };

  std::uint32_t insert(std::uint32_t row, std::size_t h) {
    const std::string_view key = (*keys_)[row];
    const std::uint64_t prefix = prefix_of(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
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
  // Up to eight bytes of text (size > 0) as one integer, distinct for distinct texts of one size.
  // Short texts are read with loads that overlap rather than copied byte by byte into a word: such
  // a copy stalls the load that follows it (no store forwarding), a cost on every lookup.
  static std::uint64_t word(const char* text, std::size_t size) {
    auto load = [&](std::size_t at, auto width) {
      decltype(width) v;
      std::memcpy(&v, text + at, sizeof v);
      return static_cast<std::uint64_t>(v);
    };
    if (size >= 8) return load(0, std::uint64_t{});
    if (size >= 4) return load(0, std::uint32_t{}) | load(size - 4, std::uint32_t{}) << 32;
    const auto byte = [&](std::size_t at) { return static_cast<std::uint64_t>(static_cast<unsigned char>(text[at])); };
    return byte(0) | byte(size / 2) << 8 | byte(size - 1) << 16;
  }
  static std::uint64_t prefix_of(std::string_view key) {
    if (key.empty()) return 0;  // an empty view may have no text at all (a null pointer)
    return word(key.data(), key.size());
  }
  std::uint32_t probe(std::string_view key, std::size_t h, std::uint64_t prefix) const {
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
  // MurmurHash3's 64-bit finalizer.
  static std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDu;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53u;
    x ^= x >> 33;
    return x;
  }
  // The key eight bytes at a time, each word mixed in, with the length and a seed drawn once per
  // process: ids crafted to collide in one run do not collide in the next, and the map's answers
  // never depend on the seed (only where keys sit in the table). Most ids are one word: one mix.
  static std::size_t hash(std::string_view key) {
    static const std::uint64_t seed = mix(reinterpret_cast<std::uintptr_t>(&seed) ^ 0x9E3779B97F4A7C15u);
    std::uint64_t h = seed ^ key.size();
    const char* p = key.data();
    std::size_t left = key.size();
    do {
      h = mix(h ^ (left ? word(p, left) : 0));
      p += left < 8 ? left : 8;
      left -= left < 8 ? left : 8;
    } while (left > 0);
    return h;
  }
  void grow() {
    std::vector<Slot, HugePageAllocator<Slot>> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{0, none, 0});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.row != none) insert(s.row);
  }

  const std::vector<std::string_view>* keys_;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace teamgraph::detail
