// UTF-8 helpers: validation with the position of the first bad byte,
// decoding, and byte-offset to code-point-offset conversion.
#ifndef DATELINE_TEXT_UTF8_H_
#define DATELINE_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// Returns the byte offset of the first invalid sequence (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or npos when the
// whole text is valid UTF-8.
size_t FindInvalidUtf8(std::string_view text);

// Decodes the code point at `pos` and advances `pos` past it. An invalid
// byte decodes as U+FFFD and advances by one.
char32_t DecodeUtf8(std::string_view text, size_t& pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string& out);

// Replaces every invalid sequence by U+FFFD.
std::string SanitizeUtf8(std::string_view text);

// Maps UTF-8 byte offsets to code point offsets. Built once per text,
// queries are O(log n) in the number of non-ASCII characters.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // `byte_offset` must be at a character boundary (or the end).
  size_t ToCodePoint(size_t byte_offset) const;

 private:
  // For every non-ASCII character: its byte offset and the number of extra
  // bytes seen up to and including it.
  std::vector<std::pair<size_t, size_t>> extra_;
};

}  // namespace dateline

#endif  // DATELINE_TEXT_UTF8_H_
