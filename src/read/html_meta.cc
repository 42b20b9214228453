#include "read/html_meta.h"

#include <myhtml/api.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "dateline/calendar.h"
#include "read/date_parse.h"
#include "read/html_body.h"
#include "read/page_dates.h"
#include "text/fold.h"

namespace dateline::read {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return std::string(s.substr(b, e - b));
}

// Meta names (name, property or itemprop, lower-case) that carry the
// publication date, most trusted first.
constexpr const char* kPublishedNames[] = {
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "date",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "cxenseparse:recs:publishtime",
    "article.published",
    "published_time",
    "original-publish-date",
    "release_date",
    "datecreated",
    "created",
    "og:article:published_time",
    "bt:pubdate",
    "article_date_original",
    "date_published",
    "dc.created",
};
constexpr const char* kModifiedNames[] = {
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
    "dc.date.modified",      "last-modified",   "lastmod",      "article:modified",
};

int Rank(std::string_view name, const char* const* list, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (name == list[i]) return static_cast<int>(i);
  }
  return -1;
}

// A machine-readable publication date as written, and its TIMEX3 value.
struct RawDate {
  std::string raw, value;
};

struct JsonLdDates {
  std::string published, modified, headline;
  int published_rank = 99;    // lower is better: articles before other types
  std::vector<RawDate> seen;  // every datePublished / dateCreated
};

bool IsArticleType(const nlohmann::json& type) {
  auto check = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t == "BlogPosting" || t == "Report" ||
           t == "LiveBlogPosting" || t == "SocialMediaPosting" || t == "Posting";
  };
  if (type.is_string()) return check(type.get<std::string>());
  if (type.is_array()) {
    for (const auto& t : type) {
      if (t.is_string() && check(t.get<std::string>())) return true;
    }
  }
  return false;
}

// Walks JSON-LD without recursion (depth and size are attacker-controlled).
void WalkJsonLd(const nlohmann::json& root, const Lexicon& lexicon, JsonLdDates& out) {
  std::vector<const nlohmann::json*> stack{&root};
  size_t visited = 0;
  while (!stack.empty() && ++visited < 20000) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (auto it = j->rbegin(); it != j->rend(); ++it) stack.push_back(&*it);
      continue;
    }
    if (!j->is_object()) continue;
    bool article = j->contains("@type") && IsArticleType((*j)["@type"]);
    int rank = article ? 0 : 1;
    auto take = [&](const char* key, std::string& into, bool ranked) {
      auto it = j->find(key);
      if (it == j->end() || !it->is_string()) return;
      std::string v = ParseMachineDate(it->get<std::string>(), lexicon);
      if (v.empty()) return;
      if (ranked) out.seen.push_back({it->get<std::string>(), v});
      if (ranked ? rank < out.published_rank : into.empty()) {
        into = v;
        if (ranked) out.published_rank = rank;
      }
    };
    take("datePublished", out.published, true);
    if (out.published.empty()) take("dateCreated", out.published, true);
    take("dateModified", out.modified, false);
    auto h = j->find("headline");
    if (h != j->end() && h->is_string() && (article || out.headline.empty())) {
      out.headline = h->get<std::string>();
    }
    for (auto it = j->begin(); it != j->end(); ++it) {
      // Dates of the things an article mentions or is part of are not its own.
      if (it.key() == "publisher" || it.key() == "author" || it.key() == "comment" ||
          it.key() == "review" || it.key() == "isPartOf" || it.key() == "video" ||
          it.key() == "image") {
        continue;
      }
      if (it->is_structured()) stack.push_back(&*it);
    }
  }
}

// `c` is a lower-case class value.
bool ClassLooksLikeDate(const std::string& c) {
  return c.find("date") != std::string::npos || c.find("time") != std::string::npos ||
         c.find("publish") != std::string::npos || c.find("posted") != std::string::npos ||
         c.find("byline") != std::string::npos || c.find("meta") != std::string::npos ||
         c.find("datum") != std::string::npos || c.find("fecha") != std::string::npos;
}

// `c` is a lower-case class value.
bool ClassLooksModified(const std::string& c) {
  return c.find("modif") != std::string::npos || c.find("update") != std::string::npos;
}

// Strips a " | Site" or " - Site" suffix from a <title>.
std::string CleanTitle(std::string title) {
  for (const char* sep : {" | ", " – ", " — ", " - ", " :: ", " » "}) {
    size_t pos = title.rfind(sep);
    if (pos != std::string::npos && pos >= title.size() / 3) title.resize(pos);
  }
  return Trim(title);
}

