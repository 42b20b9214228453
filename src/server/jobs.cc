#include "server/jobs.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace dateline::server {
namespace {

using nlohmann::json;

std::string StateName(int state) {
  static const char* kNames[] = {"queued", "running", "done", "failed", "cancelled"};
  return kNames[state];
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

JobRunner::JobRunner(Corpus& store, const Pipeline& pipeline, EventHub& events, size_t max_jobs,
                     size_t batch_size)
    : store_(store),
      pipeline_(pipeline),
      events_(events),
      max_jobs_(max_jobs),
      batch_size_(batch_size),
      thread_([this] { Run(); }) {}

JobRunner::~JobRunner() { Stop(); }

std::optional<int64_t> JobRunner::Submit(JobRequest request) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (stopping_ || active_ >= max_jobs_) {
    lock.unlock();
    std::remove(request.spool_path.c_str());
    return std::nullopt;
  }
  const int64_t id = next_id_++;
  Job& job = jobs_[id];
  job.id = id;
  job.request = std::move(request);
  queue_.push_back(id);
  ++active_;
  // Forget the oldest finished jobs.
  for (auto it = jobs_.begin(); jobs_.size() > kRememberedJobs + max_jobs_ && it != jobs_.end();) {
    it = it->second.state >= State::kDone ? jobs_.erase(it) : std::next(it);
  }
  PublishLocked(job);
  lock.unlock();
  ready_.notify_one();
  return id;
}

std::optional<std::string> JobRunner::JobJson(int64_t id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return JsonLocked(it->second);
}

std::string JobRunner::ListJson() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out = "{\"jobs\":[";
  bool first = true;
  for (auto it = jobs_.rbegin(); it != jobs_.rend(); ++it) {
    if (!first) out += ",";
    first = false;
    out += JsonLocked(it->second);
  }
  return out + "]}\n";
}

std::string JobRunner::JsonLocked(const Job& job) const {
  json j;
  j["id"] = job.id;
  j["url"] = "/v1/jobs/" + std::to_string(job.id);
  j["name"] = job.request.name;
  j["state"] = StateName(static_cast<int>(job.state));
  const IngestProgress& p = job.progress;
  j["progress"] = {{"inputs_done", p.inputs_done},
                   {"inputs_total", p.inputs_total},
                   {"articles", p.articles},
                   {"committed", p.committed},
                   {"seconds", p.seconds}};
  if (job.summary) {
    const IngestSummary& s = *job.summary;
    auto first = [](const std::vector<std::string>& lines) {
      json out = json::array();
      for (size_t i = 0; i < lines.size() && i < kReportedProblems; ++i) out.push_back(lines[i]);
      return out;
    };
    j["summary"] = {{"ingested", s.ingested},
                    {"copies", s.copies},
                    {"duplicates", s.duplicates},
                    {"retagged", s.retagged},
                    {"skipped", s.skipped},
                    {"problems", first(s.problems)},
                    {"problems_total", s.problems.size()},
                    {"warnings", first(s.warnings)},
                    {"warnings_total", s.warnings.size()}};
  }
  if (!job.error.empty()) j["error"] = job.error;
  return Dump(j);
}

void JobRunner::PublishLocked(const Job& job) { events_.Publish("job", JsonLocked(job)); }

void JobRunner::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
    for (int64_t id : queue_) {
      Job& job = jobs_[id];
      job.state = State::kCancelled;
      job.error = "the server stopped before the job ran";
      std::remove(job.request.spool_path.c_str());
      --active_;
    }
    queue_.clear();
  }
  ready_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void JobRunner::Run() {
  for (;;) {
    Job* job = nullptr;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = &jobs_[queue_.front()];
      queue_.pop_front();
      job->state = State::kRunning;
      PublishLocked(*job);
    }
    Execute(*job);
    std::remove(job->request.spool_path.c_str());
    std::lock_guard<std::mutex> lock(mutex_);
    --active_;
    PublishLocked(*job);
  }
}

// Runs one job on the job thread. `job` stays valid: only finished jobs are
// forgotten, and this one is running.
void JobRunner::Execute(Job& job) {
  IngestOptions options;
  options.language = job.request.language;
  options.batch_size = batch_size_;
  options.pipeline = &pipeline_;
  const int64_t id = job.id;
  options.progress = [&](const IngestProgress& p) {
    std::lock_guard<std::mutex> lock(mutex_);
    job.progress = p;
    job.progress.changed_days.clear();
    PublishLocked(job);
    if (!p.changed_days.empty()) {
      json days = json::array();
      for (const CivilDate& d : p.changed_days) days.push_back(FormatCivilDate(d));
      events_.Publish("timeline",
                      Dump({{"job", id}, {"changed_days", days}, {"committed", p.committed}}));
    }
  };
  Ingester ingester(store_, options);
  ingester.AddSource(job.request.spool_path, job.request.name);
  StatusOr<IngestSummary> summary = ingester.Run();
  std::lock_guard<std::mutex> lock(mutex_);
  if (summary.ok()) {
    job.summary = std::move(summary).value();
    job.state = State::kDone;
  } else {
    job.state = State::kFailed;
    job.error = summary.status().message();
  }
}

}  // namespace dateline::server
