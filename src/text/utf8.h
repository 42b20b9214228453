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

// Converts increasing UTF-8 byte offsets of one text to code point offsets
// (an invalid byte counting as one code point, as DecodeUtf8 reads it),
// walking the text once and keeping nothing of it: offsets of sorted spans
// (expressions, sentences) cost one pass in all.
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view text) : text_(text) {}
  // Code points in text[0, byte_offset). `byte_offset` must not be below the
  // previous call's and should sit at a character boundary.
  size_t At(size_t byte_offset);

 private:
  std::string_view text_;
  size_t byte_ = 0;  // bytes counted so far
  size_t code_points_ = 0;
};

}  // namespace dateline

#endif  // DATELINE_TEXT_UTF8_H_
