// The HTTP API, in process on loopback: every endpoint, every error status
// and every limit. Requests go over real sockets (tests/http_test_client.h).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "dateline/server.h"
#include "http_test_client.h"

namespace dateline {
namespace {

using nlohmann::json;
using testing::HttpReply;
using testing::Request;

const std::string kSentence =
    "Le ministre a annoncé hier soir qu'il partira samedi pour trois jours.";

// One pipeline for every server of these tests: building it is the slow part.
const Pipeline* SharedPipeline() {
  static const Pipeline* pipeline = Pipeline::Create().value().release();
  return pipeline;
}

class ServerApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("dateline_server_api_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  ServerOptions Options() {
    ServerOptions o;
    o.port = 0;
    o.db_path = (dir_ / "store.db").string();
    o.pipeline = SharedPipeline();
    o.max_body_bytes = 64 << 10;
    o.max_upload_bytes = 1 << 20;
    o.ingest_batch_size = 2;
    return o;
  }
  void Start(const ServerOptions& o) {
    auto s = Server::Start(o);
    ASSERT_TRUE(s.ok()) << s.status().message();
    server_ = std::move(s).value();
  }
  void Start() { Start(Options()); }
  int port() const { return server_->port(); }

  HttpReply Get(const std::string& target) { return Request(port(), "GET", target); }
  HttpReply Post(const std::string& target, const std::string& body, const std::string& type) {
    return Request(port(), "POST", target, body, type);
  }
  static json Json(const HttpReply& r) {
    json j = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.body;
    return j;
  }
  // An error answer: JSON {error: {code, message}} with this status.
  static void ExpectError(const HttpReply& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/json") << r.body;
    const json j = Json(r);
    ASSERT_TRUE(j.contains("error")) << r.body;
    EXPECT_EQ(j["error"]["code"], code) << r.body;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }
  // Ingests NDJSON records through the API and waits for the job's end.
  json Ingest(const std::string& records) {
    const HttpReply r = Post("/v1/ingest?name=records.jsonl", records, "application/x-ndjson");
    EXPECT_EQ(r.status, 202) << r.body;
    const std::string url = r.Header("location");
    EXPECT_EQ(url, Json(r)["url"]);
    for (int i = 0; i < 600; ++i) {
      const json job = Json(Get(url));
      if (job["state"] == "done" || job["state"] == "failed") return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "job did not end";
    return {};
  }

  std::filesystem::path dir_;
  std::unique_ptr<Server> server_;
};

const std::string kRecords =
    "{\"id\":\"a\",\"url\":\"https://example.org/pont\",\"time\":\"2024-05-16\",\"title\":\"Pont\","
    "\"text\":\"Le pont de Valmorin s'est effondré mardi dernier, selon la préfecture. Les "
    "travaux de déblaiement dureront trois semaines.\"}\n"
    "{\"id\":\"b\",\"url\":\"https://example.org/enquete\",\"time\":\"2024-05-20\",\"title\":"
    "\"Enquête\",\"text\":\"Une enquête a été ouverte le 14 mai 2024 après l'effondrement du "
    "pont de Valmorin. Le maire a demandé des comptes.\"}\n"
    "{\"id\":\"c\",\"time\":\"2024-05-21\",\"title\":\"Sans texte\"}\n";

TEST_F(ServerApiTest, HealthReadinessCapabilitiesAndOpenApi) {
  Start();
  HttpReply r = Get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(Json(r)["status"], "ok");
  EXPECT_EQ(Get("/readyz").status, 200);
  r = Get("/v1/capabilities");
  ASSERT_EQ(r.status, 200);
  const json caps = Json(r);
  std::set<std::string> tagged;
  for (const auto& l : caps["languages"]) {
    if (l["tagged"]) tagged.insert(l["code"]);
  }
  EXPECT_TRUE(tagged.count("fr") && tagged.count("en"));
  EXPECT_EQ(caps["limits"]["max_body_bytes"], 64 << 10);
  EXPECT_EQ(caps["formats"]["timeline"].size(), 5u);
  // Every endpoint is described.
  const json spec = Json(Get("/openapi.json"));
  for (const char* path :
       {"/v1/tag", "/v1/read", "/v1/batch", "/v1/ingest", "/v1/jobs", "/v1/jobs/{id}", "/v1/search",
        "/v1/timeline", "/v1/sentences/{id}", "/v1/events", "/v1/capabilities", "/healthz",
        "/readyz", "/openapi.json", "/"}) {
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
  }
}

TEST_F(ServerApiTest, TagAnswersExpressionsInCodePointsAndEchoesItsContext) {
  Start();
  const json request = {{"text", kSentence}, {"lang", "fr"}, {"dct", "2023-02-22"}};
  const HttpReply r = Post("/v1/tag", request.dump(), "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  const json doc = Json(r);
  EXPECT_EQ(doc["language"], "fr");
  EXPECT_EQ(doc["language_source"], "given");
  EXPECT_EQ(doc["dct"], "2023-02-22");
  EXPECT_EQ(doc["dct_source"], "given");
  ASSERT_EQ(doc["expressions"].size(), 3u);
  EXPECT_EQ(doc["expressions"][0]["text"], "hier soir");
  EXPECT_EQ(doc["expressions"][0]["value"], "2023-02-21TEV");
  EXPECT_EQ(doc["expressions"][0]["begin"], 22);  // "annoncé" is 7 code points, 8 bytes
  EXPECT_EQ(doc["expressions"][0]["byte_begin"], 23);
  EXPECT_EQ(doc["expressions"][1]["value"], "2023-02-25");
  // Without a language or a DCT, the answer says how they were decided.
  const json plain = Json(Post("/v1/tag", json{{"text", kSentence}}.dump(), "application/json"));
  EXPECT_EQ(plain["language"], "fr");
  EXPECT_NE(plain["language_source"], "given");
  EXPECT_EQ(plain["dct_source"], "none");
  EXPECT_EQ(plain["expressions"][1]["value"], "XXXX-WXX-6");  // a Saturday of no known week
}

TEST_F(ServerApiTest, TagTakesRawTextWithQueryParametersAndOtherFormats) {
  Start();
  HttpReply r = Post("/v1/tag?lang=fr&dct=2023-02-22&format=inline", kSentence, "text/plain");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Json(r);
  EXPECT_EQ(j["output"],
            "Le ministre a annoncé <d>2023-02-21TEV</d> qu'il partira <d>2023-02-25</d> pour "
            "<d>P3D</d>.");
  EXPECT_EQ(j["dct_source"], "given");
  r = Post("/v1/tag?lang=fr&dct=2023-02-22&format=timeml", kSentence, "text/plain; charset=utf-8");
  EXPECT_NE(Json(r)["output"].get<std::string>().find(
                "<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2023-02-25\">samedi</TIMEX3>"),
            std::string::npos);
  // A page: its own date is the DCT.
  const std::string page =
      "<html><head><title>Crue</title><meta property=\"article:published_time\" "
      "content=\"2024-03-06T08:30:00\"></head><body><article><h1>Crue</h1><p>La rivière a "
      "débordé hier dans la vallée, et les routes resteront coupées jusqu'à vendredi selon la "
      "préfecture.</p></article></body></html>";
  j = Json(Post("/v1/tag?lang=fr", page, "text/html"));
  EXPECT_EQ(j["dct_source"], "page");
  EXPECT_EQ(j["dct"], "2024-03-06T08:30:00");
  EXPECT_EQ(j["expressions"][0]["value"], "2024-03-05");
}

TEST_F(ServerApiTest, BadRequestsGetJsonErrorsWithTheirStatus) {
  Start();
  ExpectError(Post("/v1/tag", "{\"text\": ", "application/json"), 400, "invalid_argument");
  ExpectError(Post("/v1/tag", "[1,2]", "application/json"), 400, "invalid_argument");
  ExpectError(Post("/v1/tag", json{{"text", "x"}, {"lang", "xx"}}.dump(), "application/json"), 400,
              "invalid_argument");
  ExpectError(Post("/v1/tag", json{{"text", "x"}, {"dct", "mardi"}}.dump(), "application/json"),
              400, "invalid_argument");
  ExpectError(Post("/v1/tag", json{{"text", 12}}.dump(), "application/json"), 400,
              "invalid_argument");
  ExpectError(Post("/v1/tag", json{{"lang", "fr"}}.dump(), "application/json"), 400,
              "invalid_argument");
  ExpectError(Post("/v1/tag?format=pdf", "x", "text/plain"), 400, "invalid_argument");
  ExpectError(Post("/v1/tag", std::string(40, '[') + std::string(40, ']'), "application/json"), 400,
              "invalid_argument");
  // Text that is not UTF-8: the input is at fault, with its byte offset.
  HttpReply r = Post("/v1/tag?lang=fr", "Le 3 mars \xff\xfe", "text/plain");
  ExpectError(r, 422, "invalid_input");
  EXPECT_NE(Json(r)["error"]["message"].get<std::string>().find("byte 10"), std::string::npos);
  ExpectError(Post("/v1/tag", "text=x", "application/x-www-form-urlencoded"), 415,
              "unsupported_media_type");
  ExpectError(Post("/v1/read", "x", "image/png"), 415, "unsupported_media_type");
  r = Get("/v1/tag");
  ExpectError(r, 405, "method_not_allowed");
  EXPECT_EQ(r.Header("allow"), "POST");
  ExpectError(Request(port(), "DELETE", "/v1/timeline"), 405, "method_not_allowed");
  ExpectError(Post("/", "x", "text/plain"), 405, "method_not_allowed");
  ExpectError(Get("/v2/tag"), 404, "not_found");
  ExpectError(Get("/../../etc/passwd"), 404, "not_found");
  ExpectError(Get("/v1/jobs/12345"), 404, "not_found");
  ExpectError(Get("/v1/jobs/abc"), 404, "not_found");
  ExpectError(Get("/v1/sentences/0"), 404, "not_found");
  ExpectError(Get("/v1/sentences/99999"), 404, "not_found");
  ExpectError(Get("/v1/search"), 400, "invalid_argument");
  ExpectError(Get("/v1/search?q=%22unclosed"), 400, "invalid_argument");
  ExpectError(Get("/v1/search?q=x&limit=0"), 400, "invalid_argument");
  ExpectError(Get("/v1/timeline?from=2024-13-01"), 400, "invalid_argument");
  ExpectError(Get("/v1/timeline?dates=100000"), 400, "invalid_argument");
  ExpectError(Get("/v1/timeline?format=/etc/passwd"), 400, "invalid_argument");
  ExpectError(Get("/v1/timeline?lang=xx"), 400, "invalid_argument");
}

TEST_F(ServerApiTest, LimitsAreEnforcedAndNamed) {
  Start();
  // Over the body limit by its declared length: refused before it is read.
  HttpReply r =
      testing::RawExchange(port(),
                           "POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                           "Content-Length: 1073741824\r\n\r\n");
  ExpectError(r, 413, "too_large");
  EXPECT_NE(Json(r)["error"]["message"].get<std::string>().find("65536"), std::string::npos);
  // Within the limit it is tagged.
  const std::string text(60 << 10, 'a');
  EXPECT_EQ(Post("/v1/tag?lang=fr", text, "text/plain").status, 200);
  // Uploads have their own, larger limit.
  ExpectError(testing::RawExchange(port(),
                                   "POST /v1/batch HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                   "application/x-ndjson\r\nContent-Length: 2000000\r\n\r\n"),
              413, "too_large");
  // Headers over the limit.
  const std::string big(40 << 10, 'x');
  r = Request(port(), "GET", "/healthz", "", "", {{"X-Big", big}});
  ExpectError(r, 431, "too_large");
}

TEST_F(ServerApiTest, ReadGivesTheArticle) {
  Start();
  const std::string page =
      "<html><head><title>Crue | Le Journal</title></head><body><nav>Accueil Sport</nav>"
      "<article><h1>Crue</h1><p>Publié le 06/03/2024</p><p>La rivière a débordé hier dans la "
      "vallée, et les routes resteront coupées jusqu'à vendredi selon la préfecture du "
      "canton.</p></article></body></html>";
  HttpReply r = Post("/v1/read?url=https://example.org/crue", page, "text/html");
  ASSERT_EQ(r.status, 200) << r.body;
  json a = Json(r);
  EXPECT_EQ(a["title"], "Crue");
  EXPECT_EQ(a["published"], "2024-03-06");
  EXPECT_EQ(a["url"], "https://example.org/crue");
  const std::string text = a["text"];
  EXPECT_NE(text.find("La rivière a débordé hier"), std::string::npos) << text;
  EXPECT_EQ(text.find("Accueil"), std::string::npos) << text;
  a = Json(Post("/v1/read", json{{"html", page}}.dump(), "application/json"));
  EXPECT_EQ(a["title"], "Crue");
  EXPECT_EQ(a["text"], text);
}

// A source's URL comes from the input; the timeline and a sentence give it
// as a `link` only when it may be one (IsSafeLinkUrl).
TEST_F(ServerApiTest, SourcesAreLinksOnlyForWebAddresses) {
  Start();
  const std::string records =
      "{\"id\":\"w\",\"url\":\"https://example.org/digue\",\"time\":\"2024-05-16\","
      "\"text\":\"La digue de Morvane a cédé le 14 mai 2024 sous la crue.\"}\n"
      "{\"id\":\"j\",\"url\":\" JaVa\\tScript:alert(1)\",\"time\":\"2024-05-17\","
      "\"text\":\"Les habitants de Morvane ont été relogés le 15 mai 2024 après la crue.\"}\n";
  ASSERT_EQ(Ingest(records)["summary"]["ingested"], 2);
  const json timeline = Json(Get("/v1/timeline?q=Morvane"));
  std::map<std::string, json> by_date;
  for (const auto& d : timeline["dates"]) by_date[d["date"]] = d["sentences"][0];
  ASSERT_TRUE(by_date.count("2024-05-14") && by_date.count("2024-05-15")) << timeline.dump();
  const json web = by_date["2024-05-14"]["sources"][0];
  EXPECT_EQ(web["link"], "https://example.org/digue");
  const json script = by_date["2024-05-15"]["sources"][0];
  EXPECT_NE(script["url"].get<std::string>().find("Script:alert(1)"), std::string::npos);
  EXPECT_TRUE(script["link"].is_null()) << script.dump();
  const json sentence = Json(
      Get("/v1/sentences/" + std::to_string(by_date["2024-05-15"]["id"].get<int64_t>())));
  EXPECT_TRUE(sentence["article"]["link"].is_null()) << sentence.dump();
  EXPECT_EQ(Json(Get("/v1/sentences/" +
                     std::to_string(by_date["2024-05-14"]["id"].get<int64_t>())))["article"]["link"],
            "https://example.org/digue");
}

TEST_F(ServerApiTest, BatchAnswersEachRecordInOrderAndAFailureDoesNotStopTheOthers) {
  Start();
  std::string body;
  body +=
      json{{"id", "one"}, {"text", kSentence}, {"lang", "fr"}, {"dct", "2023-02-22"}}.dump() + "\n";
  body += "{\"id\": \"broken\", \n";
  body += json{{"id", 3}, {"text", "Il part demain."}, {"lang", "xx"}}.dump() + "\n";
  body += "\n";  // blank lines are skipped
  body += json{{"id", "big"}, {"text", std::string(70 << 10, 'a')}}.dump() + "\n";
  body += json{{"id", "last"},
               {"text", "Il est parti hier."},
               {"lang", "fr"},
               {"dct", "2024-01-10"},
               {"format", "inline"}}
              .dump();  // no final newline
  const HttpReply r = Post("/v1/batch", body, "application/x-ndjson");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/x-ndjson");
  std::vector<json> lines;
  for (size_t pos = 0; pos < r.body.size();) {
    const size_t nl = r.body.find('\n', pos);
    lines.push_back(json::parse(r.body.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  ASSERT_EQ(lines.size(), 5u) << r.body;
  EXPECT_EQ(lines[0]["id"], "one");
  EXPECT_EQ(lines[0]["expressions"][1]["value"], "2023-02-25");
  EXPECT_TRUE(lines[1]["id"].is_null());
  EXPECT_EQ(lines[1]["line"], 2);
  EXPECT_EQ(lines[1]["error"]["code"], "invalid_input");
  EXPECT_EQ(lines[2]["id"], 3);
  EXPECT_EQ(lines[2]["error"]["code"], "invalid_argument");
  EXPECT_EQ(lines[3]["error"]["code"], "too_large");
  EXPECT_EQ(lines[3]["line"], 5);
  EXPECT_EQ(lines[4]["id"], "last");
  EXPECT_EQ(lines[4]["output"], "Il est parti <d>2024-01-09</d>.");
}

// A batch larger than any buffer streams through: records are read as they
// are processed, and the output comes back whole and in order.
TEST_F(ServerApiTest, LargeBatchStreams) {
  Start();
  std::string body;
  const int n = 3000;
  for (int i = 0; i < n; ++i) {
    body += json{{"id", i},
                 {"text", "Le " + std::to_string(i % 28 + 1) + " mars, il pleuvait."},
                 {"lang", "fr"},
                 {"dct", "2024-04-02"},
                 {"format", "inline"}}
                .dump() +
            "\n";
  }
  ASSERT_GT(body.size(), 200u << 10);
  const HttpReply r = Post("/v1/batch", body, "application/x-ndjson");
  ASSERT_EQ(r.status, 200);
  int i = 0;
  for (size_t pos = 0; pos < r.body.size(); ++i) {
    const size_t nl = r.body.find('\n', pos);
    const json line = json::parse(r.body.substr(pos, nl - pos));
    ASSERT_EQ(line["id"], i);
    ASSERT_NE(line["output"].get<std::string>().find("2024-03-"), std::string::npos);
    pos = nl + 1;
  }
  EXPECT_EQ(i, n);
  ExpectError(Post("/v1/batch", body, "application/json"), 415, "unsupported_media_type");
}

TEST_F(ServerApiTest, IngestIsAJobAndItsArticlesAreSearchedTimelinedAndExplained) {
  Start();
  const json job = Ingest(kRecords);
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["summary"]["ingested"], 2);
  EXPECT_EQ(job["summary"]["skipped"], 1);
  EXPECT_EQ(job["summary"]["problems"][0],
            "records.jsonl:3: record has neither \"text\" nor \"html\"");
  EXPECT_EQ(job["progress"]["committed"], 2);
  EXPECT_EQ(Json(Get("/v1/jobs"))["jobs"][0]["id"], job["id"]);

  json found = Json(Get("/v1/search?q=valmorin"));
  ASSERT_EQ(found["articles"].size(), 2u);
  EXPECT_EQ(found["articles"][0]["source"].get<std::string>().rfind("records.jsonl#", 0), 0u);

  HttpReply r = Get("/v1/timeline?q=valmorin&dates=5&sentences=1");
  ASSERT_EQ(r.status, 200) << r.body;
  const json timeline = Json(r);
  ASSERT_FALSE(timeline["dates"].empty());
  json bridge;
  for (const auto& d : timeline["dates"]) {
    if (d["date"] == "2024-05-14") bridge = d["sentences"][0];
  }
  ASSERT_FALSE(bridge.is_null()) << timeline.dump();
  // The sentence explains its date: "mardi dernier" -> 2024-05-14, DCT 2024-05-16.
  const json sentence = Json(Get("/v1/sentences/" + std::to_string(bridge["id"].get<int64_t>())));
  EXPECT_EQ(sentence["date"], "2024-05-14");
  const json dated_by = sentence["expressions"][sentence["dated_by"].get<size_t>()];
  const std::string text = sentence["text"];
  EXPECT_EQ(dated_by["value"], "2024-05-14");
  EXPECT_TRUE(dated_by["text"] == "mardi dernier" || dated_by["text"] == "le 14 mai 2024")
      << dated_by.dump();
  EXPECT_FALSE(sentence["dct"].get<std::string>().empty());
  EXPECT_FALSE(sentence["article"]["title"].get<std::string>().empty());

  for (const char* format : {"md", "tilse", "timelinejs", "html"}) {
    r = Get(std::string("/v1/timeline?q=valmorin&format=") + format);
    EXPECT_EQ(r.status, 200) << format;
    EXPECT_NE(r.body.find("2024-05-14"), std::string::npos) << format;
  }
  EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.Header("content-security-policy").find("sandbox"), std::string::npos);
  r = Get("/v1/timeline?q=valmorin&format=md&download=1");
  EXPECT_EQ(r.Header("content-disposition"), "attachment; filename=\"timeline.md\"");
  ExpectError(Post("/v1/ingest", kRecords, "application/pdf"), 415, "unsupported_media_type");
}

TEST_F(ServerApiTest, EventsStreamJobProgressAndTheChangedDays) {
  Start();
  const int fd = testing::Connect(port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(testing::SendAll(fd, "GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::string stream;
  ASSERT_TRUE(testing::ReadUntil(fd, stream, 5000, [](const std::string& s) {
    return s.find("event: hello") != std::string::npos;
  }));
  EXPECT_NE(stream.find("text/event-stream"), std::string::npos);
  Ingest(kRecords);
  ASSERT_TRUE(testing::ReadUntil(fd, stream, 5000, [](const std::string& s) {
    return s.find("\"state\":\"done\"") != std::string::npos;
  })) << stream;
  EXPECT_NE(stream.find("event: job"), std::string::npos);
  EXPECT_NE(stream.find("event: timeline"), std::string::npos);
  EXPECT_NE(stream.find("\"changed_days\":["), std::string::npos);
  EXPECT_NE(stream.find("2024-05-14"), std::string::npos);
  close(fd);
}

// Streams whose clients have gone free their places: the heartbeat finds
// them out.
TEST_F(ServerApiTest, EventStreamsAreBoundedAndFreedWhenTheirClientsGo) {
  ServerOptions o = Options();
  o.max_event_streams = 2;
  o.event_heartbeat_seconds = 1;
  Start(o);
  auto open_stream = [&] {
    const int fd = testing::Connect(port());
    testing::SendAll(fd, "GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n");
    std::string in;
    testing::ReadUntil(
        fd, in, 5000, [](const std::string& s) { return s.find("\r\n\r\n") != std::string::npos; });
    return std::pair{fd, in};
  };
  auto [a, a_in] = open_stream();
  auto [b, b_in] = open_stream();
  EXPECT_NE(b_in.find(" 200 "), std::string::npos);
  auto [c, c_in] = open_stream();
  EXPECT_NE(c_in.find(" 503 "), std::string::npos) << c_in;
  close(c);
  close(a);
  close(b);
  bool reopened = false;
  for (int i = 0; i < 50 && !reopened; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto [d, d_in] = open_stream();
    reopened = d_in.find(" 200 ") != std::string::npos;
    close(d);
  }
  EXPECT_TRUE(reopened);
}

TEST_F(ServerApiTest, ATokenGuardsTheApiButNotHealthOrThePage) {
  ServerOptions o = Options();
  o.token = "0123456789abcdef-secret";
  Start(o);
  ExpectError(Get("/v1/capabilities"), 401, "unauthorized");
  ExpectError(Request(port(), "GET", "/v1/capabilities", "", "",
                      {{"Authorization", "Bearer 0123456789abcdef-secreT"}}),
              401, "unauthorized");
  EXPECT_EQ(Request(port(), "GET", "/v1/capabilities", "", "",
                    {{"Authorization", "Bearer 0123456789abcdef-secret"}})
                .status,
            200);
  // A refused upload is not read.
  ExpectError(Post("/v1/tag", kSentence, "text/plain"), 401, "unauthorized");
  EXPECT_EQ(Get("/healthz").status, 200);
  EXPECT_EQ(Get("/").status, 200);
}

TEST_F(ServerApiTest, OnlyLoopbackGoesWithoutAToken) {
  ServerOptions o = Options();
  o.host = "0.0.0.0";
  auto s = Server::Start(o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.8.9.1"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_FALSE(IsLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackHost("192.168.1.10"));
  EXPECT_FALSE(IsLoopbackHost("::"));
}

TEST_F(ServerApiTest, NoCorsUnlessAnOriginIsGiven) {
  Start();
  EXPECT_EQ(Get("/healthz").headers.count("access-control-allow-origin"), 0u);
  ExpectError(Request(port(), "OPTIONS", "/v1/tag"), 405, "method_not_allowed");
  server_.reset();
  ServerOptions o = Options();
  o.cors_origin = "https://desk.example.org";
  Start(o);
  EXPECT_EQ(Get("/healthz").Header("access-control-allow-origin"), "https://desk.example.org");
  const HttpReply preflight = Request(port(), "OPTIONS", "/v1/tag");
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.Header("access-control-allow-methods"), "POST");
  EXPECT_NE(preflight.Header("access-control-allow-headers").find("Authorization"),
            std::string::npos);
}

TEST_F(ServerApiTest, WithoutAStoreTheStoreEndpointsAreUnavailable) {
  ServerOptions o = Options();
  o.db_path.clear();
  Start(o);
  ExpectError(Get("/v1/search?q=x"), 503, "unavailable");
  ExpectError(Get("/v1/timeline"), 503, "unavailable");
  ExpectError(Post("/v1/ingest", kRecords, "application/x-ndjson"), 503, "unavailable");
  EXPECT_EQ(Post("/v1/tag", json{{"text", kSentence}}.dump(), "application/json").status, 200);
}

// A full queue answers 429 at once rather than making requests wait.
TEST_F(ServerApiTest, AFullQueueAnswers429) {
  ServerOptions o = Options();
  o.workers = 1;
  o.queue = 1;
  o.max_body_bytes = 4 << 20;
  o.max_upload_bytes = 4 << 20;
  Start(o);
  std::string text;
  while (text.size() < (3 << 20)) text += kSentence + " ";
  const std::string request = testing::RequestText("POST", "/v1/tag?lang=fr", text, "text/plain");
  std::vector<int> fds;
  for (int i = 0; i < 8; ++i) fds.push_back(testing::Connect(port()));
  for (int fd : fds) ASSERT_TRUE(testing::SendAll(fd, request));
  std::map<int, int> statuses;
  for (int fd : fds) {
    std::string in;
    HttpReply reply;
    testing::ReadUntil(fd, in, 120000, [&](const std::string& s) {
      reply = testing::ParseReply(s, false);
      return reply.status != 0;
    });
    ++statuses[reply.status];
    if (reply.status == 429) ExpectError(reply, 429, "too_many_requests");
    close(fd);
  }
  EXPECT_GE(statuses[200], 1);
  EXPECT_GE(statuses[429], 1);
  EXPECT_EQ(statuses[200] + statuses[429], 8);
}

TEST_F(ServerApiTest, ThePageIsServedWithAStrictContentPolicy) {
  Start();
  const HttpReply r = Get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.Header("content-security-policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(Get("/app.js").status, 200);
  EXPECT_EQ(Get("/app.css").status, 200);
}

}  // namespace
}  // namespace dateline
