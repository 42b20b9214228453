// Fuzzes the streaming WARC reader (plain and gzip, with damage) and the
// HTTP response parser, and checks that records come in file order, each at
// an offset where a record (or its gzip member) starts, that every problem
// gives an offset inside the input, and that the in-memory and stream forms
// agree.
//
// Input: the bytes of a WARC file, plain or gzip. An input that starts with
// the line "gzip-members" is turned into Common Crawl's layout first: the
// rest is cut before each line that starts "WARC/" and each part becomes its
// own gzip member, so that mutations of the plain records reach the gzip
// path too.
#include <zlib.h>

#include <sstream>
#include <string>
#include <vector>

#include "fuzz_check.h"
#include "ingest/warc.h"
#include "util/gzip_for_tests.h"

namespace {

// Level 1: the fuzzer builds many members per input.
std::string FastGzip(std::string_view data) { return dateline::test_util::GzipMember(data, 1); }

std::string GzipMembers(std::string_view plain) {
  std::string out;
  size_t start = 0;
  for (size_t i = plain.find("\nWARC/"); i != std::string_view::npos;
       i = plain.find("\nWARC/", i + 1)) {
    out += FastGzip(plain.substr(start, i + 1 - start));
    start = i + 1;
  }
  return out + FastGzip(plain.substr(start));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dateline;
  using fuzz::Check;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string converted;
  constexpr std::string_view kMembers = "gzip-members\n";
  if (input.substr(0, kMembers.size()) == kMembers) {
    converted = GzipMembers(input.substr(kMembers.size()));
    input = converted;
  }
  const bool gzip = input.size() >= 2 && input[0] == '\x1f' && input[1] == '\x8b';
  const WarcReadOptions options;  // as ForEachWarcRecord reads
  std::vector<size_t> offsets;
  size_t problems = 0;
  std::istringstream in{std::string(input)};
  ReadWarcStream(
      in,
      [&](const WarcRecord& record) {
        Check(offsets.empty() || record.offset > offsets.back() ||
                  (gzip && record.offset == offsets.back()),
              "records out of order");
        Check(record.offset < input.size(), "a record offset past the input");
        if (gzip) {
          Check(input.substr(record.offset, 2) == "\x1f\x8b", "a record not at a gzip member");
        } else {
          Check(input.substr(record.offset, 5) == "WARC/", "a record not at a record header");
        }
        Check(record.block.size() <= options.max_record_bytes, "a record over the limit");
        offsets.push_back(record.offset);
        HttpResponse response;
        std::string http_error;
        if (ParseHttpResponse(record.block, response, http_error)) {
          Check(response.status >= 100 && response.status <= 999, "HTTP status out of range");
        } else {
          Check(!http_error.empty(), "an HTTP parse failure without a reason");
        }
      },
      [&](const std::string& problem) {
        ++problems;
        Check(problem.rfind("byte ", 0) == 0, "a problem that does not give its byte", problem);
        Check(std::stoull(problem.substr(5)) <= input.size(), "a problem past the input", problem);
      },
      options);
  // The in-memory form reads the same records and fails when problems were found.
  size_t records = 0;
  std::string error;
  const bool ok = ForEachWarcRecord(
      input, [&](const WarcRecord&) { ++records; }, error);
  Check(ok == (problems == 0), "ForEachWarcRecord and ReadWarcStream disagree on problems");
  Check(records == offsets.size(), "ForEachWarcRecord and ReadWarcStream disagree on records");
  return 0;
}
