// Character encodings of pages: detection (byte order mark, the charset the
// transport or the markup declares, then statistical detection with
// uchardet) and conversion to UTF-8 with iconv.
#ifndef DATELINE_READ_ENCODING_H_
#define DATELINE_READ_ENCODING_H_

#include <string>
#include <string_view>

namespace dateline::read {

// Returns the charset name to decode `bytes` with ("UTF-8", "WINDOWS-1252",
// "UTF-16LE", ...). `content_type` may carry "charset=...". A declared charset
// loses to UTF-8 when the bytes are valid UTF-8 with non-ASCII characters
// (pages often declare Latin-1 and serve UTF-8). `how` receives "bom",
// "declared", "utf8" or "detected".
std::string DetectCharset(std::string_view bytes, std::string_view content_type,
                          std::string* how = nullptr);

// Converts `bytes` from `charset` to UTF-8 into `out`. Unknown charsets and
// undecodable bytes are not fatal: the bytes are then read as UTF-8 with
// invalid sequences replaced by U+FFFD, and `warning` says so. A leading BOM
// is dropped.
void ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string& out,
                   std::string& warning);

}  // namespace dateline::read

#endif  // DATELINE_READ_ENCODING_H_
