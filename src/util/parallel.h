// The one way dateline spreads independent work over threads: indexes handed
// out in turn from an atomic counter, results written by index, so output
// never depends on scheduling.
#ifndef DATELINE_UTIL_PARALLEL_H_
#define DATELINE_UTIL_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace dateline {

// Runs `fn(i)` for every i in [0, n) on up to `threads` threads (0: one per
// hardware thread), the calling thread among them. `fn` must be safe to run
// concurrently for distinct indexes.
template <typename Fn>
void ParallelFor(size_t n, size_t threads, Fn&& fn) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::max<size_t>(1, std::min(threads, n));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace dateline

#endif  // DATELINE_UTIL_PARALLEL_H_
