// The server: libmicrohttpd's event threads read requests and write
// answers; compute runs on the worker pool while its connection is
// suspended; ingest jobs on the job thread. Routing, limits, the token and
// the streaming endpoints (batch, events) are here; what each endpoint does
// is in api.cc.
#include "dateline/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "server/api.h"
#include "server/assets.h"
#include "server/events.h"
#include "server/jobs.h"
#include "server/worker_pool.h"

namespace dateline {
namespace server {
namespace {

// Event threads: enough to keep both cores busy with small requests while
// the workers compute; they never block on compute themselves.
constexpr unsigned kEventThreads = 2;
// Batch records are handed to a worker in chunks of about this many bytes:
// large enough that suspending and resuming the connection costs little per
// record, small enough that a batch never sits in memory.
constexpr size_t kBatchChunkBytes = size_t{64} << 10;
// Tag requests this small are answered on the event thread, without the
// hand-off to a worker: one sentence tags in tens of microseconds, less than
// suspending and resuming its connection costs, and a request of this size
// holds the event thread well under a millisecond. Measured with wrk on
// one-sentence French texts (bench/server_bench.sh): see README, "HTTP".
constexpr size_t kInlineTagBytes = 2048;

enum class Exec {
  kInline,  // answered on the event thread (no compute, no store)
  kWorker,  // computed on the worker pool
  kBatch,   // NDJSON streamed through the worker pool
  kIngest,  // spooled to a file, then a job
  kEvents,  // a server-sent event stream
};

enum class Handler {
  kHealth,
  kReady,
  kCapabilities,
  kOpenApi,
  kAsset,
  kJobs,
  kJob,
  kEvents,
  kTag,
  kRead,
  kBatch,
  kIngest,
  kSearch,
  kTimeline,
  kSentence,
};

struct Route {
  const char* method;
  const char* path;  // exact, or a prefix when it ends with '/'
  Handler handler;
  Exec exec;
  bool needs_store;
  bool is_public;  // served without the token (holds no data)
};

constexpr Route kRoutes[] = {
    {"GET", "/healthz", Handler::kHealth, Exec::kInline, false, true},
    {"GET", "/readyz", Handler::kReady, Exec::kInline, false, true},
    {"GET", "/openapi.json", Handler::kOpenApi, Exec::kInline, false, true},
    {"GET", "/v1/capabilities", Handler::kCapabilities, Exec::kInline, false, false},
    {"POST", "/v1/tag", Handler::kTag, Exec::kWorker, false, false},
    {"POST", "/v1/read", Handler::kRead, Exec::kWorker, false, false},
    {"POST", "/v1/batch", Handler::kBatch, Exec::kBatch, false, false},
    {"POST", "/v1/ingest", Handler::kIngest, Exec::kIngest, true, false},
    {"GET", "/v1/jobs", Handler::kJobs, Exec::kInline, true, false},
    {"GET", "/v1/jobs/", Handler::kJob, Exec::kInline, true, false},
    {"GET", "/v1/search", Handler::kSearch, Exec::kWorker, true, false},
    {"GET", "/v1/timeline", Handler::kTimeline, Exec::kWorker, true, false},
    {"GET", "/v1/sentences/", Handler::kSentence, Exec::kWorker, true, false},
    {"GET", "/v1/events", Handler::kEvents, Exec::kEvents, false, false},
};

bool PathMatches(const Route& r, std::string_view path) {
  std::string_view p = r.path;
  if (p.back() == '/') return path.size() > p.size() && path.starts_with(p);
  return path == p;
}

// Compares secrets in time independent of where they differ.
bool SameSecret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

// A file descriptor the server writes and later hands to libmicrohttpd.
int OpenSpool(const std::string& dir) {
  int fd = open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  std::string pattern = dir + "/spool-XXXXXX";
  fd = mkostemp(pattern.data(), O_CLOEXEC);
  if (fd >= 0) unlink(pattern.c_str());
  return fd;
}

bool IsNdjson(std::string_view type) {
  return type == "application/x-ndjson" || type == "application/jsonl" ||
         type == "application/ndjson";
}

// The extension an upload of `type` is spooled under, which tells the
// ingest how to read it; null for a type it does not take.
const char* IngestExtension(std::string_view type) {
  if (IsNdjson(type)) return ".jsonl";
  if (type == "text/html") return ".html";
  if (type == "text/plain") return ".txt";
  if (type == "application/warc") return ".warc";
  return nullptr;
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

// One request: what was read of it, and its answer once known.
struct Exchange {
  MHD_Connection* connection = nullptr;
  HttpRequest request;
  const Route* route = nullptr;
  std::optional<HttpResponse> answer;  // queued at the next call
  bool answered = false;               // queued already (an early refusal)
  size_t limit = 0;                    // body bytes allowed
  size_t received = 0;
  // Batch: records not yet handed to a worker, the output spool, and
  // whether a record over the limit is being skipped.
  std::string pending;
  int spool_fd = -1;
  size_t lines = 0;
  bool skipping = false;
  bool failed = false;  // spool write failed
  ~Exchange() {
    if (spool_fd >= 0) close(spool_fd);
  }
};

}  // namespace server

using server::Exchange;
using server::HttpRequest;
using server::HttpResponse;

struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<Pipeline> own_pipeline;
  const Pipeline* pipeline = nullptr;
  std::unique_ptr<server::Api> api;
  std::unique_ptr<Corpus> store;                 // the job thread's, writable
  std::vector<std::unique_ptr<Corpus>> readers;  // one per worker, read-only
  server::EventHub events{0};
  std::unique_ptr<server::JobRunner> jobs;
  std::unique_ptr<server::WorkerPool> pool;
  std::string spool_dir;
  MHD_Daemon* daemon = nullptr;
  int port = 0;
  std::atomic<bool> stopping{false};
  std::mutex stop_mutex;
  std::condition_variable stop_signal;
  std::thread heartbeat;

