#include "read/language.h"

#include <cld2/public/compact_lang_det.h>

namespace dateline::read {

std::string DetectLanguage(std::string_view text) {
  // CLD2 needs no more than a few kilobytes to be sure; cut at a character
  // boundary.
  size_t n = std::min<size_t>(text.size(), 5000);
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  bool reliable = false;
  CLD2::Language lang =
      CLD2::DetectLanguage(text.data(), static_cast<int>(n), /*is_plain_text=*/true, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || !reliable) return "";
  std::string code = CLD2::LanguageCode(lang);
  // ISO 639-1 only: CLD2 uses longer codes for some languages ("zh-Hant").
  if (code.size() > 2) code.resize(code.find('-') == 2 ? 2 : code.size());
  return code.size() == 2 ? code : "";
}

}  // namespace dateline::read