struct Candidates {
  std::string jsonld_pub, jsonld_mod, headline;
  std::string meta_pub, meta_mod;
  int meta_rank = 1000;
  std::string time_pub, time_mod;
  // Dates of <time> and date-classed elements not marked as publication or
  // modification dates, with their element, in document order.
  std::vector<std::pair<int, std::string>> time_any;
  std::string title_tag, og_title, h1;
  std::string canonical, og_url;
  std::string lang;
  std::vector<RawDate> seen;  // publication dates of meta and <time> elements
};

void VisitElement(const Dom& dom, int i, const Lexicon& lexicon, Candidates& c, JsonLdDates& ld) {
  const DomNode& n = dom.nodes[i];
  if (n.id == MyHTML_TAG_HTML && c.lang.empty()) c.lang = AsciiLower(n.Attr("lang"));
  if (n.id == MyHTML_TAG_SCRIPT) {
    if (AsciiLower(n.Attr("type")) != "application/ld+json") return;
    std::string raw;
    for (int k = i + 1; k < n.end; ++k) raw += dom.nodes[k].text;
    auto j = nlohmann::json::parse(raw, nullptr, false);
    if (!j.is_discarded()) WalkJsonLd(j, lexicon, ld);
    return;
  }
  if (n.id == MyHTML_TAG_TITLE && c.title_tag.empty()) {
    c.title_tag = SubtreeText(dom, i);
    return;
  }
  if (n.id == MyHTML_TAG_H1 && c.h1.empty()) c.h1 = SubtreeText(dom, i);
  if (n.id == MyHTML_TAG_LINK && AsciiLower(n.Attr("rel")) == "canonical")
    c.canonical = n.Attr("href");
  // Without attributes only a <time> can still date the page (by its text).
  if (n.attrs.empty() && n.id != MyHTML_TAG_TIME) return;
  std::string key = AsciiLower(!n.Attr("property").empty()   ? n.Attr("property")
                               : !n.Attr("name").empty()     ? n.Attr("name")
                               : !n.Attr("itemprop").empty() ? n.Attr("itemprop")
                                                             : n.Attr("http-equiv"));
  std::string_view content = n.HasAttr("content")    ? n.Attr("content")
                             : n.HasAttr("datetime") ? n.Attr("datetime")
                                                     : std::string_view();
  if (n.id == MyHTML_TAG_META) {
    if (key == "og:title") c.og_title = n.Attr("content");
    if (key == "og:url") c.og_url = n.Attr("content");
    if (key == "og:locale" && c.lang.empty()) c.lang = AsciiLower(n.Attr("content"));
    if (key == "content-language" && c.lang.empty()) c.lang = AsciiLower(n.Attr("content"));
  }
  if (!key.empty() && !content.empty()) {
    int r = Rank(key, kPublishedNames, std::size(kPublishedNames));
    if (r >= 0) {
      std::string v = ParseMachineDate(content, lexicon);
      if (!v.empty()) c.seen.push_back({std::string(content), v});
      if (!v.empty() && r < c.meta_rank) c.meta_pub = v, c.meta_rank = r;
    }
    if (Rank(key, kModifiedNames, std::size(kModifiedNames)) >= 0 && c.meta_mod.empty()) {
      c.meta_mod = ParseMachineDate(content, lexicon);
    }
  }
  if (n.id == MyHTML_TAG_TIME || n.id == MyHTML_TAG_ABBR) {
    std::string_view dt = n.id == MyHTML_TAG_TIME ? n.Attr("datetime") : n.Attr("title");
    std::string v = dt.empty() ? "" : ParseMachineDate(dt, lexicon);
    if (!v.empty()) c.seen.push_back({std::string(dt), v});
    if (v.empty() && n.id == MyHTML_TAG_TIME) {
      v = FindTextDate(SubtreeText(dom, i), NumericOrder::kDayFirst, YearDigits::kFour, lexicon)
              .value;
    }
    if (v.empty()) return;
    const std::string cls = AsciiLower(n.Attr("class"));
    bool modified = ClassLooksModified(cls) || key == "datemodified";
    if (modified) {
      if (c.time_mod.empty()) c.time_mod = v;
    } else if (n.HasAttr("pubdate") || key == "datepublished" ||
               cls.find("publish") != std::string::npos ||
               cls.find("entry-date") != std::string::npos) {
      if (c.time_pub.empty()) c.time_pub = v;
    } else if (n.id == MyHTML_TAG_TIME || ClassLooksLikeDate(cls)) {
      c.time_any.push_back({i, v});
    }
  }
}

