#include "text/url.h"

#include <string>

namespace dateline {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char AsciiLowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

}  // namespace

bool IsSafeLinkUrl(std::string_view url) {
  // The WHATWG URL parser drops leading C0 controls and spaces, and tabs and
  // line breaks anywhere, before it reads the scheme.
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  if (i == url.size()) return false;
  std::string scheme;
  for (; i < url.size(); ++i) {
    const char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == ':') break;
    const bool scheme_char =
        IsAsciiAlpha(c) ||
        (!scheme.empty() && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!scheme_char) return true;  // no scheme: a relative reference
    scheme += AsciiLowerChar(c);
  }
  if (i == url.size()) return true;  // no ':' at all: relative
  return scheme == "http" || scheme == "https";
}

}  // namespace dateline
