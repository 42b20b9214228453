// Timeline exporters: JSON, Markdown, tilse text, TimelineJS JSON, HTML.
#include <nlohmann/json.hpp>
#include <sstream>

#include "dateline/timeline.h"
#include "text/escape.h"
#include "text/url.h"

namespace dateline {
namespace {

using nlohmann::json;

std::string Day(const std::optional<CivilDate>& day) {
  return day ? FormatCivilDate(*day) : std::string();
}

std::string SourceLabel(const TimelineSource& s) {
  std::string label = !s.url.empty() ? s.url : s.source;
  if (s.published) label += " (" + FormatCivilDate(*s.published) + ")";
  return label;
}

// A source in HTML: a link to its URL when the URL may be a link (see
// IsSafeLinkUrl: a page's canonical link, a record's url or a WARC target
// comes from the input), else its label as text.
std::string HtmlSource(const TimelineSource& s) {
  if (s.url.empty() || !IsSafeLinkUrl(s.url)) return EscapeMarkup(SourceLabel(s));
  return "<a href=\"" + EscapeMarkup(s.url) + "\">" + EscapeMarkup(SourceLabel(s)) + "</a>";
}

// A URL as a Markdown link destination: the characters that would end it or
// change its meaning there are percent-encoded.
std::string MarkdownDestination(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : url) {
    const unsigned char b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b == 0x7F || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\') {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    } else {
      out += c;
    }
  }
  return out;
}

// A source in Markdown, as HtmlSource.
std::string MarkdownSource(const TimelineSource& s) {
  const std::string label = EscapeMarkdown(SourceLabel(s));
  if (s.url.empty() || !IsSafeLinkUrl(s.url)) return label;
  return "[" + label + "](" + MarkdownDestination(s.url) + ")";
}

// `url` as stored; `link` the same URL when it may be a link (as HtmlSource
// decides), else null: a page drawing the JSON needs no scheme rules of its own.
json SourceJson(const TimelineSource& s) {
  return {{"source", s.source},
          {"url", s.url},
          {"link", IsSafeLinkUrl(s.url) ? json(s.url) : json()},
          {"published", Day(s.published)},
          {"title", s.title}};
}

// JSON output is valid UTF-8 whatever the stored names hold (see output.h).
std::string Dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

std::string ToJson(const Timeline& t) {
  json dates = json::array();
  for (const TimelineDate& d : t.dates) {
    json sentences = json::array();
    for (const TimelineSentence& s : d.sentences) {
      json sources = json::array();
      for (const auto& src : s.sources) sources.push_back(SourceJson(src));
      sentences.push_back({{"id", s.sentence_id},
                           {"text", s.text},
                           {"weak_date", s.weak_date},
                           {"sources", sources}});
    }
    const TimelineEvidence& e = d.evidence;
    json evidence = {{"sentences", e.sentences},
                     {"articles", e.articles},
                     {"published", e.published},
                     {"count_rank", e.count_rank}};
    if (e.topic_share >= 0) evidence["topic_share"] = e.topic_share;
    dates.push_back({{"date", FormatCivilDate(d.date)},
                     {"score", d.score},
                     {"evidence", evidence},
                     {"sentences", sentences}});
  }
  return Dump(json{{"title", t.title}, {"dates", dates}}) + "\n";
}

std::string ToMarkdown(const Timeline& t) {
  std::ostringstream out;
  out << "# " << EscapeMarkdown(t.title) << "\n";
  for (const TimelineDate& d : t.dates) {
    out << "\n## " << FormatCivilDate(d.date) << "\n\n";
    for (const TimelineSentence& s : d.sentences) {
      out << "- " << EscapeMarkdown(s.text);
      for (size_t i = 0; i < s.sources.size(); ++i) {
        out << (i == 0 ? " — " : "; ") << "*" << MarkdownSource(s.sources[i]) << "*";
      }
      out << "\n";
    }
  }
  return out.str();
}

std::string ToTilse(const Timeline& t) {
  std::string out;
  for (const TimelineDate& d : t.dates) {
    out += FormatCivilDate(d.date) + "\n";
    for (const TimelineSentence& s : d.sentences) {
      std::string line = s.text;
      for (char& c : line) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      out += line + "\n";
    }
    out += "--------------------------------\n";
  }
  return out;
}

std::string ToTimelineJs(const Timeline& t) {
  json events = json::array();
  for (const TimelineDate& d : t.dates) {
    std::string body;
    for (const TimelineSentence& s : d.sentences) {
      body += "<p>" + EscapeMarkup(s.text);
      if (!s.sources.empty()) body += " <em>" + HtmlSource(s.sources[0]) + "</em>";
      body += "</p>";
    }
    json start = {{"year", d.date.year}, {"month", d.date.month}, {"day", d.date.day}};
    events.push_back(
        {{"start_date", start}, {"text", {{"headline", FormatCivilDate(d.date)}, {"text", body}}}});
  }
  return Dump(json{{"title", {{"text", {{"headline", t.title}}}}}, {"events", events}}) + "\n";
}

std::string ToHtml(const Timeline& t) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" << EscapeMarkup(t.title)
      << "</title>\n<style>body{font-family:sans-serif;max-width:48em;margin:2em auto;"
         "line-height:1.5}ol{list-style:none;padding:0;border-left:3px solid #36c}"
         "li.date{margin:0 0 1.5em 0;padding-left:1em}h2{font-size:1.1em;color:#36c;margin:0}"
         "p{margin:.3em 0}.src{color:#666;font-size:.85em}</style></head>\n<body>\n<h1>"
      << EscapeMarkup(t.title) << "</h1>\n<ol>\n";
  for (const TimelineDate& d : t.dates) {
    const std::string day = FormatCivilDate(d.date);
    out << "<li class=\"date\"><h2><time datetime=\"" << day << "\">" << day << "</time></h2>\n";
    for (const TimelineSentence& s : d.sentences) {
      out << "<p>" << EscapeMarkup(s.text);
      for (const auto& src : s.sources) {
        out << " <span class=\"src\">" << HtmlSource(src) << "</span>";
      }
      out << "</p>\n";
    }
    out << "</li>\n";
  }
  out << "</ol>\n</body></html>\n";
  return out.str();
}

}  // namespace

std::optional<TimelineFormat> ParseTimelineFormat(std::string_view name) {
  if (name == "json") return TimelineFormat::kJson;
  if (name == "md" || name == "markdown") return TimelineFormat::kMarkdown;
  if (name == "tilse") return TimelineFormat::kTilse;
  if (name == "timelinejs") return TimelineFormat::kTimelineJs;
  if (name == "html") return TimelineFormat::kHtml;
  return std::nullopt;
}

std::string FormatTimeline(const Timeline& timeline, TimelineFormat format) {
  switch (format) {
    case TimelineFormat::kJson:
      return ToJson(timeline);
    case TimelineFormat::kMarkdown:
      return ToMarkdown(timeline);
    case TimelineFormat::kTilse:
      return ToTilse(timeline);
    case TimelineFormat::kTimelineJs:
      return ToTimelineJs(timeline);
    case TimelineFormat::kHtml:
      return ToHtml(timeline);
  }
  return "";
}

}  // namespace dateline
