// Timeline exporters: JSON, Markdown, tilse text, TimelineJS JSON, HTML.
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dateline/timeline.h"
#include "text/escape.h"

namespace dateline {
namespace {

using nlohmann::json;

std::string SourceLabel(const TimelineSource& s) {
  std::string label = !s.url.empty() ? s.url : s.source;
  if (!s.published.empty()) label += " (" + s.published + ")";
  return label;
}

json SourceJson(const TimelineSource& s) {
  return {{"source", s.source}, {"url", s.url}, {"published", s.published}, {"title", s.title}};
}

std::string ToJson(const Timeline& t) {
  json dates = json::array();
  for (const TimelineDate& d : t.dates) {
    json sentences = json::array();
    for (const TimelineSentence& s : d.sentences) {
      json sources = json::array();
      for (const auto& src : s.sources) sources.push_back(SourceJson(src));
      sentences.push_back({{"text", s.text}, {"weak_date", s.weak_date}, {"sources", sources}});
    }
    const DateEvidence& e = d.evidence;
    json evidence = {{"sentences", e.sentences},
                     {"articles", e.articles},
                     {"published", e.published},
                     {"count_rank", e.count_rank}};
    if (e.topic_share >= 0) evidence["topic_share"] = e.topic_share;
    dates.push_back(
        {{"date", d.date}, {"score", d.score}, {"evidence", evidence}, {"sentences", sentences}});
  }
  return json{{"title", t.title}, {"dates", dates}}.dump(2) + "\n";
}

std::string ToMarkdown(const Timeline& t) {
  std::ostringstream out;
  out << "# " << t.title << "\n";
  for (const TimelineDate& d : t.dates) {
    out << "\n## " << d.date << "\n\n";
    for (const TimelineSentence& s : d.sentences) {
      out << "- " << s.text;
      for (size_t i = 0; i < s.sources.size(); ++i) {
        out << (i == 0 ? " — " : "; ") << "*" << SourceLabel(s.sources[i]) << "*";
      }
      out << "\n";
    }
  }
  return out.str();
}

std::string ToTilse(const Timeline& t) {
  std::string out;
  for (const TimelineDate& d : t.dates) {
    out += d.date + "\n";
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
      if (!s.sources.empty()) body += " <em>" + EscapeMarkup(SourceLabel(s.sources[0])) + "</em>";
      body += "</p>";
    }
    json start = {{"year", std::atoi(d.date.substr(0, 4).c_str())},
                  {"month", std::atoi(d.date.substr(5, 2).c_str())},
                  {"day", std::atoi(d.date.substr(8, 2).c_str())}};
    events.push_back({{"start_date", start}, {"text", {{"headline", d.date}, {"text", body}}}});
  }
  return json{{"title", {{"text", {{"headline", t.title}}}}}, {"events", events}}.dump(2) + "\n";
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
    out << "<li class=\"date\"><h2><time datetime=\"" << d.date << "\">" << d.date
        << "</time></h2>\n";
    for (const TimelineSentence& s : d.sentences) {
      out << "<p>" << EscapeMarkup(s.text);
      for (const auto& src : s.sources) {
        out << " <span class=\"src\">";
        if (!src.url.empty()) {
          out << "<a href=\"" << EscapeMarkup(src.url) << "\">" << EscapeMarkup(SourceLabel(src))
              << "</a>";
        } else {
          out << EscapeMarkup(SourceLabel(src));
        }
        out << "</span>";
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