  Impl(const ServerOptions& o) : options(o), events(o.max_event_streams) {}
  Status Open();
  void Stop();

  // The request's steps, called by libmicrohttpd's access handler.
  void Begin(Exchange& x, const char* url, const char* method);
  void Receive(Exchange& x, const char* data, size_t size);
  MHD_Result Finish(Exchange& x);

  std::optional<HttpResponse> Admit(Exchange& x);
  void Compute(Exchange& x, size_t worker);
  HttpResponse Inline(Exchange& x);
  // True when the connection was suspended (the answer comes later).
  bool SubmitBatchChunk(Exchange& x, bool last);
  void ProcessBatchChunk(Exchange& x, std::string_view chunk, bool last);
  MHD_Result StartEvents(Exchange& x);
  HttpResponse SubmitIngest(Exchange& x);
  void Resume(Exchange& x, HttpResponse response);
  MHD_Result Queue(Exchange& x, HttpResponse response);
  const Corpus* Reader(size_t worker, Status* error);
};

namespace {

MHD_Result CollectQuery(void* cls, MHD_ValueKind, const char* key, const char* value) {
  auto* query = static_cast<std::map<std::string, std::string, std::less<>>*>(cls);
  if (key) (*query)[key] = value ? value : "";
  return MHD_YES;
}

MHD_Result SumHeaders(void* cls, MHD_ValueKind, const char* key, const char* value) {
  *static_cast<size_t*>(cls) += std::strlen(key) + (value ? std::strlen(value) : 0) + 4;
  return MHD_YES;
}

std::string Header(MHD_Connection* c, const char* name) {
  const char* v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
  return v ? v : "";
}

MHD_Result Access(void* cls, MHD_Connection* connection, const char* url, const char* method,
                  const char*, const char* data, size_t* size, void** context) {
  auto* impl = static_cast<Server::Impl*>(cls);
  auto* x = static_cast<Exchange*>(*context);
  if (x == nullptr) {
    x = new Exchange;
    x->connection = connection;
    *context = x;
    impl->Begin(*x, url, method);
    if (x->answer) return impl->Finish(*x);  // refused before reading the body
    return MHD_YES;
  }
  if (*size > 0) {
    if (!x->answered) impl->Receive(*x, data, *size);
    *size = 0;
    // A body refused midway (over its limit) is answered now: the
    // connection closes after the answer, and the rest is never read.
    if (x->answer && !x->answered) return impl->Finish(*x);
    return MHD_YES;
  }
  return impl->Finish(*x);
}

void Completed(void*, MHD_Connection*, void** context, MHD_RequestTerminationCode) {
  delete static_cast<Exchange*>(*context);
  *context = nullptr;
}

void Log(void*, const char*, va_list) {}  // refusals are answered, not logged

}  // namespace

void Server::Impl::Begin(Exchange& x, const char* url, const char* method) {
  HttpRequest& r = x.request;
  r.method = method;
  r.path = url;
  MHD_get_connection_values(x.connection, MHD_GET_ARGUMENT_KIND, CollectQuery, &r.query);
  r.content_type = server::MediaType(Header(x.connection, MHD_HTTP_HEADER_CONTENT_TYPE));
  x.answer = Admit(x);
}

// The refusals that need no body: unknown path or method, no token, a body
// too large by its declared length, no store, the server stopping.
std::optional<HttpResponse> Server::Impl::Admit(Exchange& x) {
  using server::ErrorResponse;
  HttpRequest& r = x.request;
  size_t header_bytes = 0;
  MHD_get_connection_values(x.connection, MHD_HEADER_KIND, SumHeaders, &header_bytes);
  if (header_bytes + r.path.size() > options.max_header_bytes) {
    return ErrorResponse(
        431, "too_large",
        "request line and headers over " + std::to_string(options.max_header_bytes) + " bytes");
  }
  std::string allowed;
  const std::string method = r.method == "HEAD" ? "GET" : r.method;
  for (const server::Route& route : server::kRoutes) {
    if (!server::PathMatches(route, r.path)) continue;
    if (method == route.method) x.route = &route;
    allowed += (allowed.empty() ? "" : ", ") + std::string(route.method);
  }
  if (r.method == "OPTIONS" && !options.cors_origin.empty() && !allowed.empty()) {
    // A CORS preflight, answered only when an origin is allowed.
    HttpResponse preflight;
    preflight.status = 204;
    preflight.headers = {{"Access-Control-Allow-Methods", allowed},
                         {"Access-Control-Allow-Headers", "Authorization, Content-Type"},
                         {"Access-Control-Max-Age", "600"}};
    return preflight;
  }
  const server::Asset* asset = method == "GET" ? server::FindAsset(r.path) : nullptr;
  if (!x.route && !asset) {
    if (allowed.empty() && !server::FindAsset(r.path)) {
      return ErrorResponse(404, "not_found", "no endpoint " + r.path + " (see /openapi.json)");
    }
    if (allowed.empty()) allowed = "GET";
    HttpResponse e =
        ErrorResponse(405, server::kMethodNotAllowed,
                      r.method + " is not allowed on " + r.path + " (allowed: " + allowed + ")");
    e.headers.emplace_back("Allow", allowed);
    return e;
  }
  if (!x.route) return std::nullopt;  // a page file
  if (!options.token.empty() && !x.route->is_public) {
    const std::string auth = Header(x.connection, MHD_HTTP_HEADER_AUTHORIZATION);
    if (!auth.starts_with("Bearer ") || !server::SameSecret(auth.substr(7), options.token)) {
      HttpResponse e = ErrorResponse(401, server::kUnauthorized,
                                     "this server needs 'Authorization: Bearer TOKEN'");
      e.headers.emplace_back("WWW-Authenticate", "Bearer");
      return e;
    }
  }
  if (x.route->needs_store && !store) {
    return ErrorResponse(503, server::kUnavailable,
                         "this server has no store (start it with --db)");
  }
  if (stopping) return ErrorResponse(503, server::kUnavailable, "the server is stopping");
  if (x.route->exec == server::Exec::kBatch && !server::IsNdjson(r.content_type)) {
    return ErrorResponse(
        415, server::kUnsupportedMediaType,
        "send application/x-ndjson: one JSON object a line (got '" + r.content_type + "')");
  }
  if (x.route->exec == server::Exec::kIngest && !server::IngestExtension(r.content_type)) {
    return ErrorResponse(415, server::kUnsupportedMediaType,
                         "send application/x-ndjson records, a text/html or text/plain page, or "
                         "application/warc (got '" +
                             r.content_type + "')");
  }
  const bool upload =
      x.route->exec == server::Exec::kBatch || x.route->exec == server::Exec::kIngest;
  x.limit = upload ? options.max_upload_bytes : options.max_body_bytes;
  const std::string length = Header(x.connection, MHD_HTTP_HEADER_CONTENT_LENGTH);
  if (!length.empty() && std::strtoull(length.c_str(), nullptr, 10) > x.limit) {
    return ErrorResponse(413, "too_large",
                         "the body (" + length + " bytes) is over this endpoint's limit of " +
                             std::to_string(x.limit) + " bytes");
  }
  return std::nullopt;
}

void Server::Impl::Receive(Exchange& x, const char* data, size_t size) {
  if (x.answer) return;  // refused: the rest of the body is dropped
  x.received += size;
  if (x.received > x.limit) {
    x.answer = server::ErrorResponse(
        413, "too_large",
        "the body is over this endpoint's limit of " + std::to_string(x.limit) + " bytes");
    return;
  }
  if (!x.route) return;
  switch (x.route->exec) {
    case server::Exec::kBatch:
      x.pending.append(data, size);
      if (x.pending.size() >= server::kBatchChunkBytes) SubmitBatchChunk(x, false);
      return;
    case server::Exec::kIngest:
      if (x.spool_fd < 0) x.spool_fd = server::OpenSpool(spool_dir);
      if (x.spool_fd < 0 || !server::WriteAll(x.spool_fd, std::string_view(data, size))) {
        x.answer = server::ErrorResponse(503, server::kUnavailable, "cannot spool the upload");
      }
      return;
    default:
      x.request.body.append(data, size);
  }
}

MHD_Result Server::Impl::Finish(Exchange& x) {
  if (x.answered) return MHD_YES;
  if (x.answer) {
    HttpResponse answer = std::move(*x.answer);
    x.answer.reset();
    return Queue(x, std::move(answer));
  }
  if (!x.route) return Queue(x, Inline(x));  // a page file
  switch (x.route->exec) {
    case server::Exec::kInline:
      return Queue(x, Inline(x));
    case server::Exec::kEvents:
      return StartEvents(x);
    case server::Exec::kIngest:
      return Queue(x, SubmitIngest(x));
    case server::Exec::kBatch:
      return SubmitBatchChunk(x, true) ? MHD_YES : Finish(x);
    case server::Exec::kWorker: {
      if (x.route->handler == server::Handler::kTag &&
          x.request.body.size() <= server::kInlineTagBytes) {
        return Queue(x, api->Tag(x.request));
      }
      MHD_suspend_connection(x.connection);
      Exchange* px = &x;
      if (!pool->TrySubmit([this, px](size_t worker) { Compute(*px, worker); })) {
        Resume(x, stopping
                      ? server::ErrorResponse(503, server::kUnavailable, "the server is stopping")
                      : server::ErrorResponse(429, server::kTooManyRequests,
                                              "all workers are busy and the queue is full; "
                                              "retry later"));
      }
      return MHD_YES;
    }
  }
  return MHD_NO;
}

// Stores the answer of a suspended request and lets libmicrohttpd call the
// access handler again, which queues it.
void Server::Impl::Resume(Exchange& x, HttpResponse response) {
  x.answer = std::move(response);
  MHD_resume_connection(x.connection);
}

const Corpus* Server::Impl::Reader(size_t worker, Status* error) {
  if (!readers[worker]) {
    auto opened = Corpus::Open(options.db_path, {.read_only = true});
    if (!opened.ok()) {
      *error = opened.status();
      return nullptr;
    }
    readers[worker] = std::move(opened).value();
  }
  return readers[worker].get();
}

void Server::Impl::Compute(Exchange& x, size_t worker) {
  const HttpRequest& r = x.request;
  const Corpus* reader = nullptr;
  if (x.route->needs_store) {
    Status error;
    reader = Reader(worker, &error);
    if (!reader) return Resume(x, server::ErrorResponse(error));
  }
  switch (x.route->handler) {
    case server::Handler::kTag:
      return Resume(x, api->Tag(r));
    case server::Handler::kRead:
      return Resume(x, api->Read(r));
    case server::Handler::kSearch:
      return Resume(x, api->Search(r, *reader));
    case server::Handler::kTimeline:
      return Resume(x, api->Timeline(r, *reader));
    case server::Handler::kSentence:
      return Resume(x, api->Sentence(std::string_view(r.path).substr(14), *reader));
    default:
      return Resume(x, server::ErrorResponse(Status::Internal("no worker handler")));
  }
}

HttpResponse Server::Impl::Inline(Exchange& x) {
  const HttpRequest& r = x.request;
  if (!x.route) {
    const server::Asset* asset = server::FindAsset(r.path);
    HttpResponse page;
    page.content_type = std::string(asset->content_type);
    page.body = std::string(asset->data);
    return page;
  }
  switch (x.route->handler) {
    case server::Handler::kHealth:
      return server::JsonResponse("{\"status\":\"ok\"}\n");
    case server::Handler::kReady:
      if (stopping) return server::ErrorResponse(503, server::kUnavailable, "stopping");
      return server::JsonResponse("{\"status\":\"ready\"}\n");
    case server::Handler::kCapabilities:
      return api->Capabilities();
    case server::Handler::kOpenApi:
      return server::JsonResponse(std::string(server::OpenApiJson()));
    case server::Handler::kJobs:
      return server::JsonResponse(jobs->ListJson());
    case server::Handler::kJob: {
      const std::string id = r.path.substr(9);
      char* end = nullptr;
      const long long n = std::strtoll(id.c_str(), &end, 10);
      auto job = *end == '\0' && n > 0 ? jobs->JobJson(n) : std::nullopt;
      if (!job) return server::ErrorResponse(Status::NotFound("no job '" + id + "'"));
      return server::JsonResponse(*job + "\n");
    }
    default:
      return server::ErrorResponse(Status::Internal("no inline handler"));
  }
}

// Hands the complete records received so far (all of them when `last`) to
// a worker, which appends their output lines to the spool; the connection
// waits suspended meanwhile, so records are read no faster than processed.
bool Server::Impl::SubmitBatchChunk(Exchange& x, bool last) {
  if (x.spool_fd < 0) x.spool_fd = server::OpenSpool(spool_dir);
  if (x.spool_fd < 0) {
    x.answer = server::ErrorResponse(503, server::kUnavailable, "cannot open a spool file");
    return false;
  }
  // The records to process: whole lines, and the last line at the end.
  const size_t cut = last ? x.pending.size() : x.pending.rfind('\n') + 1;
  if (cut == 0 && !last) {  // one record so far, still incomplete
    if (x.pending.size() > options.max_body_bytes) {
      x.skipping = true;  // its line says so when it ends
      x.pending.clear();
    }
    return false;
  }
  auto chunk = std::make_shared<std::string>(x.pending.substr(0, cut));
  x.pending.erase(0, cut);
  MHD_suspend_connection(x.connection);
  Exchange* px = &x;
  const bool submitted =
      pool->TrySubmit([this, px, chunk, last](size_t) { ProcessBatchChunk(*px, *chunk, last); });
  if (!submitted) {
    Resume(x, server::ErrorResponse(429, server::kTooManyRequests,
                                    "all workers are busy and the queue is full; retry later"));
  }
  return true;
}

// On a worker: appends the output lines of `chunk`'s records to the spool,
// then resumes the connection (to read more records, or, after the last,
// to send the spool).
void Server::Impl::ProcessBatchChunk(Exchange& x, std::string_view data, bool last) {
  std::string out;
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    ++x.lines;
    if (x.skipping) {
      out += api->BatchTooLarge(x.lines);
      x.skipping = false;
    } else if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      out += line.size() > options.max_body_bytes ? api->BatchTooLarge(x.lines)
                                                  : api->BatchLine(line, x.lines);
    }
  }
  if (!server::WriteAll(x.spool_fd, out)) x.failed = true;
  if (!last) {
    MHD_resume_connection(x.connection);
    return;
  }
  HttpResponse r;
  if (x.failed) {
    r = server::ErrorResponse(503, server::kUnavailable, "cannot write the batch's output");
  } else {
    r.content_type = "application/x-ndjson";
    r.fd_size = static_cast<size_t>(lseek(x.spool_fd, 0, SEEK_CUR));
    r.fd = x.spool_fd;
    x.spool_fd = -1;
  }
  Resume(x, std::move(r));
}

