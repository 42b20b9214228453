// A fixed set of worker threads with a bounded queue: the server's compute
// (tagging, reading, queries) runs here, and a request that finds the queue
// full is refused (429) instead of waiting without bound.
#ifndef DATELINE_SERVER_WORKER_POOL_H_
#define DATELINE_SERVER_WORKER_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dateline::server {

class WorkerPool {
 public:
  // A task gets the index of the worker running it (0 .. workers-1), for
  // per-worker state such as a store connection.
  using Task = std::function<void(size_t worker)>;

  WorkerPool(size_t workers, size_t queue_limit);
  ~WorkerPool();  // Shutdown()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false (and the task is dropped) when `queue_limit` tasks
  // already wait or the pool is shutting down. Thread-safe.
  bool TrySubmit(Task task);

  // Runs the tasks already queued, then joins the workers. Idempotent.
  void Shutdown();

  size_t workers() const { return threads_.size(); }

 private:
  void Run(size_t worker);

  const size_t queue_limit_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace dateline::server

#endif  // DATELINE_SERVER_WORKER_POOL_H_
