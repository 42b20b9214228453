// File input shared by the commands: whole-file reads with errors that name
// the file, and transparent gunzip with a cap on the decompressed size.
#ifndef DATELINE_UTIL_IO_H_
#define DATELINE_UTIL_IO_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline {

struct ReadResult {
  bool ok = false;
  std::string data;
  std::string error;  // "PATH: reason" when !ok
};

// Reads a file ("-" is standard input). When the bytes start with the gzip
// magic they are decompressed, and a result over `max_bytes` is an error
// ("decompressed size exceeds ...") rather than a partial read.
ReadResult ReadInput(const std::string& path, size_t max_bytes = size_t{64} << 20);

// Decompresses gzip data; sets `error` and returns false on corrupt or
// truncated input or when the output would exceed `max_bytes`.
bool Gunzip(std::string_view in, size_t max_bytes, std::string& out, std::string& error);

bool IsGzip(std::string_view data);

}  // namespace dateline

#endif  // DATELINE_UTIL_IO_H_
