// One gzip member of some bytes, for tests and fuzz targets that build
// compressed input (pages, WARC records, bombs). Not part of the library:
// dateline reads gzip, it never writes it.
#ifndef DATELINE_UTIL_GZIP_FOR_TESTS_H_
#define DATELINE_UTIL_GZIP_FOR_TESTS_H_

#include <zlib.h>

#include <string>
#include <string_view>

namespace dateline::test_util {

// `level` is zlib's: 1 (fast, for fuzz targets) to 9 (small).
inline std::string GzipMember(std::string_view data, int level = 6) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace dateline::test_util

#endif  // DATELINE_UTIL_GZIP_FOR_TESTS_H_
