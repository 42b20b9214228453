// The HTTP server of `dateline serve`: the library's calls (pipeline.h,
// ingest.h, corpus.h, timeline.h) over HTTP/1.1, JSON in and out, and the
// timeline web page at `/`.
//
//   dateline::ServerOptions options;
//   options.port = 0;                      // any free port
//   options.db_path = "corpus.db";
//   auto server = dateline::Server::Start(options);
//   if (!server.ok()) ... server.status() ...
//   int port = (*server)->port();
//   ...
//   (*server)->Stop();                     // also done by the destructor
//
// Endpoints (GET /openapi.json describes each): POST /v1/tag, /v1/read,
// /v1/batch (NDJSON in and out), /v1/ingest (a job: 202 and a job URL);
// GET /v1/jobs/{id}, /v1/search, /v1/timeline, /v1/sentences/{id},
// /v1/events (server-sent events while jobs run), /v1/capabilities,
// /healthz, /readyz, /openapi.json, and the page.
//
// Safe by default:
// - it listens on loopback; another address needs a bearer token, which
//   every /v1 request must then carry (Start() refuses otherwise);
// - bodies, headers and connections are bounded, idle connections time
//   out, compute runs on a bounded pool whose full queue answers 429;
// - no request names a file the server opens: pages and records are sent
//   in the body; the page's files are compiled into the binary;
// - no CORS header unless an origin is configured;
// - every error is JSON {"error": {"code", "message"}} with the status
//   HttpStatusFor() gives (status.h), or 401, 405, 429, 503 for the
//   server's own refusals.
//
// Threads: connections are served by event threads (libmicrohttpd, epoll);
// tagging, reading, search and timelines run on the worker pool, each worker
// with its own read-only connection to the store; ingest jobs run one at a
// time on their own thread, the store's one writer.
#ifndef DATELINE_SERVER_H_
#define DATELINE_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "dateline/pipeline.h"
#include "dateline/status.h"

namespace dateline {

struct ServerOptions {
  // Where to listen: an IPv4 or IPv6 address and a port (0: any free port,
  // see Server::port()).
  std::string host = "127.0.0.1";
  int port = 8080;
  // The store; created when missing. Empty: no store (search, timeline,
  // sentences and ingest answer 503).
  std::string db_path;
  // The bearer token every /v1 request must carry (`Authorization: Bearer
  // TOKEN`); empty for none, which only a loopback host allows. /healthz,
  // /readyz and the page's own files need no token (they hold no data).
  std::string token;

  // Limits. A body over its limit is refused with 413 before it is read
  // (from its Content-Length) or as soon as it passes the limit (chunked).
  size_t max_body_bytes = size_t{8} << 20;      // tag and read; one batch record
  size_t max_upload_bytes = size_t{256} << 20;  // a batch or an ingest body
  // Per connection: request line and headers must fit in this much memory.
  size_t max_header_bytes = size_t{32} << 10;
  size_t max_connections = 4096;  // more are refused at accept
  // A connection that neither sends nor takes a byte for this long is
  // closed (a stalled upload, a client that does not read its answer).
  int idle_timeout_seconds = 30;
  // Compute: workers (0: one per core) and requests waiting for one; a
  // request that finds the queue full is answered 429.
  size_t workers = 0;
  size_t queue = 512;
  size_t max_jobs = 16;           // ingest jobs queued or running (429 beyond)
  size_t max_event_streams = 64;  // open /v1/events streams (503 beyond)
  // Idle event streams get a comment line this often: it keeps proxies from
  // closing them, and it is how the server finds out that a stream's client
  // has gone (a waiting stream's connection is not watched), freeing its
  // place. Well within the idle timeout.
  int event_heartbeat_seconds = 15;
  // Articles per transaction in ingest jobs: smaller batches show up sooner
  // on a live page.
  size_t ingest_batch_size = 16;

  // An origin allowed to call the API from another site's pages
  // (Access-Control-Allow-Origin); empty: no CORS headers at all.
  std::string cors_origin;

  // The pipeline to tag and read with (must outlive the server); null for
  // one over the built-in packs.
  const Pipeline* pipeline = nullptr;
};

class Server {
 public:
  // Opens the store, builds the pipeline when none is given, and listens.
  // kInvalidArgument for a non-loopback host without a token or bad
  // limits, kIoError when the address cannot be bound or the store opened.
  static StatusOr<std::unique_ptr<Server>> Start(const ServerOptions& options);

  ~Server();  // Stop()s
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The port listened on (the one chosen when options.port was 0).
  int port() const;

  // Stops accepting, ends event streams, lets running requests and the
  // running ingest job finish, drops queued jobs, and closes. Idempotent.
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackHost(const std::string& host);

}  // namespace dateline

#endif  // DATELINE_SERVER_H_