namespace {

// What an event stream's response reads from.
struct EventSource {
  std::shared_ptr<server::EventStream> stream;
  MHD_Connection* connection;
  server::EventHub* hub;
};

ssize_t ReadEvents(void* cls, uint64_t, char* buffer, size_t max) {
  auto* source = static_cast<EventSource*>(cls);
  MHD_Connection* c = source->connection;
  const long n = source->stream->Read(buffer, max, [c] { MHD_suspend_connection(c); });
  return n < 0 ? MHD_CONTENT_READER_END_OF_STREAM : static_cast<ssize_t>(n);
}

// The response is gone (the stream ended, or its client did, which the
// heartbeat reveals): the hub forgets the stream.
void FreeEvents(void* cls) {
  auto* source = static_cast<EventSource*>(cls);
  source->stream->End();
  source->hub->Unsubscribe(source->stream.get());
  delete source;
}

}  // namespace

MHD_Result Server::Impl::StartEvents(Exchange& x) {
  MHD_Connection* c = x.connection;
  auto stream = events.Subscribe([c] { MHD_resume_connection(c); });
  if (!stream) {
    return Queue(
        x, server::ErrorResponse(503, server::kUnavailable, "too many event streams are open"));
  }
  MHD_Response* response = MHD_create_response_from_callback(
      MHD_SIZE_UNKNOWN, 16 * 1024, ReadEvents, new EventSource{stream, c, &events}, FreeEvents);
  // Events are not idle traffic: the heartbeat keeps the stream alive, and
  // a client that stops reading is dropped by the stream's own bound.
  MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, "text/event-stream");
  MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  MHD_add_response_header(response, "X-Accel-Buffering", "no");
  if (!options.cors_origin.empty()) {
    MHD_add_response_header(response, "Access-Control-Allow-Origin", options.cors_origin.c_str());
  }
  x.answered = true;
  const MHD_Result ok = MHD_queue_response(c, 200, response);
  MHD_destroy_response(response);
  return ok;
}