// True when a date string states UTC ("...Z", "+00:00", "GMT").
bool SaysUtc(std::string_view raw) {
  std::string r = Trim(raw);
  auto ends = [&](std::string_view suffix) {
    return r.size() >= suffix.size() &&
           r.compare(r.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends("Z") || ends("z") || ends("+00:00") || ends("+0000") || ends("-00:00") ||
         ends(" GMT") || ends(" UTC") || ends("+00");
}

// Minutes since the epoch of a TIMEX3 value with a time of day
// ("2023-11-09T03:28" or with seconds); -1 when it has no time. `seconds`
// receives the seconds ("" when absent).
int64_t Minutes(std::string_view v, std::string_view* seconds) {
  if (v.size() < 16 || v[10] != 'T') return -1;
  auto num = [&](size_t at, size_t len) {
    int x = 0;
    for (size_t k = at; k < at + len; ++k) x = x * 10 + (v[k] - '0');
    return x;
  };
  CivilDate d{num(0, 4), num(5, 2), num(8, 2)};
  *seconds = v.size() >= 19 ? v.substr(17, 2) : std::string_view();
  return (ToDays(d) * 24 + num(11, 2)) * 60 + num(14, 2);
}

// Pages often give the publication instant both in UTC (JSON-LD, Open
// Graph) and in the newsroom's local time (a <time> element, another meta
// tag). Readers and dated archives go by the local calendar day, so when the
// chosen date says UTC, a non-UTC date of the same instant, a whole number
// of hours away, replaces it.
std::string PreferLocalTime(const std::string& chosen, const std::vector<RawDate>& seen) {
  bool utc = false;
  for (const RawDate& d : seen) utc |= d.value == chosen && SaysUtc(d.raw);
  std::string_view utc_seconds;
  const int64_t utc_minutes = Minutes(chosen, &utc_seconds);
  if (!utc || utc_minutes < 0) return chosen;
  for (const RawDate& d : seen) {
    if (SaysUtc(d.raw) || d.value == chosen) continue;
    std::string_view seconds;
    int64_t m = Minutes(d.value, &seconds);
    if (m < 0 || (!seconds.empty() && !utc_seconds.empty() && seconds != utc_seconds)) continue;
    int64_t diff = m - utc_minutes;
    if (diff != 0 && diff % 60 == 0 && diff >= -14 * 60 && diff <= 14 * 60) return d.value;
  }
  return chosen;
}

// The first of the unlabelled dates that is not in page furniture: a
// <time> in a comment, a sidebar or a "latest posts" box, or in a link to
// another page, dates something else. `pruned` is PruneMask(dom).
std::string FirstContentTime(const Dom& dom, const std::vector<bool>& pruned,
                             const std::vector<std::pair<int, std::string>>& times) {
  for (const auto& [node, value] : times) {
    if (!pruned[node] && !HasAncestor(dom, node, MyHTML_TAG_A)) return value;
  }
  return "";
}

// Days between two TIMEX3 values (b - a), by their dates.
int64_t DaysApart(std::string_view a, std::string_view b) {
  auto day = [](std::string_view v) {
    auto num = [&](size_t at, size_t len) {
      int x = 0;
      for (size_t k = at; k < at + len; ++k) x = x * 10 + (v[k] - '0');
      return x;
    };
    return ToDays(CivilDate{num(0, 4), num(5, 2), num(8, 2)});
  };
  return day(b) - day(a);
}

bool SameDay(std::string_view a, std::string_view b) {
  return a.size() >= 10 && b.size() >= 10 && a.substr(0, 10) == b.substr(0, 10);
}

// The dates read from the markup, before the choice.
struct MarkupDates {
  std::string structured;    // JSON-LD, meta tag or labelled <time>
  std::string evidence;      // of `structured`
  std::string modified;      // from JSON-LD or meta tags
  std::string url;           // in the canonical URL
  std::string content_time;  // first unlabelled <time> outside page furniture
  std::string script;        // in inline script JSON
};

// How far (in days) a date the page shows may be from the metadata's and
// still replace it when the page never shows the metadata's date.
constexpr int64_t kShownReach = 10;

bool Near(std::string_view a, std::string_view b) {
  const int64_t apart = DaysApart(a, b);
  return apart >= -kShownReach && apart <= kShownReach;
}

// The publication date and its evidence. Metadata usually wins, but readers
// (and archives) go by the date the page prints by its title. That date
// replaces the metadata's when it is labelled as the publication, when
// another source backs it (the modification date, the URL, a <time>, script
// data) or when the page never shows the metadata's date and the two are
// close (time zones, a late edit, the print date). A page that shows its
// modification date, or a <time> in its content, and not the metadata's
// publication date is dated by what it shows.
std::pair<std::string, std::string> ChoosePublished(const MarkupDates& m, const VisibleDates& vis) {
  if (!m.structured.empty()) {
    const std::string& head = vis.head;
    if (!head.empty() && !SameDay(head, m.structured)) {
      for (const std::string* backer : {&m.modified, &m.url, &m.content_time, &m.script}) {
        if (SameDay(head, *backer)) return {head, "text"};
      }
      if (vis.head_label == DateLabel::kPublished) return {head, "text"};  // "Published ..."
      if (!vis.Shows(m.structured) && vis.head_label != DateLabel::kModified &&
          Near(m.structured, head)) {
        return {head, "text"};
      }
    }
    if (!vis.Shows(m.structured)) {
      if (!m.modified.empty() && !SameDay(m.modified, m.structured) && vis.Shows(m.modified)) {
        return {m.modified, "text"};
      }
      // A <time> in the content, shown on the page, close to the metadata.
      if (!m.content_time.empty() && !SameDay(m.content_time, m.structured) &&
          vis.Shows(m.content_time) && Near(m.structured, m.content_time)) {
        return {m.content_time, "time"};
      }
    }
    return {m.structured, m.evidence};
  }
  if (!m.script.empty()) return {m.script, "meta"};
  if (!m.url.empty()) return {m.url, "url"};
  if (!m.content_time.empty()) return {m.content_time, "time"};
  if (!vis.published.empty()) return {vis.published, "text"};
  // A page that prints only when it was last changed ("Aktualisiert am
  // ...") is dated by that. A modification date in the metadata alone is
  // not: product and service pages carry one and have no publication date.
  if (!vis.modified.empty()) return {vis.modified, "text"};
  return {"", ""};
}

}  // namespace

PageMeta ExtractMeta(const Dom& dom, std::string_view url_hint) {
  return ExtractMeta(dom, PruneMask(dom), url_hint, Lexicon::BuiltIn());
}

PageMeta ExtractMeta(const Dom& dom, const std::vector<bool>& pruned, std::string_view url_hint,
                     const Lexicon& lexicon) {
  Candidates c;
  JsonLdDates ld;
  for (size_t i = 1; i < dom.nodes.size(); ++i) {
    if (!dom.nodes[i].is_text()) VisitElement(dom, static_cast<int>(i), lexicon, c, ld);
  }
  PageMeta meta;
  // Title: the page's own heading when the <title> or og:title contains it
  // (site names are appended there), else og:title, headline, <title>.
  std::string h1 = Trim(c.h1);
  std::string og = Trim(c.og_title);
  std::string tt = Trim(c.title_tag);
  if (!h1.empty() && h1.size() < 300 &&
      (og.find(h1) != std::string::npos || tt.find(h1) != std::string::npos)) {
    meta.title = h1;
  } else if (!og.empty()) {
    meta.title = CleanTitle(og);
  } else if (!ld.headline.empty()) {
    meta.title = Trim(ld.headline);
  } else if (!tt.empty()) {
    meta.title = CleanTitle(tt);
  } else {
    meta.title = h1;
  }
  meta.url = !c.canonical.empty() ? c.canonical : c.og_url;
  meta.modified = !ld.modified.empty()  ? ld.modified
                  : !c.meta_mod.empty() ? c.meta_mod
                                        : c.time_mod;
  std::vector<RawDate> seen = std::move(ld.seen);
  seen.insert(seen.end(), c.seen.begin(), c.seen.end());
  std::string structured, evidence;
  if (!ld.published.empty()) {
    structured = PreferLocalTime(ld.published, seen), evidence = "json-ld";
  } else if (!c.meta_pub.empty()) {
    structured = PreferLocalTime(c.meta_pub, seen), evidence = "meta";
  } else if (!c.time_pub.empty()) {
    structured = c.time_pub, evidence = "time";
  }
  std::string url_date = DateFromPath(url_hint.empty() ? meta.url : url_hint);
  std::string content_time = FirstContentTime(dom, pruned, c.time_any);
  std::string script = DateInScripts(dom, lexicon);
  VisibleDates vis = ScanVisibleDates(dom, meta.title, lexicon);
  std::string text_modified = vis.modified;
  std::tie(meta.published, meta.evidence) =
      ChoosePublished({structured, evidence, meta.modified, url_date, content_time, script}, vis);
  if (meta.modified.empty()) meta.modified = text_modified;
  std::string lang = c.lang.substr(0, c.lang.find_first_of("-_"));
  if (lang.size() == 2) meta.lang = lang;
  return meta;
}

}  // namespace dateline::read
