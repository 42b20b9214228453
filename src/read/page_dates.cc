#include "read/page_dates.h"

#include <myhtml/api.h>
#include <re2/re2.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "read/date_parse.h"
#include "read/html_body.h"
#include "text/fold.h"

namespace dateline::read {
namespace {

// The label of a date from the words just before it: the last label word
// in `before` wins ("Publié le X, mis à jour le Y" labels Y as modified).
DateLabel LabelOf(std::string_view before, const Lexicon& lexicon) {
  std::string lower = AsciiLower(before);
  size_t best = std::string::npos;
  DateLabel label = DateLabel::kNone;
  auto look = [&](const std::vector<std::string>& words, DateLabel as) {
    for (const std::string& word : words) {
      size_t at = lower.rfind(word);
      if (at != std::string::npos && (best == std::string::npos || at > best)) {
        best = at, label = as;
      }
    }
  };
  look(lexicon.modified_labels(), DateLabel::kModified);
  look(lexicon.published_labels(), DateLabel::kPublished);
  return label;
}

// Bytes of a long block searched for a date that opens it, and how far into
// them the date may start.
constexpr size_t kDatelineBytes = 32;
constexpr size_t kDatelineStart = 2;
// Bytes before a date searched for its label.
constexpr size_t kLabelBytes = 48;

// Languages that put the verb last ("Dieser Beitrag wurde am 3. Dezember
// 2011 veröffentlicht") label a date with a word just after it.
DateLabel LabelAfter(std::string_view after, const Lexicon& lexicon) {
  std::string lower = AsciiLower(after.substr(0, kLabelBytes));
  for (const std::string& w : lexicon.modified_labels_after()) {
    if (lower.find(w) != std::string::npos) return DateLabel::kModified;
  }
  for (const std::string& w : lexicon.published_labels_after()) {
    if (lower.find(w) != std::string::npos) return DateLabel::kPublished;
  }
  return DateLabel::kNone;
}

// The labelled dates of a long block, wherever they stand in it.
std::vector<FoundDate> LabelledDates(std::string_view text, const Lexicon& lexicon) {
  std::vector<FoundDate> out;
  size_t from = 0;
  while (from < text.size() && out.size() < 8) {
    TextDate d =
        FindTextDate(text.substr(from), NumericOrder::kDayFirst, YearDigits::kFour, lexicon);
    if (d.value.empty()) break;
    const size_t begin = from + d.begin;
    const size_t label_from = begin - std::min(begin - from, kLabelBytes);
    DateLabel label = LabelOf(text.substr(label_from, begin - label_from), lexicon);
    if (label == DateLabel::kNone) label = LabelAfter(text.substr(from + d.end), lexicon);
    if (label != DateLabel::kNone) out.push_back({d.value, label});
    from += d.end;
  }
  return out;
}

// Letters and digits of `s`, lower-cased (ASCII), without spaces and
// punctuation, so that "Queer Royal - Über" in a heading matches
// "Queer Royal – Über" in the title.
std::string MatchKey(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      i += 2;  // U+2000..U+203F: spaces, dashes, quotes
    } else if (c == 0xC2 && i + 1 < s.size()) {
      ++i;  // U+0080..U+00BF: no-break space, guillemets, signs
    } else if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    }
  }
  return out;
}

// The block that holds the page's heading: the <h1>..<h3> that holds the
// longest part of the title (the site's name, often an <h1> logo, is in the
// title too), else the first <h1>, else the first <h2>; -1 when none.
int HeadingBlock(const Dom& dom, const std::vector<TextBlock>& blocks, std::string_view title) {
  const std::string title_key = MatchKey(title);
  int first_h1 = -1, first_h2 = -1, best = -1;
  size_t best_len = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const std::string& tag = dom.nodes[blocks[b].owner].tag;
    if (tag != "h1" && tag != "h2" && tag != "h3") continue;
    if (tag == "h1" && first_h1 < 0) first_h1 = static_cast<int>(b);
    if (tag == "h2" && first_h2 < 0) first_h2 = static_cast<int>(b);
    const std::string key = MatchKey(blocks[b].text);
    if (key.size() >= 6 && key.size() > best_len && title_key.find(key) != std::string::npos) {
      best = static_cast<int>(b), best_len = key.size();
    }
  }
  return best >= 0 ? best : first_h1 >= 0 ? first_h1 : first_h2;
}