HttpResponse Server::Impl::SubmitIngest(Exchange& x) {
  const char* extension = server::IngestExtension(x.request.content_type);
  if (x.spool_fd < 0) x.spool_fd = server::OpenSpool(spool_dir);
  // The job reads a named file: link the spooled upload into the spool
  // folder under a name the server chooses.
  static std::atomic<uint64_t> counter{0};
  const std::string path = spool_dir + "/upload-" + std::to_string(++counter) + extension;
  const std::string proc = "/proc/self/fd/" + std::to_string(x.spool_fd);
  if (x.spool_fd < 0 ||
      linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) != 0) {
    return server::ErrorResponse(503, server::kUnavailable, "cannot spool the upload");
  }
  // The name the sender gives (its date counts for a page), without folders.
  std::string name = x.request.Param("name");
  name = std::filesystem::path(name).filename().string();
  if (name.empty()) name = std::string("upload") + extension;
  auto id = jobs->Submit({path, name, x.request.Param("lang")});
  if (!id) {
    return server::ErrorResponse(429, server::kTooManyRequests,
                                 "too many ingest jobs are queued; retry later");
  }
  HttpResponse r = server::JsonResponse(*jobs->JobJson(*id) + "\n", 202);
  r.headers.emplace_back("Location", "/v1/jobs/" + std::to_string(*id));
  return r;
}

