#include "timeline/sentence_text.h"

#include <re2/re2.h>

namespace dateline {
namespace {

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

std::string_view DisplayText(std::string_view sentence) {
  // A clock: hours, "h" (or ":"), optional minutes, then a colon or dash
  // separating it from the item. A bullet: one marker then a space.
  static const RE2 kPrefix(R"(^(?:\d{1,2} ?[hH] ?\d{0,2} ?[:–-] ?|(?:•|-|\*|–) ))");
  const std::string_view s = Trim(sentence);
  re2::StringPiece input(s.data(), s.size());
  if (RE2::Consume(&input, kPrefix)) {
    const std::string_view rest = Trim(std::string_view(input.data(), input.size()));
    if (!rest.empty()) return rest;
  }
  return s;
}

}  // namespace dateline