// True for the bytes of a Unicode space at `s[i]` (no-break, thin, narrow
// no-break, en/em spaces...); sets `len` to its length.
bool UnicodeSpaceAt(std::string_view s, size_t i, size_t& len) {
  const unsigned char a = s[i];
  const unsigned char b = i + 1 < s.size() ? s[i + 1] : 0;
  const unsigned char c = i + 2 < s.size() ? s[i + 2] : 0;
  if (a == 0xC2 && b == 0xA0) return len = 2, true;  // U+00A0
  // U+2000..U+200A, U+202F, U+205F
  if (a == 0xE2 && ((b == 0x80 && (c <= 0x8A || c == 0xAF)) || (b == 0x81 && c == 0x9F))) {
    return len = 3, true;
  }
  return false;
}

// Appends `text` with runs of ASCII and Unicode spaces collapsed to one.
void AppendCollapsed(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const bool space = static_cast<unsigned char>(text[i]) <= ' ' || UnicodeSpaceAt(text, i, len);
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += text[i];
    }
    i += len;
  }
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Non-space bytes, counted as blocks count them.
int NonSpaceBytes(std::string_view s) {
  int n = 0;
  for (char c : s)
    n += !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v');
  return n;
}

// The text of each block with its text nodes joined by spaces: blocks join
// inline elements as written ("Tanja Karrasch<span>3.11.2023</span>" reads
// "Karrasch3.11.2023"), which hides dates from a word-bounded match. The
// text nodes of a block element, outside nested blocks, are shared out in
// order among its blocks by their byte counts; a block whose share does not
// add up keeps its own text. Blocks without a digit hold no date and are
// left empty.
std::vector<std::string> SpacedTexts(const Dom& dom, const std::vector<TextBlock>& blocks,
                                     const std::vector<bool>& skip) {
  std::vector<bool> owner(dom.nodes.size(), false);
  for (const TextBlock& b : blocks) owner[b.owner] = true;
  // Blocks of one owner are chained: next_same[k] is the next one after k.
  std::vector<int> next_same(blocks.size(), -1), last(dom.nodes.size(), -1);
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (last[blocks[k].owner] >= 0) next_same[last[blocks[k].owner]] = static_cast<int>(k);
    last[blocks[k].owner] = static_cast<int>(k);
  }
  std::vector<bool> done(dom.nodes.size(), false);
  std::vector<std::string> out(blocks.size());
  for (size_t k = 0; k < blocks.size(); ++k) {
    const int o = blocks[k].owner;
    if (done[o]) continue;
    done[o] = true;
    // Every date form has a digit: blocks without one are left empty.
    bool digits = false;
    for (int j = static_cast<int>(k); j >= 0 && !digits; j = next_same[j]) {
      digits = HasDigit(blocks[j].text);
    }
    if (!digits) continue;
    std::vector<int> nodes;  // the owner's own text nodes, in order
    for (int i = o + 1; i < dom.nodes[o].end; ++i) {
      if (skip[i] || owner[i]) {
        i = dom.nodes[i].end - 1;
      } else if (dom.nodes[i].is_text()) {
        nodes.push_back(i);
      }
    }
    size_t next = 0;
    for (int j = static_cast<int>(k); j >= 0; j = next_same[j]) {
      std::string text;
      int chars = 0;
      while (next < nodes.size() && chars < blocks[j].chars) {
        const std::string& t = dom.nodes[nodes[next++]].text;
        chars += NonSpaceBytes(t);
        if (!text.empty() && text.back() != ' ') text += ' ';
        AppendCollapsed(t, text);
      }
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out[j] = chars == blocks[j].chars ? std::move(text) : blocks[j].text;
    }
  }
  return out;
}