MHD_Result Server::Impl::Queue(Exchange& x, HttpResponse r) {
  MHD_Response* response = r.fd >= 0 ? MHD_create_response_from_fd(r.fd_size, r.fd)
                                     : MHD_create_response_from_buffer(r.body.size(), r.body.data(),
                                                                       MHD_RESPMEM_MUST_COPY);
  if (!response) return MHD_NO;
  MHD_add_response_header(response, MHD_HTTP_HEADER_CONTENT_TYPE, r.content_type.c_str());
  MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
  if (x.route || r.status != 200) {
    MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
  } else {
    // The page: its own scripts and styles only; no inline script, no
    // plug-ins, no framing, API calls to this server only.
    MHD_add_response_header(
        response, "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'");
    MHD_add_response_header(response, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(response, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
  }
  if (!options.cors_origin.empty()) {
    MHD_add_response_header(response, "Access-Control-Allow-Origin", options.cors_origin.c_str());
    MHD_add_response_header(response, "Vary", "Origin");
  }
  for (const auto& [name, value] : r.headers) {
    MHD_add_response_header(response, name.c_str(), value.c_str());
  }
  x.answered = true;
  const MHD_Result ok = MHD_queue_response(x.connection, static_cast<unsigned>(r.status), response);
  MHD_destroy_response(response);
  return ok;
}

Status Server::Impl::Open() {
  pipeline = options.pipeline;
  if (!pipeline) {
    auto built = Pipeline::Create();
    if (!built.ok()) return built.status();
    own_pipeline = std::move(built).value();
    pipeline = own_pipeline.get();
  }
  api = std::make_unique<server::Api>(options, *pipeline);
  std::string pattern = (std::filesystem::temp_directory_path() / "dateline-serve-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return Status::IoError("cannot create a spool folder in /tmp");
  spool_dir = pattern;
  if (!options.db_path.empty()) {
    auto opened = Corpus::Open(options.db_path);
    if (!opened.ok()) return opened.status();
    store = std::move(opened).value();
    jobs = std::make_unique<server::JobRunner>(*store, *pipeline, events, options.max_jobs,
                                               options.ingest_batch_size);
  }
  const size_t workers =
      options.workers ? options.workers : std::max(1u, std::thread::hardware_concurrency());
  readers.resize(workers);
  pool = std::make_unique<server::WorkerPool>(workers, options.queue);
  heartbeat = std::thread([this] {
    std::unique_lock<std::mutex> lock(stop_mutex);
    const std::chrono::seconds period(options.event_heartbeat_seconds);
    while (!stop_signal.wait_for(lock, period, [&] { return stopping.load(); })) {
      events.Heartbeat();
    }
  });
  return Status::Ok();
}

void Server::Impl::Stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mutex);
    if (stopping.exchange(true)) return;
  }
  stop_signal.notify_all();
  if (heartbeat.joinable()) heartbeat.join();
  events.Close();
  if (jobs) jobs->Stop();
  if (pool) pool->Shutdown();  // runs what is queued: every suspended request resumes
  if (daemon) MHD_stop_daemon(daemon);
  daemon = nullptr;
  std::error_code ec;
  if (!spool_dir.empty()) std::filesystem::remove_all(spool_dir, ec);
}

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr v4{};
  return inet_pton(AF_INET, host.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127;
}

