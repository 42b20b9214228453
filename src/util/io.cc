#include "util/io.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

namespace dateline {

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

bool Gunzip(std::string_view in, size_t max_bytes, std::string& out, std::string& error) {
  z_stream zs{};
  // 16 + MAX_WBITS: gzip framing; concatenated members are handled below.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    error = "cannot initialise zlib";
    return false;
  }
  out.clear();
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    const size_t produced = sizeof buf - zs.avail_out;
    if (out.size() + produced > max_bytes) {
      inflateEnd(&zs);
      error = "decompressed size exceeds " + std::to_string(max_bytes) + " bytes";
      return false;
    }
    out.append(buf, produced);
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (zs.avail_in == 0 && produced == 0) {
      rc = Z_BUF_ERROR;
      break;
    }
  }
  const size_t consumed = zs.total_in;
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    error = "corrupt or truncated gzip data near compressed byte " + std::to_string(consumed);
    return false;
  }
  return true;
}

ReadResult ReadInput(const std::string& path, size_t max_bytes) {
  ReadResult result;
  std::string raw;
  if (path == "-") {
    raw.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      result.error = path + ": is a directory";
      return result;
    }
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      result.error = path + ": " + std::strerror(errno);
      return result;
    }
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) raw.append(buf, n);
    const bool failed = std::ferror(f);
    std::fclose(f);
    if (failed) {
      result.error = path + ": read error after " + std::to_string(raw.size()) + " bytes";
      return result;
    }
  }
  if (IsGzip(raw)) {
    std::string error;
    if (!Gunzip(raw, max_bytes, result.data, error)) {
      result.error = path + ": " + error;
      return result;
    }
  } else {
    result.data = std::move(raw);
  }
  result.ok = true;
  return result;
}

}  // namespace dateline