void AddDays(std::string_view text, const Lexicon& lexicon, std::vector<std::string>& days) {
  for (NumericOrder order : {NumericOrder::kDayFirst, NumericOrder::kMonthFirst}) {
    size_t from = 0;
    while (from < text.size()) {
      TextDate d = FindTextDate(text.substr(from), order, YearDigits::kFourOrTwo, lexicon);
      if (d.value.empty()) break;
      days.push_back(d.value.substr(0, 10));
      from += d.end;
    }
  }
}

// The first position of any of `needles` in `text`, or npos.
size_t FirstOf(std::string_view text, std::initializer_list<std::string_view> needles) {
  size_t best = std::string_view::npos;
  for (std::string_view n : needles) best = std::min(best, text.find(n));
  return best;
}

// `text` from a little before a key fragment found at `at` (the key's start
// and its opening quote lie before the fragment).
re2::StringPiece FromKeyOn(std::string_view text, size_t at) {
  const size_t from = at > 24 ? at - 24 : 0;
  return re2::StringPiece(text.data() + from, text.size() - from);
}

}  // namespace

// The dates of one block in order, each labelled by the words since the
// previous one. A block longer than `max_len` yields only a date opening it.
std::vector<FoundDate> DatesOfBlock(std::string_view text, size_t max_len, YearDigits years,
                                    const Lexicon& lexicon) {
  std::vector<FoundDate> out;
  const bool opening_only = text.size() > max_len;
  if (opening_only) text = text.substr(0, kDatelineBytes);
  size_t from = 0;
  while (from < text.size() && out.size() < 4) {
    TextDate d = FindTextDate(text.substr(from), NumericOrder::kDayFirst, years, lexicon);
    if (d.value.empty()) break;
    const size_t begin = from + d.begin;
    if (opening_only && begin > kDatelineStart) break;
    const size_t label_from = begin - std::min(begin - from, kLabelBytes);
    out.push_back({d.value, LabelOf(text.substr(label_from, begin - label_from), lexicon)});
    from += d.end;
  }
  return out;
}

bool VisibleDates::Shows(std::string_view value) const {
  if (value.size() < 10) return false;
  return std::binary_search(days.begin(), days.end(), std::string(value.substr(0, 10)));
}

