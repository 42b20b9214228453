#include "text/words.h"

#include <utf8proc.h>

#include "text/fold.h"
#include "text/utf8.h"

namespace dateline {

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  }
  if (cp == 0xFFFD) return false;  // an invalid byte, as DecodeUtf8 reports it
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

std::vector<std::string> Words(std::string_view text, WordForm form) {
  std::vector<std::string> words;
  std::string current;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    char32_t cp;
    if (b < 0x80) {
      cp = b;
      ++pos;
    } else {
      cp = DecodeUtf8(text, pos);
    }
    if (!IsWordChar(cp)) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (cp < 0x80) {
      current += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else if (form == WordForm::kFolded) {
      AppendFolded(cp, current);
    } else {
      AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))),
                 current);
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace dateline
