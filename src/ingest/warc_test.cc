#include "ingest/warc.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "util/gzip_for_tests.h"

namespace dateline {
namespace {

using test_util::GzipMember;

std::string Record(int i, size_t body_size = 300) {
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page " + std::to_string(i) + "</p>";
  while (http.size() < body_size) http += " filler text " + std::to_string(http.size() * 31 % 97);
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/" +
         std::to_string(i) + "\r\nContent-Type: application/http; msgtype=response\r\n" +
         "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

struct Result {
  std::vector<std::string> uris;
  std::vector<size_t> offsets;
  std::vector<std::string> types;
  std::vector<std::string> block_starts;
  std::vector<std::string> pages;  // "<p>page N<" from each block
  std::vector<std::string> problems;
};

Result Read(const std::string& bytes, WarcReadOptions options = {}) {
  std::istringstream in(bytes);
  Result r;
  ReadWarcStream(
      in,
      [&](const WarcRecord& rec) {
        r.uris.push_back(rec.target_uri);
        r.offsets.push_back(rec.offset);
        r.types.push_back(rec.type);
        r.block_starts.push_back(std::string(rec.block.substr(0, 9)));
        const size_t page = rec.block.find("<p>page ");
        r.pages.push_back(page == std::string_view::npos ? ""
                                                         : std::string(rec.block.substr(page, 10)));
      },
      [&](const std::string& p) { r.problems.push_back(p); }, options);
  return r;
}

std::vector<std::string> Uris(int n, int except = -1) {
  std::vector<std::string> uris;
  for (int i = 0; i < n; ++i) {
    if (i != except) uris.push_back("http://example.org/" + std::to_string(i));
  }
  return uris;
}

std::vector<std::string> records(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(Record(i));
  return out;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += p;
  return s;
}

TEST(WarcStream, PlainRecordsWithOffsets) {
  const auto recs = records(3);
  const Result r = Read(Join(recs));
  EXPECT_EQ(r.uris, Uris(3));
  EXPECT_EQ(r.offsets, (std::vector<size_t>{0, recs[0].size(), recs[0].size() + recs[1].size()}));
  EXPECT_EQ(r.types, std::vector<std::string>(3, "response"));
  EXPECT_EQ(r.block_starts, std::vector<std::string>(3, "HTTP/1.1 "));
  EXPECT_TRUE(r.problems.empty());
}

TEST(WarcStream, PlainFileCutInHalfKeepsEveryCompleteRecord) {
  const auto recs = records(50);
  const std::string all = Join(recs);
  const size_t cut = all.size() / 2;
  const Result r = Read(all.substr(0, cut));
  size_t complete = 0;
  for (size_t end = 0; complete < recs.size() && end + recs[complete].size() - 4 <= cut;)
    end += recs[complete++].size();
  EXPECT_EQ(r.uris, Uris(static_cast<int>(complete)));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("truncated WARC record"), std::string::npos) << r.problems[0];
}

// One bad byte in a plain file costs the record it is in, wherever it falls
// in the record's header.
TEST(WarcStream, OneBadByteInAPlainFileLosesOneRecord) {
  const auto recs = records(20);
  const size_t at = recs[0].size() * 7;  // record 7 starts here
  for (const auto& [offset, byte] : std::vector<std::pair<size_t, char>>{
           {0, 'X'},                                      // "WARC/1.0" -> "XARC/1.0"
           {recs[7].find("Content-Length: ") + 16, '9'},  // length too large
           {recs[7].find("Content-Length: ") + 16, '1'},  // length too small
           {recs[7].find("Content-Length"), 'X'},         // no Content-Length
           {recs[7].find("\r\n\r\n"), 'X'}}) {            // the header block runs on
    std::string all = Join(recs);
    all[at + offset] = byte;
    SCOPED_TRACE("byte " + std::to_string(offset) + " of record 7 set to " + byte);
    const Result r = Read(all);
    EXPECT_EQ(r.uris, Uris(20, 7));
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].rfind("byte " + std::to_string(at), 0), 0u) << r.problems[0];
  }
}

// Whatever byte of a record's header or trailer is damaged, the other
// records all come through (the damaged one may, changed).
TEST(WarcStream, AnyBadByteOfAHeaderSparesTheOtherRecords) {
  const auto recs = records(12);
  const size_t start = recs[0].size() * 7;
  const size_t header_end = recs[7].find("\r\n\r\n") + 4;
  std::vector<size_t> positions;
  for (size_t i = 0; i < header_end; ++i) positions.push_back(i);
  for (size_t i = recs[7].size() - 4; i < recs[7].size(); ++i) positions.push_back(i);
  for (size_t i : positions) {
    for (char byte : {'\0', '\n', '0', '9', 'X'}) {
      std::string all = Join(recs);
      all[start + i] = byte;
      const Result r = Read(all);
      // Record 7 may come through, its header changed: it is known by its page.
      std::vector<std::string> others;
      for (size_t k = 0; k < r.uris.size(); ++k) {
        if (r.pages[k] != "<p>page 7<") others.push_back(r.uris[k]);
      }
      EXPECT_EQ(others, Uris(12, 7)) << "byte " << i << " of record 7 set to " << int{byte} << ": "
                                     << (r.problems.empty() ? "" : r.problems[0]);
    }
  }
}

