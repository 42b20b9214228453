#include "util/io.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "util/gzip_reader.h"

namespace dateline {
namespace {

constexpr size_t kReadChunk = size_t{1} << 16;

std::string ExceedsMessage(size_t max_bytes) {
  return "input exceeds the limit of " + std::to_string(max_bytes) + " bytes";
}

// Everything `gz` yields, into `out`, up to `max_bytes`; the first damage is
// an error.
bool InflateAll(GzipReader& gz, size_t max_bytes, std::string& out, std::string& error) {
  out.clear();
  while (true) {
    const GzipReader::Piece& piece = gz.Next();
    switch (piece.kind) {
      case GzipReader::Piece::kData:
        if (piece.data.size() > max_bytes - out.size()) {
          error = "decompressed size exceeds the limit of " + std::to_string(max_bytes) + " bytes";
          return false;
        }
        out.append(piece.data);
        break;
      case GzipReader::Piece::kMemberEnd:
        break;
      case GzipReader::Piece::kDamaged:
        error = piece.problem;
        return false;
      case GzipReader::Piece::kEnd:
        return true;
    }
  }
}

struct FileCloser {
  void operator()(FILE* f) const {
    if (f != stdin) std::fclose(f);
  }
};

}  // namespace

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

bool Gunzip(std::string_view in, size_t max_bytes, std::string& out, std::string& error) {
  GzipReader gz(MemorySource(in));
  return InflateAll(gz, max_bytes, out, error);
}

ReadResult ReadInput(const std::string& file_name, size_t max_bytes) {
  ReadResult result;
  std::unique_ptr<FILE, FileCloser> file;
  // The name messages give the input.
  const std::string path = file_name == "-" ? "<stdin>" : file_name;
  if (file_name == "-") {
    file.reset(stdin);
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      result.error = path + ": is a directory";
      return result;
    }
    file.reset(std::fopen(path.c_str(), "rb"));
    if (file == nullptr) {
      result.error = path + ": " + std::strerror(errno);
      return result;
    }
  }
  struct stat st;
  const bool regular = fstat(fileno(file.get()), &st) == 0 && S_ISREG(st.st_mode);
  // The first bytes say whether the input is gzip. Reads go through a buffer
  // that is never zeroed; the result grows by what was read.
  std::unique_ptr<char[]> buffer(new char[kReadChunk]);
  const size_t head_size = std::fread(buffer.get(), 1, kReadChunk, file.get());
  bool failed = std::ferror(file.get());
  size_t total = head_size;
  if (!failed && IsGzip(std::string_view(buffer.get(), head_size))) {
    // Compressed data is at most a little larger than what it holds; more
    // than this is padding without end (`cat page.gz /dev/zero`).
    const size_t max_compressed = max_bytes + max_bytes / 8 + (size_t{1} << 20);
    bool too_long = false;
    size_t head_pos = 0;
    GzipReader gz([&](char* out, size_t size) -> size_t {
      if (head_pos < head_size) {
        const size_t n = std::min(size, head_size - head_pos);
        std::memcpy(out, buffer.get() + head_pos, n);
        head_pos += n;
        return n;
      }
      if (failed || total >= max_compressed) {
        too_long = !failed;
        return 0;
      }
      const size_t n = std::fread(out, 1, std::min(size, max_compressed - total), file.get());
      failed = std::ferror(file.get());
      total += n;
      return n;
    });
    std::string error;
    const bool ok = InflateAll(gz, max_bytes, result.data, error);
    if (failed) {
      result.error = path + ": read error after " + std::to_string(total) + " bytes";
    } else if (too_long) {
      result.error = path + ": " + ExceedsMessage(max_compressed) + " of compressed data";
    } else if (!ok) {
      result.error = path + ": " + error;
    }
    result.ok = result.error.empty();
    if (!result.ok) result.data.clear();
    return result;
  }
  if (regular && static_cast<uint64_t>(st.st_size) > max_bytes) {
    result.error = path + ": " + ExceedsMessage(max_bytes);
    return result;
  }
  if (regular) result.data.reserve(static_cast<size_t>(st.st_size) + 1);
  result.data.append(buffer.get(), head_size);
  // Reads up to one byte past the limit, to tell an input of exactly
  // `max_bytes` from a larger one.
  while (!failed && !std::feof(file.get()) && result.data.size() <= max_bytes) {
    const size_t want = std::min(kReadChunk, max_bytes + 1 - result.data.size());
    const size_t n = std::fread(buffer.get(), 1, want, file.get());
    result.data.append(buffer.get(), n);
    failed = std::ferror(file.get());
    if (n == 0) break;
  }
  if (failed) {
    result.error = path + ": read error after " + std::to_string(result.data.size()) + " bytes";
  } else if (result.data.size() > max_bytes) {
    result.error = path + ": " + ExceedsMessage(max_bytes);
  }
  result.ok = result.error.empty();
  if (!result.ok) {
    result.data.clear();
    result.data.shrink_to_fit();
  }
  return result;
}

}  // namespace dateline