VisibleDates ScanVisibleDates(const Dom& dom, std::string_view title, const Lexicon& lexicon) {
  VisibleDates out;
  std::vector<bool> skip(dom.nodes.size(), false);
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const unsigned t = dom.nodes[i].id;
    if (t == MyHTML_TAG_SCRIPT || t == MyHTML_TAG_STYLE || t == MyHTML_TAG_NOSCRIPT ||
        t == MyHTML_TAG_HEAD || t == MyHTML_TAG_TEMPLATE) {
      std::fill(skip.begin() + i, skip.begin() + dom.nodes[i].end, true);
    }
  }
  std::vector<TextBlock> blocks = CollectBlocks(dom, skip);
  std::vector<std::string> texts = SpacedTexts(dom, blocks, skip);
  for (const std::string& text : texts) AddDays(text, lexicon, out.days);
  std::sort(out.days.begin(), out.days.end());
  out.days.erase(std::unique(out.days.begin(), out.days.end()), out.days.end());

  // Next to the heading: bylines and datelines, two-digit years allowed.
  if (int h = HeadingBlock(dom, blocks, title); h >= 0) {
    // Nearest first: the heading, then alternately after and before it
    // (a byline below, a kicker or dateline above), three blocks up and a
    // dozen down.
    std::vector<int> order{h};
    for (int k = 1; k <= 12; ++k) {
      if (h + k < static_cast<int>(blocks.size())) order.push_back(h + k);
      if (k <= 3 && h - k >= 0) order.push_back(h - k);
    }
    for (int b : order) {
      for (const FoundDate& d : DatesOfBlock(texts[b], 200, YearDigits::kFourOrTwo, lexicon)) {
        if (out.head.empty()) out.head = d.value, out.head_label = d.label;
        if (d.label == DateLabel::kModified) {
          if (out.modified.empty()) out.modified = d.value;
        } else if (out.published.empty()) {
          out.published = d.value;
        }
      }
    }
  }
  // Elsewhere: a date labelled as the publication or modification in any
  // block, else an unlabelled one in a short line (four-digit years only).
  std::string unlabelled;
  for (const std::string& text : texts) {
    if (!out.published.empty() && !out.modified.empty()) break;
    for (const FoundDate& d : DatesOfBlock(text, 120, YearDigits::kFour, lexicon)) {
      if (d.label == DateLabel::kNone) {
        if (unlabelled.empty()) unlabelled = d.value;
        continue;
      }
      std::string& slot = d.label == DateLabel::kModified ? out.modified : out.published;
      if (slot.empty()) slot = d.value;
    }
    if (text.size() <= 120) continue;
    for (const FoundDate& d : LabelledDates(text, lexicon)) {
      std::string& slot = d.label == DateLabel::kModified ? out.modified : out.published;
      if (slot.empty()) slot = d.value;
    }
  }
  if (out.published.empty()) out.published = unlabelled;
  return out;
}

std::string DateInScripts(const Dom& dom, const Lexicon& lexicon) {
  // Keys naming the publication first, creation second; quotes may be
  // escaped when the JSON sits inside a JavaScript string.
  static const RE2* const kPublished = new RE2(
      R"re(\\?"(?:datePublished|date_published|publishDate|publish_date|publishedDate|published_at|publishedAt|publicationDate|firstPublished(?:Date|At)?|pubDate)\\?"\s*:\s*\\?"([^"\\]{8,40})\\?")re");
  static const RE2* const kCreated = new RE2(
      R"re(\\?"(?:dateCreated|created_at|createdAt|createdDate)\\?"\s*:\s*\\?"([^"\\]{8,40})\\?")re");
  constexpr size_t kMaxScriptBytes = 4 << 20;
  std::string created;
  size_t scanned = 0;
  for (size_t i = 1; i < dom.nodes.size() && scanned < kMaxScriptBytes; ++i) {
    const DomNode& n = dom.nodes[i];
    if (n.id != MyHTML_TAG_SCRIPT) continue;
    if (AsciiLower(n.Attr("type")) == "application/ld+json") continue;  // read as JSON-LD
    for (int k = static_cast<int>(i) + 1; k < n.end; ++k) {
      const std::string& text = dom.nodes[k].text;
      scanned += text.size();
      // Most scripts name no date key: a substring test skips them before
      // the regular expressions run.
      const size_t published_at = FirstOf(text, {"ublish", "pubDate"});
      const size_t created_at = created.empty() ? text.find("reated") : std::string::npos;
      re2::StringPiece value;
      if (published_at != std::string::npos) {
        re2::StringPiece input = FromKeyOn(text, published_at);
        while (RE2::FindAndConsume(&input, *kPublished, &value)) {
          std::string v = ParseMachineDate(std::string_view(value.data(), value.size()), lexicon);
          if (!v.empty()) return v;
        }
      }
      if (created_at != std::string::npos) {
        re2::StringPiece input = FromKeyOn(text, created_at);
        while (RE2::FindAndConsume(&input, *kCreated, &value)) {
          created = ParseMachineDate(std::string_view(value.data(), value.size()), lexicon);
          if (!created.empty()) break;
        }
      }
    }
  }
  return created;
}

}  // namespace dateline::read