// Common Crawl's layout: one gzip member per record. A bad byte costs its
// member's record, and offsets are those of the members.
TEST(WarcStream, GzipMemberPerRecordResynchronisesAfterDamage) {
  std::vector<std::string> members;
  for (const auto& rec : records(20)) members.push_back(GzipMember(rec));
  std::vector<size_t> member_offsets;
  size_t offset = 0;
  for (const auto& m : members) member_offsets.push_back(offset), offset += m.size();
  const Result whole = Read(Join(members));
  EXPECT_EQ(whole.uris, Uris(20));
  EXPECT_EQ(whole.offsets, member_offsets);
  EXPECT_TRUE(whole.problems.empty());
  // Header flags, deflate data, the CRC, the length.
  for (size_t at : {size_t{3}, size_t{12}, members[7].size() / 2, members[7].size() - 6,
                    members[7].size() - 3}) {
    std::string all = Join(members);
    all[member_offsets[7] + at] ^= 0x41;
    SCOPED_TRACE("byte " + std::to_string(at) + " of member 7");
    const Result r = Read(all);
    EXPECT_EQ(r.uris, Uris(20, 7));
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_NE(r.problems[0].find("member at byte " + std::to_string(member_offsets[7])),
              std::string::npos)
        << r.problems[0];
  }
}

// What zlib can decompress of `gz` before it ends.
std::string InflatePrefix(const std::string& gz) {
  z_stream zs{};
  inflateInit2(&zs, 15 + 16);
  std::string out(gz.size() * 50, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  inflate(&zs, Z_SYNC_FLUSH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

TEST(WarcStream, GzipWholeFileMemberCutShortKeepsWhatCameBefore) {
  const auto recs = records(50);
  const std::string gz = GzipMember(Join(recs));
  const std::string cut = gz.substr(0, gz.size() / 2);
  // Every record that decompresses whole, its CRLF CRLF included.
  const size_t available = InflatePrefix(cut).size();
  int whole = 0;
  for (size_t end = recs[0].size(); end <= available; end += recs[++whole].size()) {
  }
  ASSERT_GT(whole, 5);
  const Result r = Read(cut);
  EXPECT_EQ(r.uris, Uris(whole));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("cut short"), std::string::npos) << r.problems[0];
}

TEST(WarcStream, OversizedRecordIsSkippedNotHeld) {
  const std::string all = Record(0) + Record(1, 100000) + Record(2);
  WarcReadOptions options;
  options.max_record_bytes = 50000;
  const Result r = Read(all, options);
  EXPECT_EQ(r.uris, (std::vector<std::string>{"http://example.org/0", "http://example.org/2"}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("exceeds the limit of 50000 bytes"), std::string::npos);
}

// A stream much larger than a record is read with the memory of a record.
class RepeatingRecords : public std::streambuf {
 public:
  RepeatingRecords(std::string record, size_t count) : record_(std::move(record)), left_(count) {}

 protected:
  int_type underflow() override {
    if (left_ == 0) return traits_type::eof();
    --left_;
    setg(record_.data(), record_.data(), record_.data() + record_.size());
    return traits_type::to_int_type(record_[0]);
  }

 private:
  std::string record_;
  size_t left_;
};

TEST(WarcStream, MemoryStaysNearOneRecord) {
  RepeatingRecords source(Record(1, 1 << 20), 300);  // 300 MB
  std::istream in(&source);
  rusage before{}, after{};
  getrusage(RUSAGE_SELF, &before);
  size_t count = 0;
  ReadWarcStream(
      in, [&](const WarcRecord&) { ++count; }, [](const std::string& p) { ADD_FAILURE() << p; });
  getrusage(RUSAGE_SELF, &after);
  EXPECT_EQ(count, 300u);
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 64 * 1024) << "KiB of peak memory";
}

TEST(WarcStream, MissingFileIsOneProblem) {
  std::vector<std::string> problems;
  ReadWarcFile(
      "/nonexistent/crawl.warc.gz", [](const WarcRecord&) { ADD_FAILURE(); },
      [&](const std::string& p) { problems.push_back(p); });
  EXPECT_EQ(problems, (std::vector<std::string>{"No such file or directory"}));
}

TEST(HttpResponse, StatusIsThreeDigits) {
  HttpResponse response;
  std::string error;
  ASSERT_TRUE(ParseHttpResponse("HTTP/1.1 404 Not Found\r\n\r\n", response, error)) << error;
  EXPECT_EQ(response.status, 404);
  for (const char* bad :
       {"HTTP/1.1 -200 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n",
        "HTTP/1.1 099 Odd\r\n\r\n", "HTTP/1.1\r\n\r\n", "HTTP/1.1  200\r\n\r\n"}) {
    EXPECT_FALSE(ParseHttpResponse(bad, response, error)) << bad;
    EXPECT_EQ(error, "bad HTTP status line") << bad;
  }
}

}  // namespace
}  // namespace dateline
