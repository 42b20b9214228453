// Fuzzes the WARC reader and the HTTP response parser, and checks that the
// records come in file order, each inside the input, and that every
// failure says where.
//
// Input: the bytes of a WARC file.
#include <string>

#include "corpus/warc.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dateline;
  using fuzz::Check;
  const std::string_view warc(reinterpret_cast<const char*>(data), size);
  size_t next_offset = 0;
  std::string error;
  const bool ok = ForEachWarcRecord(
      warc,
      [&](const WarcRecord& record) {
        Check(record.offset >= next_offset, "records out of order");
        Check(record.block.data() >= warc.data() + record.offset &&
                  record.block.data() + record.block.size() <= warc.data() + warc.size(),
              "a record block outside the input");
        next_offset = record.block.data() - warc.data() + record.block.size();
        HttpResponse response;
        std::string http_error;
        if (ParseHttpResponse(record.block, response, http_error)) {
          Check(response.status >= 0 && response.status <= 999, "HTTP status out of range");
        } else {
          Check(!http_error.empty(), "an HTTP parse failure without a reason");
        }
      },
      error);
  if (!ok) Check(error.rfind("byte ", 0) == 0, "a WARC error that does not give its byte", error);
  return 0;
}
