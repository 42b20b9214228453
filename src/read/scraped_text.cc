#include "read/scraped_text.h"

#include <re2/re2.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "read/date_parse.h"
#include "read/page_dates.h"

namespace dateline::read {
namespace {

// Scraper artefacts that belong to no language, matched against a whole line
// (trimmed): the ad placeholders some scrapers print and hashtag lines. The
// phrases of page furniture ("Partagez cet article", "Read more") are
// language knowledge and sit in the language packs' [debris] sections.
const std::vector<std::unique_ptr<RE2>>& NeutralArtefacts() {
  static const auto* res = [] {
    auto* v = new std::vector<std::unique_ptr<RE2>>;
    for (const char* pattern : {R"(\[ad_\d+\])", R"(#[\pL\pN_]+(?:\s+#[\pL\pN_]+)*)"}) {
      v->push_back(std::make_unique<RE2>(pattern));
    }
    return v;
  }();
  return *res;
}

// Artefacts are lines of page furniture; a line longer than this is content
// whatever words it holds. The longest notice in the French and English TLS
// dev texts is 391 bytes (a cookie notice) and consent notices run to about
// 1,000; a line longer than that is a page whose line breaks the scraper
// lost (title, article and footer in one line), and taking it for a notice
// because its footer names cookies drops the article.
constexpr size_t kMaxFurnitureLineBytes = 1000;

// A line made only of tags ("<img ... />", "<iframe ...></iframe>"): markup
// that some scrapers copy as text from a page's <noscript> (tracking pixels,
// tag managers). Text with tags in it is not such a line.
bool IsMarkupLine(std::string_view line) {
  size_t i = 0;
  bool any = false;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    if (line[i] != '<' || i + 1 == line.size()) return false;
    const char c = line[i + 1];
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != '/' && c != '!') return false;
    const size_t close = line.find('>', i + 1);
    if (close == std::string_view::npos) return false;
    any = true;
    i = close + 1;
  }
  return any;
}

// The last character of `line` before closing quotes, brackets and spaces
// ('\0' when none): what a line ends with.
char FinalMark(std::string_view line) {
  // Trailing bytes skipped: ASCII quotes and brackets, and the bytes of
  // U+00BB (») and U+201D (”), whose lead and continuation bytes never end
  // a letter or a mark in UTF-8 text.
  const size_t e = line.find_last_not_of(" \t\"')\xC2\xBB\xE2\x80\x9D");
  return e == std::string_view::npos ? '\0' : line[e];
}

struct LineStats {
  int words = 0;
  int stop = 0;
  bool final_punct = false;
};

LineStats Stats(std::string_view line, const Lexicon& lexicon) {
  LineStats s;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    ++s.words;
    s.stop += lexicon.IsFunctionWord(word);
    word.clear();
  };
  for (char c : line) {
    bool letter = (c & 0x80) || isalnum(static_cast<unsigned char>(c));
    if (letter) {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    } else {
      flush();
    }
  }
  flush();
  const char c = FinalMark(line);
  s.final_punct = c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  return s;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// Letters and digits only, lower-case, quotes and punctuation gone: the
// same title printed with « » and with " " compares equal.
std::string Key(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c & 0x80) || isalnum(static_cast<unsigned char>(c))) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
  }
  // Drop bytes of typographic quotes and apostrophes (U+2018..U+201D, «»).
  static const char* kQuotes[] = {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                  "\xC2\xAB",     "\xC2\xBB",     "\xC2\xA0"};
  for (const char* q : kQuotes) {
    size_t pos;
    while ((pos = out.find(q)) != std::string::npos) out.erase(pos, std::strlen(q));
  }
  return out;
}

// A line that states the publication date ("Publié le 25/02/2023 à 14:15",
// "information fournie par Reuters 25/02/2023 à 14:15", "Date: 2023-03-31
// 12:29:07"): short, and the date is most of what it says.
bool IsDateLine(std::string_view line, const TextDate& d, const Lexicon& lexicon) {
  return !d.value.empty() && line.size() < 160 && Stats(line, lexicon).words <= 16;
}

bool IsModificationLine(std::string_view line, const Lexicon& lexicon) {
  std::string lower;
  for (char c : line) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  for (const std::string& label : lexicon.modified_labels()) {
    if (lower.find(label) != std::string::npos) return true;
  }
  return false;
}

// Whether `line` ends with a full stop (closing quotes aside): paragraphs
// do; headlines, section names and labels do not.
bool EndsWithFullStop(std::string_view line) { return FinalMark(line) == '.'; }

