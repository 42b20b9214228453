// Cleaning of text scraped from news pages by other tools: the literal
// artefacts of common scrapers ("[ad_1]", "Source link"), page furniture that
// came along (navigation, share and cookie lines, hashtags, video counters),
// repeated titles and the reader comments that follow the article.
#ifndef DATELINE_READ_SCRAPED_TEXT_H_
#define DATELINE_READ_SCRAPED_TEXT_H_

#include <string>
#include <string_view>

#include "read/lexicon.h"

namespace dateline::read {

struct ScrapedArticle {
  std::string title;
  std::string text;       // paragraphs separated by blank lines
  std::string published;  // TIMEX3 from a date line ("Publié le ..."), or ""
  std::string modified;   // from "Mis à jour le ..." lines, or ""
};

// `text` must be valid UTF-8. The debris phrases, function words and date
// labels of every language come from `lexicon`.
ScrapedArticle CleanScrapedText(std::string_view text, const Lexicon& lexicon = Lexicon::BuiltIn());

}  // namespace dateline::read

#endif  // DATELINE_READ_SCRAPED_TEXT_H_
