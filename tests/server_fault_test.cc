// The server under faults: stalled and non-reading clients, floods of
// connections, huge bodies, malformed input, and a killed server restarted
// on the same store. Each test bounds its own load in count and time and
// talks to loopback only.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "dateline/corpus.h"
#include "dateline/server.h"
#include "http_test_client.h"

namespace dateline {
namespace {

using nlohmann::json;
using testing::HttpReply;
using testing::Request;
using Clock = std::chrono::steady_clock;

const Pipeline* SharedPipeline() {
  static const Pipeline* pipeline = Pipeline::Create().value().release();
  return pipeline;
}

size_t OpenFiles() {
  size_t n = 0;
  for (auto it = std::filesystem::directory_iterator("/proc/self/fd");
       it != std::filesystem::directory_iterator(); ++it) {
    ++n;
  }
  return n;
}

// OpenFiles once the count holds still for 100 ms: the server closes its end
// of a connection the client has closed a moment later, on its own thread.
size_t SettledOpenFiles() {
  size_t n = OpenFiles();
  for (int i = 0; i < 50; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const size_t again = OpenFiles();
    if (again == n) break;
    n = again;
  }
  return n;
}

class ServerFaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("dateline_server_fault_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Start(int idle_timeout = 2) {
    ServerOptions o;
    o.port = 0;
    o.db_path = (dir_ / "store.db").string();
    o.pipeline = SharedPipeline();
    o.idle_timeout_seconds = idle_timeout;
    o.max_body_bytes = 64 << 10;
    o.max_upload_bytes = 1 << 20;
    auto s = Server::Start(o);
    ASSERT_TRUE(s.ok()) << s.status().message();
    server_ = std::move(s).value();
  }
  int port() const { return server_->port(); }
  bool Healthy() { return Request(port(), "GET", "/healthz").status == 200; }

