// File input shared by the commands: bounded reads of files and standard
// input, with errors that name the file, and transparent gunzip.
#ifndef DATELINE_UTIL_IO_H_
#define DATELINE_UTIL_IO_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline {

struct ReadResult {
  bool ok = false;
  std::string data;
  std::string error;  // "PATH: reason" when !ok ("<stdin>: reason" for standard input)
};

// Reads a file ("-" is standard input) whole, but never more than
// `max_bytes` of it: a larger input is an error ("PATH: input exceeds the
// limit of N bytes") found without reading much past the limit (a regular
// file by its size, before it is read), so an endless input such as
// /dev/zero or a pipe costs at most `max_bytes` of memory. Input that starts
// with the gzip magic is decompressed as it is read, the limit applying to
// the decompressed size; damaged gzip data is an error that gives its byte
// offset in the file, and zero bytes after the last member are padding.
ReadResult ReadInput(const std::string& path, size_t max_bytes = size_t{64} << 20);

// Decompresses gzip data held in memory (one or more members; zero bytes
// after them are padding). Returns false and sets `error` ("byte N: reason",
// N an offset in `in`) when the data is damaged or the output would exceed
// `max_bytes`.
bool Gunzip(std::string_view in, size_t max_bytes, std::string& out, std::string& error);

bool IsGzip(std::string_view data);

}  // namespace dateline

#endif  // DATELINE_UTIL_IO_H_