StatusOr<std::unique_ptr<Server>> Server::Start(const ServerOptions& options) {
  if (!IsLoopbackHost(options.host) && options.token.empty()) {
    return Status::InvalidArgument("listening on " + options.host +
                                   " needs a bearer token (--token-file): only loopback may go "
                                   "without one");
  }
  if (options.port < 0 || options.port > 65535) {
    return Status::InvalidArgument("port " + std::to_string(options.port) + " is out of range");
  }
  if (options.max_body_bytes == 0 || options.max_upload_bytes < options.max_body_bytes ||
      options.queue == 0 || options.max_header_bytes < 1024 || options.idle_timeout_seconds <= 0 ||
      options.event_heartbeat_seconds <= 0) {
    return Status::InvalidArgument(
        "server limits must be positive, with uploads >= bodies and "
        "headers >= 1024 bytes");
  }
  auto impl = std::make_unique<Impl>(options);
  if (Status st = impl->Open(); !st.ok()) {
    impl->Stop();
    return st;
  }
  sockaddr_storage address{};
  std::string host = options.host == "localhost" ? "127.0.0.1" : options.host;
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
  if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<uint16_t>(options.port));
  } else if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<uint16_t>(options.port));
    flags |= MHD_USE_IPv6;
  } else {
    impl->Stop();
    return Status::InvalidArgument("'" + options.host + "' is not an IP address");
  }
  // libmicrohttpd's per-connection memory holds the request line, the
  // headers and the read buffer; headers beyond options.max_header_bytes are
  // refused by Admit() with a JSON answer, so give it room for twice that.
  const size_t connection_memory = std::max<size_t>(2 * options.max_header_bytes, 64 * 1024);
  impl->daemon = MHD_start_daemon(
      flags, 0, nullptr, nullptr, &Access, impl.get(), MHD_OPTION_SOCK_ADDR, &address,
      MHD_OPTION_THREAD_POOL_SIZE, server::kEventThreads, MHD_OPTION_CONNECTION_LIMIT,
      static_cast<unsigned>(options.max_connections), MHD_OPTION_CONNECTION_TIMEOUT,
      static_cast<unsigned>(options.idle_timeout_seconds), MHD_OPTION_CONNECTION_MEMORY_LIMIT,
      connection_memory, MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_LISTENING_ADDRESS_REUSE,
      1u, MHD_OPTION_NOTIFY_COMPLETED, &Completed, nullptr, MHD_OPTION_EXTERNAL_LOGGER, &Log,
      nullptr, MHD_OPTION_END);
  if (!impl->daemon) {
    impl->Stop();
    return Status::IoError("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                           " (in use, or not an address here)");
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(impl->daemon, MHD_DAEMON_INFO_BIND_PORT);
  impl->port = info ? info->port : options.port;
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }
int Server::port() const { return impl_->port; }
void Server::Stop() { impl_->Stop(); }

}  // namespace dateline
