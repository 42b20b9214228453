#include "read/page_dates.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "read/date_parse.h"
#include "read/html_body.h"

namespace dateline::read {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Words that say what the date after them is. Lower case (ASCII folding
// only, so accented capitals are listed as written).
constexpr const char* kModifiedWords[] = {
    "mis à jour", "mise à jour", "actualisé", "updated",    "update:",     "aktualisiert", "modifi",
    "geändert",   "änderung",    "Änderung",  "aggiornato", "actualizado", "bijgewerkt",
};
constexpr const char* kPublishedWords[] = {
    "publié",     "published",  "posted",    "veröffentlicht", "erschienen", "erstellt",
    "publiziert", "pubblicato", "publicado", "geschrieben",    "created",    "gepostet",
};

// The label of a date from the words just before it: the last label word
// in `before` wins ("Publié le X, mis à jour le Y" labels Y as modified).
DateLabel LabelOf(std::string_view before) {
  std::string lower = Lower(before);
  size_t best = std::string::npos;
  DateLabel label = DateLabel::kNone;
  auto look = [&](const char* const* words, size_t n, DateLabel as) {
    for (size_t i = 0; i < n; ++i) {
      size_t at = lower.rfind(words[i]);
      if (at != std::string::npos && (best == std::string::npos || at > best)) {
        best = at, label = as;
      }
    }
  };
  look(kModifiedWords, std::size(kModifiedWords), DateLabel::kModified);
  look(kPublishedWords, std::size(kPublishedWords), DateLabel::kPublished);
  return label;
}

struct FoundDate {
  std::string value;
  DateLabel label = DateLabel::kNone;
};

// Bytes of a long block searched for a date that opens it, and how far into
// them the date may start.
constexpr size_t kDatelineBytes = 32;
constexpr size_t kDatelineStart = 2;
// Bytes before a date searched for its label.
constexpr size_t kLabelBytes = 48;

// The dates of one block in order, each labelled by the words since the
// previous one. A block longer than `max_len` yields only a date opening it.
std::vector<FoundDate> DatesOfBlock(std::string_view text, size_t max_len, YearDigits years) {
  std::vector<FoundDate> out;
  const bool opening_only = text.size() > max_len;
  if (opening_only) text = text.substr(0, kDatelineBytes);
  size_t from = 0;
  while (from < text.size() && out.size() < 4) {
    TextDate d = FindTextDate(text.substr(from), NumericOrder::kDayFirst, years);
    if (d.value.empty()) break;
    const size_t begin = from + d.begin;
    if (opening_only && begin > kDatelineStart) break;
    const size_t label_from = begin - std::min(begin - from, kLabelBytes);
    out.push_back({d.value, LabelOf(text.substr(label_from, begin - label_from))});
    from += d.end;
  }
  return out;
}

// German puts the verb last: "Dieser Beitrag wurde am 3. Dezember 2011
// veröffentlicht". A label word just after an unlabelled date labels it.
DateLabel LabelAfter(std::string_view after) {
  std::string lower = Lower(after.substr(0, kLabelBytes));
  for (const char* w : {"geändert", "aktualisiert"}) {
    if (lower.find(w) != std::string::npos) return DateLabel::kModified;
  }
  for (const char* w : {"veröffentlicht", "geschrieben", "erstellt", "publiziert", "gepostet"}) {
    if (lower.find(w) != std::string::npos) return DateLabel::kPublished;
  }
  return DateLabel::kNone;
}

// The labelled dates of a long block, wherever they stand in it.
std::vector<FoundDate> LabelledDates(std::string_view text) {
  std::vector<FoundDate> out;
  size_t from = 0;
  while (from < text.size() && out.size() < 8) {
    TextDate d = FindTextDate(text.substr(from));
    if (d.value.empty()) break;
    const size_t begin = from + d.begin;
    const size_t label_from = begin - std::min(begin - from, kLabelBytes);
    DateLabel label = LabelOf(text.substr(label_from, begin - label_from));
    if (label == DateLabel::kNone) label = LabelAfter(text.substr(from + d.end));
    if (label != DateLabel::kNone) out.push_back({d.value, label});
    from += d.end;
  }
  return out;
}

// The block that holds the page's heading: the <h1>/<h2> that holds the
// longest part of the title (the site's name, often an <h1> logo, is in the
// title too), else the first <h1>; -1 when none.
int HeadingBlock(const Dom& dom, const std::vector<TextBlock>& blocks, std::string_view title) {
  int first_h1 = -1, best = -1;
  size_t best_len = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const std::string& tag = dom.nodes[blocks[b].owner].tag;
    if (tag != "h1" && tag != "h2") continue;
    if (tag == "h1" && first_h1 < 0) first_h1 = static_cast<int>(b);
    const std::string& t = blocks[b].text;
    if (t.size() >= 8 && t.size() > best_len && title.find(t) != std::string_view::npos) {
      best = static_cast<int>(b), best_len = t.size();
    }
  }
  return best >= 0 ? best : first_h1;
}

void AddDays(std::string_view text, std::vector<std::string>& days) {
  for (NumericOrder order : {NumericOrder::kDayFirst, NumericOrder::kMonthFirst}) {
    size_t from = 0;
    while (from < text.size()) {
      TextDate d = FindTextDate(text.substr(from), order, YearDigits::kFourOrTwo);
      if (d.value.empty()) break;
      days.push_back(d.value.substr(0, 10));
      from += d.end;
    }
  }
}

}  // namespace