// Whether `line` dates the page with a label: a date standing right after a
// publication or modification label ("Par Hélène X Publié le 02 février 2013
// à 11h05", "Publié le 01/12/12 à 00h00"), in a line that is no sentence.
bool IsStampLine(std::string_view line, const Lexicon& lexicon) {
  if (EndsWithFullStop(line)) return false;
  for (const FoundDate& d : DatesOfBlock(line, line.size(), YearDigits::kFourOrTwo, lexicon)) {
    if (d.label != DateLabel::kNone) return true;
  }
  return false;
}

// A scraped page often opens with what the site prints around its article:
// other headlines, section names. The article's own header is its title,
// at most one standfirst, then the byline or stamp. When the first stamp
// follows such a title and no line above that title ends with a full stop
// (headlines and labels never do; paragraphs do), those lines are the
// site's, not the article's. Gives the index of the title, or 0 when the
// page has no such header (no stamp, no title right above it, or prose
// above it: an article whose stamp comes after its first paragraphs).
size_t ArticleHeaderStart(const std::vector<std::string>& lines, const Lexicon& lexicon) {
  auto previous = [&](size_t j) {  // the non-empty line before j, or npos
    while (j > 0) {
      if (!lines[--j].empty()) return j;
    }
    return std::string::npos;
  };
  // Once a line ends with a full stop, only a stamp right after it (that
  // line being the standfirst) can still qualify: the scan stops there
  // rather than reading every paragraph of a page that has no stamp.
  bool after_full_stop = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    if (!IsStampLine(lines[i], lexicon)) {
      if (after_full_stop) return 0;
      after_full_stop = EndsWithFullStop(lines[i]);
      continue;
    }
    size_t title = previous(i);
    if (title != std::string::npos && EndsWithFullStop(lines[title])) title = previous(title);
    if (title == std::string::npos || title == 0) return 0;
    const LineStats s = Stats(lines[title], lexicon);
    if (s.words < 3 || s.words > 30 || s.final_punct) return 0;
    for (size_t j = 0; j < title; ++j) {
      if (EndsWithFullStop(lines[j])) return 0;
    }
    return title;
  }
  return 0;
}

// Whether a scraper artefact or a debris phrase of some language covers the
// whole line, and with which effect (the first match decides).
bool MatchArtefact(const std::string& line, const Lexicon& lexicon, DebrisPattern::Effect& effect) {
  for (const auto& re : NeutralArtefacts()) {
    if (RE2::FullMatch(line, *re)) {
      effect = DebrisPattern::Effect::kDrop;
      return true;
    }
  }
  return lexicon.MatchDebris(line, effect);
}

}  // namespace

ScrapedArticle CleanScrapedText(std::string_view text, const Lexicon& lexicon) {
  ScrapedArticle out;
  // Lines; a line indented as a list item ("  1. ...") after the article is
  // a comment, caught by the end markers.
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(Trim(text.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  std::unordered_set<std::string> seen;
  std::vector<std::string> kept;
  bool body_started = false;
  for (size_t i = ArticleHeaderStart(lines, lexicon); i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty() || IsMarkupLine(line)) continue;
    DebrisPattern::Effect effect = DebrisPattern::Effect::kDrop;
    const bool matched =
        line.size() <= kMaxFurnitureLineBytes && MatchArtefact(line, lexicon, effect);
    // End markers count only once the article has begun; before it they
    // are furniture of the page header.
    if (matched && effect == DebrisPattern::Effect::kEnd && body_started) break;
    if (matched) continue;
    TextDate d = FindTextDate(line, NumericOrder::kDayFirst, YearDigits::kFour, lexicon);
    if (IsDateLine(line, d, lexicon) && !body_started) {
      if (IsModificationLine(line, lexicon)) {
        if (out.modified.empty()) out.modified = d.value;
      } else if (out.published.empty()) {
        out.published = d.value;
      }
      continue;
    }
    std::string key = Key(line);
    if (key.empty() || !seen.insert(key).second) continue;  // repeated title or line
    LineStats s = Stats(line, lexicon);
    bool prose = (s.words >= 12 && s.stop * 10 >= s.words) || (s.final_punct && s.words >= 4);
    if (out.title.empty() && !body_started && s.words >= 3 && s.words <= 30 && !s.final_punct) {
      out.title = line;
      continue;
    }
    if (prose) body_started = true;
    if (!prose && !body_started) continue;  // header furniture
    kept.push_back(line);
  }
  // Trailing short lines after the last paragraph are furniture too.
  while (!kept.empty()) {
    LineStats s = Stats(kept.back(), lexicon);
    if (s.words >= 12 || s.final_punct) break;
    kept.pop_back();
  }
  for (const std::string& line : kept) {
    if (!out.text.empty()) out.text += "\n\n";
    out.text += line;
  }
  return out;
}

}  // namespace dateline::read