  std::filesystem::path dir_;
  std::unique_ptr<Server> server_;
};

// Half a body, then silence: the connection is dropped after the idle
// timeout, and other clients are served meanwhile.
TEST_F(ServerFaultTest, AClientThatSendsHalfABodyAndStallsIsDropped) {
  Start(1);
  const int fd = testing::Connect(port());
  ASSERT_TRUE(testing::SendAll(fd,
                               "POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                               "Content-Length: 1000\r\n\r\nLe 3 mars"));
  EXPECT_TRUE(Healthy());
  const auto start = Clock::now();
  std::string in;
  ASSERT_TRUE(testing::ReadUntil(fd, in, 10000, [](const std::string&) { return false; }));
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(6));
  close(fd);
  EXPECT_TRUE(Healthy());
}

// A client that asks and never reads: the server's writes stall, the
// connection times out and the server lets it go (its descriptor closed),
// and nothing else waits for it meanwhile.
TEST_F(ServerFaultTest, AClientThatNeverReadsItsAnswerDoesNotHoldTheServer) {
  Start(1);
  ASSERT_TRUE(Healthy());
  const size_t before = SettledOpenFiles();
  const int fd = testing::Connect(port());
  // Pipelined requests whose answers (the page's script, hundreds of KB
  // each) far exceed the socket buffers.
  std::string requests;
  for (int i = 0; i < 50; ++i) {
    requests += "GET /vendor/vis-timeline.min.js HTTP/1.1\r\nHost: x\r\n\r\n";
    requests += "GET /openapi.json HTTP/1.1\r\nHost: x\r\n\r\n";
  }
  testing::SendAll(fd, requests);
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(Healthy());
  // Our socket stays open; the server's end of it goes.
  size_t now = OpenFiles();
  for (int i = 0; i < 200 && now > before + 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    now = OpenFiles();
  }
  EXPECT_EQ(now, before + 1);
  close(fd);
  EXPECT_TRUE(Healthy());
}

// Ten thousand connections opened and dropped (some mid-request): the
// server keeps answering and holds no descriptor for them afterwards.
TEST_F(ServerFaultTest, TenThousandConnectionsOpenedAndDropped) {
  Start();
  ASSERT_TRUE(Healthy());
  const size_t before = OpenFiles();
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  const size_t at_once = std::min<size_t>(500, limit.rlim_cur > 200 ? limit.rlim_cur / 4 : 50);
  std::vector<int> open;
  int failed = 0;
  for (int i = 0; i < 10000; ++i) {
    const int fd = testing::Connect(port());
    if (fd < 0) {
      ++failed;
      continue;
    }
    if (i % 3 == 1) testing::SendAll(fd, "POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Len");
    if (i % 3 == 2) testing::SendAll(fd, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    open.push_back(fd);
    if (open.size() >= at_once) {
      for (int o : open) close(o);
      open.clear();
    }
  }
  for (int o : open) close(o);
  EXPECT_EQ(failed, 0);
  ASSERT_TRUE(Healthy());
  // The server notices every close within a moment.
  size_t now = OpenFiles();
  for (int i = 0; i < 100 && now > before + 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    now = OpenFiles();
  }
  EXPECT_LE(now, before + 2);
}

// A 1 GB body: refused from its length before it is sent, and, sent
// chunked without a length, cut off as soon as it passes the limit.
TEST_F(ServerFaultTest, AGigabyteBodyIsRefusedWithoutBeingRead) {
  Start();
  HttpReply r = testing::RawExchange(port(),
                                     "POST /v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                     "application/x-ndjson\r\nContent-Length: 1073741824\r\n\r\n",
                                     5000);
  EXPECT_EQ(r.status, 413);
  const int fd = testing::Connect(port());
  ASSERT_TRUE(testing::SendAll(fd,
                               "POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: "
                               "application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"));
  const std::string line = json{{"id", 1}, {"text", std::string(900, 'a')}}.dump() + "\n";
  std::string chunk;
  while (chunk.size() < (64 << 10)) chunk += line;
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
  const std::string framed = size + chunk + "\r\n";
  size_t sent = 0;
  while (sent < (size_t{1} << 30) && testing::SendAll(fd, framed)) sent += chunk.size();
  EXPECT_LT(sent, size_t{64} << 20) << "the server kept reading";
  std::string in;
  testing::ReadUntil(
      fd, in, 5000, [](const std::string& s) { return testing::ParseReply(s, false).status != 0; });
  close(fd);
  r = testing::ParseReply(in, true);
  if (r.status != 0) {  // a reset may come before the answer is read
    EXPECT_EQ(r.status, 413);
  }
  EXPECT_TRUE(Healthy());
}

TEST_F(ServerFaultTest, MalformedJsonAndNdjsonGetErrorsAndTheRestGoesOn) {
  Start();
  const std::string garbage[] = {"",
                                 "{",
                                 "}",
                                 "nul",
                                 "{\"text\":\"\\ud800\"}",
                                 "\xff\xfe\x00\x01",
                                 std::string(100, '{'),
                                 "{\"text\":\"a\"}{\"text\":\"b\"}",
                                 "{\"text\": [\"a\"]}",
                                 "{\"text\":\"x\",\"dct\":{}}"};
  for (const std::string& body : garbage) {
    const HttpReply r = Request(port(), "POST", "/v1/tag", body, "application/json");
    EXPECT_TRUE(r.status == 400 || r.status == 422) << r.status << " for " << body;
    EXPECT_TRUE(json::parse(r.body, nullptr, false).contains("error")) << r.body;
  }
  std::string batch;
  for (const std::string& body : garbage) batch += body + "\n";
  batch += json{{"id", "fine"}, {"text", "Il part demain."}, {"lang", "fr"}}.dump() + "\n";
  const HttpReply r = Request(port(), "POST", "/v1/batch", batch, "application/x-ndjson");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"id\":\"fine\""), std::string::npos);
  EXPECT_NE(r.body.find("\"error\""), std::string::npos);
  // An ingest of garbage lines is a job whose summary names each bad line.
  const HttpReply job = Request(port(), "POST", "/v1/ingest", batch, "application/x-ndjson");
  EXPECT_EQ(job.status, 202);
  EXPECT_TRUE(Healthy());
}

// A server killed with SIGKILL during an ingest and started again on the
// same store: the store passes its integrity check and keeps every article
// of the jobs that had finished.
// A `dateline serve` process, killed when the test ends however it ends.
struct ChildServer {
  pid_t pid = -1;
  ~ChildServer() { Kill(SIGKILL); }
  int Kill(int signal_number) {
    int status = -1;
    if (pid > 0) {
      kill(pid, signal_number);
      waitpid(pid, &status, 0);
      pid = -1;
    }
    return status;
  }
};

TEST_F(ServerFaultTest, AKilledServerRestartsOnItsStoreWithNothingLost) {
  const std::string db = (dir_ / "store.db").string();
  ChildServer child;
  auto start_server = [&](int* port) -> pid_t {
    int pipe_fds[2];
    EXPECT_EQ(pipe(pipe_fds), 0);
    const pid_t pid = fork();
    if (pid == 0) {
      dup2(pipe_fds[1], 2);
      close(pipe_fds[0]);
      execl(DATELINE_BINARY, DATELINE_BINARY, "serve", "--listen", "127.0.0.1:0", "--db",
            db.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(pipe_fds[1]);
    std::string err;
    testing::ReadUntil(pipe_fds[0], err, 60000, [](const std::string& s) {
      return s.find("/ (store") != std::string::npos;
    });
    close(pipe_fds[0]);
    const size_t colon = err.find("127.0.0.1:");
    *port = colon == std::string::npos ? 0 : std::atoi(err.c_str() + colon + 10);
    return pid;
  };
  // Distinct texts (pseudo-words from the record number), so that none is
  // taken for a near-duplicate of another.
  auto word = [](int i, int k) {
    std::string w;
    for (unsigned v = static_cast<unsigned>(i * 7 + k) * 2654435761u; w.size() < 7; v /= 26) {
      w += static_cast<char>('a' + v % 26);
    }
    return w;
  };
  auto records = [&](int from, int to) {
    std::string out;
    for (int i = from; i < to; ++i) {
      std::string words;
      for (int k = 0; k < 12; ++k) words += " " + word(i, k);
      out += json{{"id", "r" + std::to_string(i)},
                  {"time", "2024-05-16"},
                  {"title", "Dépêche " + std::to_string(i)},
                  {"text", "Le conseil numéro " + std::to_string(i * 7919) +
                               " s'est réuni mardi dernier à Valmorin, selon la mairie. Il se "
                               "réunira de nouveau le " +
                               std::to_string(i % 27 + 1) + " juin pour voter le budget" + words +
                               "."}}
                 .dump() +
             "\n";
    }
    return out;
  };
  int port = 0;
  child.pid = start_server(&port);
  ASSERT_GT(port, 0);
  // A first job runs to its end.
  HttpReply r =
      Request(port, "POST", "/v1/ingest?name=first.jsonl", records(0, 40), "application/x-ndjson");
  ASSERT_EQ(r.status, 202) << r.body;
  const std::string first = r.Header("location");
  for (int i = 0; i < 1200; ++i) {
    if (json::parse(Request(port, "GET", first).body)["state"] == "done") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(json::parse(Request(port, "GET", first).body)["state"], "done");
  // A second, larger one is killed while it runs.
  r = Request(port, "POST", "/v1/ingest?name=second.jsonl", records(40, 2000),
              "application/x-ndjson");
  ASSERT_EQ(r.status, 202);
  for (int i = 0; i < 600; ++i) {
    const json job = json::parse(Request(port, "GET", r.Header("location")).body);
    if (job["progress"]["committed"] > 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  child.Kill(SIGKILL);
  {
    auto store = Corpus::Open(db);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->CheckIntegrity(), "ok");
    EXPECT_GE((*store)->ArticleCount(), 40u);
    size_t first_job = 0;
    const std::vector<CorpusArticle> found = *(*store)->Search("conseil", 5000);
    for (const CorpusArticle& a : found) {
      first_job += a.origin.source.rfind("first.jsonl#", 0) == 0;
    }
    EXPECT_EQ(first_job, 40u);
  }
  // Started again on the same store, it serves what was stored.
  child.pid = start_server(&port);
  ASSERT_GT(port, 0);
  const json found = json::parse(Request(port, "GET", "/v1/search?q=conseil&limit=200").body);
  EXPECT_GE(found["articles"].size(), 40u);
  EXPECT_EQ(Request(port, "GET", "/readyz").status, 200);
  const int status = child.Kill(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

}  // namespace
}  // namespace dateline