bool VisibleDates::Shows(std::string_view value) const {
  if (value.size() < 10) return false;
  return std::binary_search(days.begin(), days.end(), std::string(value.substr(0, 10)));
}

VisibleDates ScanVisibleDates(const Dom& dom, std::string_view title) {
  VisibleDates out;
  std::vector<bool> skip(dom.nodes.size(), false);
  for (size_t i = 0; i < dom.nodes.size(); ++i) {
    const std::string& t = dom.nodes[i].tag;
    if (t == "script" || t == "style" || t == "noscript" || t == "head" || t == "template") {
      std::fill(skip.begin() + i, skip.begin() + dom.nodes[i].end, true);
    }
  }
  std::vector<TextBlock> blocks = CollectBlocks(dom, skip);
  for (const TextBlock& b : blocks) AddDays(b.text, out.days);
  std::sort(out.days.begin(), out.days.end());
  out.days.erase(std::unique(out.days.begin(), out.days.end()), out.days.end());

  // Next to the heading: bylines and datelines, two-digit years allowed.
  if (int h = HeadingBlock(dom, blocks, title); h >= 0) {
    const int last = std::min<int>(h + 12, static_cast<int>(blocks.size()) - 1);
    for (int b = std::max(0, h - 3); b <= last; ++b) {
      for (const FoundDate& d : DatesOfBlock(blocks[b].text, 200, YearDigits::kFourOrTwo)) {
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
  for (const TextBlock& block : blocks) {
    if (!out.published.empty() && !out.modified.empty()) break;
    for (const FoundDate& d : DatesOfBlock(block.text, 120, YearDigits::kFour)) {
      if (d.label == DateLabel::kNone) {
        if (unlabelled.empty()) unlabelled = d.value;
        continue;
      }
      std::string& slot = d.label == DateLabel::kModified ? out.modified : out.published;
      if (slot.empty()) slot = d.value;
    }
    if (block.text.size() <= 120) continue;
    for (const FoundDate& d : LabelledDates(block.text)) {
      std::string& slot = d.label == DateLabel::kModified ? out.modified : out.published;
      if (slot.empty()) slot = d.value;
    }
  }
  if (out.published.empty()) out.published = unlabelled;
  return out;
}

std::string DateInScripts(const Dom& dom) {
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
    if (n.tag != "script") continue;
    if (Lower(n.Attr("type")) == "application/ld+json") continue;  // read as JSON-LD
    for (int k = static_cast<int>(i) + 1; k < n.end; ++k) {
      const std::string& text = dom.nodes[k].text;
      scanned += text.size();
      re2::StringPiece input(text), value;
      while (RE2::FindAndConsume(&input, *kPublished, &value)) {
        std::string v = ParseMachineDate(std::string_view(value.data(), value.size()));
        if (!v.empty()) return v;
      }
      if (created.empty()) {
        input = re2::StringPiece(text);
        while (RE2::FindAndConsume(&input, *kCreated, &value)) {
          created = ParseMachineDate(std::string_view(value.data(), value.size()));
          if (!created.empty()) break;
        }
      }
    }
  }
  return created;
}

}  // namespace dateline::read
