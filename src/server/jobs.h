// Ingest jobs: uploads spooled to files by the server, ingested one at a
// time on one thread (the store's one writer), with their progress kept for
// GET /v1/jobs/{id} and published as server-sent events.
#ifndef DATELINE_SERVER_JOBS_H_
#define DATELINE_SERVER_JOBS_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "dateline/corpus.h"
#include "dateline/ingest.h"
#include "dateline/pipeline.h"
#include "server/events.h"

namespace dateline::server {

struct JobRequest {
  std::string spool_path;  // a file the server wrote; removed when the job ends
  std::string name;        // what the sender called it (sources and messages)
  std::string language;    // forced language, or empty
};

class JobRunner {
 public:
  // `store` is the server's writable connection, used only by the job
  // thread; `events` receives `job` and `timeline` events.
  JobRunner(Corpus& store, const Pipeline& pipeline, EventHub& events, size_t max_jobs,
            size_t batch_size);
  ~JobRunner();  // Stop()

  // Queues a job and returns its id; nullopt when `max_jobs` are queued or
  // running, or the runner has stopped (the spool file is then removed).
  std::optional<int64_t> Submit(JobRequest request);

  // The job as JSON (see openapi.json, Job); nullopt for an unknown id.
  std::optional<std::string> JobJson(int64_t id) const;
  // Every job still remembered, newest first.
  std::string ListJson() const;

  // Drops queued jobs, waits for the running one. Idempotent.
  void Stop();

 private:
  enum class State { kQueued, kRunning, kDone, kFailed, kCancelled };
  struct Job {
    int64_t id = 0;
    JobRequest request;
    State state = State::kQueued;
    IngestProgress progress;
    std::optional<IngestSummary> summary;
    std::string error;
  };

  void Run();
  void Execute(Job& job);
  std::string JsonLocked(const Job& job) const;
  void PublishLocked(const Job& job);

  static constexpr size_t kRememberedJobs = 100;  // finished jobs kept for status queries
  static constexpr size_t kReportedProblems = 100;

  Corpus& store_;
  const Pipeline& pipeline_;
  EventHub& events_;
  const size_t max_jobs_;
  const size_t batch_size_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::map<int64_t, Job> jobs_;
  std::deque<int64_t> queue_;
  size_t active_ = 0;  // queued or running
  int64_t next_id_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace dateline::server

#endif  // DATELINE_SERVER_JOBS_H_
