#pragma once
// Private: big arrays of random access on 2 MB pages.
//
// An array read or written at random (the id map's slots, the graph's rows filled out of order,
// entries scattered by person) misses the TLB on nearly every access on 4 KB pages. Linux backs
// memory with transparent huge pages where a program asks for them (madvise; the default mode of
// most distributions), so such arrays ask. Arrays written and read in order (a file's text, its
// cells, columns filled row by row) do not: on a machine whose free memory is fragmented, the
// kernel compacts memory before it hands out a huge page. On the benchmark machine a fresh GB
// cost 0.1 to 2.2 s on huge pages and a steady 0.4 s on 4 KB pages; reading the rich 1M org
// took 4.7-5.1 s with every big array asking, 2.6-3.0 s with only these. Advice only: where
// huge pages are off or unavailable, the memory is ordinary memory.

#include <cstdint>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace teamgraph::detail {

inline constexpr std::size_t huge_page = std::size_t{2} << 20;

// Gives the memory the C library holds free back to the system (glibc's malloc_trim) once
// `freed` bytes were let go, when they are 32 MB or more: a thread's arena keeps what it freed
// resident otherwise, beside what is made next. Not for less: what is given back is touched anew
// when memory is asked for again, and the call walks every arena.
inline void give_back_free_memory(std::size_t freed) {
#if defined(__GLIBC__)
  if (freed >= (std::size_t{32} << 20)) ::malloc_trim(0);
#else
  (void)freed;
#endif
}

// Asks for huge pages over the whole 2 MB pages inside [p, p + bytes), if the span holds two.
inline void advise_huge_pages(const void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes < 2 * huge_page) return;
  const auto start = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t begin = (start + huge_page - 1) & ~std::uintptr_t{huge_page - 1};
  const std::uintptr_t end = (start + bytes) & ~std::uintptr_t{huge_page - 1};
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)p, (void)bytes;
#endif
}

// reserve(), then the advice, before anything is written (a page written first stays small).
template <typename T, typename A>
void reserve_huge(std::vector<T, A>& v, std::size_t n) {
  v.reserve(n);
  advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}
inline void reserve_huge(std::string& s, std::size_t n) {
  s.reserve(n);
  advise_huge_pages(s.data(), s.capacity());
}
// A vector of `n` copies of `value` on huge pages.
template <typename T, typename A>
void assign_huge(std::vector<T, A>& v, std::size_t n, const T& value) {
  v.clear();
  reserve_huge(v, n);
  v.assign(n, value);
}

// An allocator whose big blocks (4 MB and more) start on a 2 MB boundary and ask for huge pages,
// for arrays of random access such as hash tables; smaller ones are ordinary.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t threshold = 2 * huge_page;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < threshold) return static_cast<T*>(::operator new(bytes));
    const std::size_t rounded = (bytes + huge_page - 1) / huge_page * huge_page;
    void* p = std::aligned_alloc(huge_page, rounded);
    if (!p) throw std::bad_alloc();
    advise_huge_pages(p, rounded);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) < threshold)
      ::operator delete(p);
    else
      std::free(p);
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace teamgraph::detail
