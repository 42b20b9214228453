#include "dateline/output.h"

#include <nlohmann/json.hpp>

#include "text/escape.h"

namespace dateline {
namespace {

using nlohmann::ordered_json;

// Dumps as valid UTF-8 whatever the strings hold (see output.h).
template <typename Json>
std::string Dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

template <typename Json = ordered_json>
Json OrNull(const std::optional<DayTime>& t) {
  return t ? Json(FormatDayTime(*t)) : Json();
}

template <typename Json = ordered_json>
Json OrNull(const std::string& s) {
  return s.empty() ? Json() : Json(s);
}

std::string Inline(std::string_view text, const std::vector<TimeExpression>& expressions) {
  std::string out;
  size_t pos = 0;
  for (const TimeExpression& e : expressions) {
    out.append(text.substr(pos, e.begin - pos));
    out += "<d>" + e.value + "</d>";
    pos = e.end;
  }
  out.append(text.substr(pos));
  return out;
}

std::string TimeMl(std::string_view text, const std::vector<TimeExpression>& expressions) {
  std::string out;
  size_t pos = 0;
  int tid = 1;
  for (const TimeExpression& e : expressions) {
    out += EscapeMarkup(text.substr(pos, e.begin - pos));
    out += "<TIMEX3 tid=\"t" + std::to_string(tid++) + "\" type=\"" +
           std::string(TimexTypeName(e.type)) + "\" value=\"" + e.value + "\"";
    if (!e.mod.empty()) out += " mod=\"" + e.mod + "\"";
    if (!e.quant.empty()) out += " quant=\"" + e.quant + "\"";
    if (!e.freq.empty()) out += " freq=\"" + e.freq + "\"";
    out += ">" + EscapeMarkup(text.substr(e.begin, e.end - e.begin)) + "</TIMEX3>";
    pos = e.end;
  }
  out += EscapeMarkup(text.substr(pos));
  return out;
}

ordered_json ExpressionJson(std::string_view text, const TimeExpression& e) {
  ordered_json j;
  j["begin"] = e.cp_begin;
  j["end"] = e.cp_end;
  j["text"] = std::string(text.substr(e.begin, e.end - e.begin));
  j["type"] = std::string(TimexTypeName(e.type));
  j["value"] = e.value;
  if (!e.mod.empty()) j["mod"] = e.mod;
  if (!e.quant.empty()) j["quant"] = e.quant;
  if (!e.freq.empty()) j["freq"] = e.freq;
  return j;
}

std::string Jsonl(std::string_view text, const std::vector<TimeExpression>& expressions,
                  std::string_view source) {
  std::string out;
  for (const TimeExpression& e : expressions) {
    ordered_json j;
    j["source"] = std::string(source);
    j.update(ExpressionJson(text, e));
    out += Dump(j) + "\n";
  }
  return out;
}

// An article's fields, keys in alphabetical order (as `dateline read` has
// always printed them).
template <typename Json>
Json ArticleJson(const Article& a, std::string_view source) {
  Json j;
  j["source"] = std::string(source);
  j["title"] = a.title;
  j["text"] = a.text;
  j["published"] = OrNull<Json>(a.published);
  j["modified"] = OrNull<Json>(a.modified);
  j["lang"] = OrNull<Json>(a.lang);
  j["url"] = OrNull<Json>(a.url);
  j["date_evidence"] = a.published ? Json(std::string(DateEvidenceName(a.date_evidence))) : Json();
  if (!a.warnings.empty()) j["warnings"] = a.warnings;
  return j;
}

}  // namespace

std::optional<TagFormat> ParseTagFormat(std::string_view name) {
  if (name == "inline") return TagFormat::kInline;
  if (name == "timeml") return TagFormat::kTimeMl;
  if (name == "jsonl") return TagFormat::kJsonl;
  return std::nullopt;
}

std::string FormatTagged(std::string_view text, const std::vector<TimeExpression>& expressions,
                         TagFormat format, std::string_view source) {
  switch (format) {
    case TagFormat::kTimeMl:
      return TimeMl(text, expressions);
    case TagFormat::kJsonl:
      return Jsonl(text, expressions, source);
    case TagFormat::kInline:
      break;
  }
  return Inline(text, expressions);
}

std::optional<ArticleFormat> ParseArticleFormat(std::string_view name) {
  if (name == "jsonl") return ArticleFormat::kJsonl;
  if (name == "json") return ArticleFormat::kJson;
  if (name == "text") return ArticleFormat::kText;
  return std::nullopt;
}

std::string FormatArticle(const Article& article, ArticleFormat format, std::string_view source) {
  if (format == ArticleFormat::kText) {
    return article.title + "\n" +
           (article.published ? FormatDayTime(*article.published) : std::string("(no date)")) +
           "\n\n" + article.text + "\n";
  }
  return Dump(ArticleJson<nlohmann::json>(article, source),
              format == ArticleFormat::kJson ? 2 : -1) +
         "\n";
}

std::string FormatArticleError(const Status& status, ArticleFormat format,
                               std::string_view source) {
  if (format == ArticleFormat::kText) return "";
  nlohmann::json j;
  j["source"] = std::string(source);
  j["error"] = status.message();
  return Dump(j, format == ArticleFormat::kJson ? 2 : -1) + "\n";
}

std::string FormatDocumentJson(const AnnotatedDocument& doc, std::string_view source) {
  ordered_json j = ArticleJson<ordered_json>(doc.article, source);
  j.erase("text");
  j["language"] = doc.language;
  j["language_source"] = std::string(LanguageSourceName(doc.language_source));
  j["dct"] = OrNull(doc.dct);
  j["dct_source"] = std::string(DctSourceName(doc.dct_source));
  j["mode"] = doc.mode == AnchorMode::kNarratives ? "narratives" : "news";
  j["text"] = doc.text;
  j["body_begin"] = doc.body_begin;
  ordered_json expressions = ordered_json::array();
  for (const TimeExpression& e : doc.expressions) {
    ordered_json x = ExpressionJson(doc.text, e);
    x["byte_begin"] = e.begin;
    x["byte_end"] = e.end;
    expressions.push_back(std::move(x));
  }
  j["expressions"] = std::move(expressions);
  ordered_json sentences = ordered_json::array();
  for (const Sentence& s : doc.sentences) {
    ordered_json x;
    x["begin"] = s.cp_begin;
    x["end"] = s.cp_end;
    x["byte_begin"] = s.begin;
    x["byte_end"] = s.end;
    x["date"] = s.date ? ordered_json(s.date->ToString()) : ordered_json();
    x["weak_date"] = s.weak_date;
    if (s.in_title) x["in_title"] = true;
    sentences.push_back(std::move(x));
  }
  j["sentences"] = std::move(sentences);
  if (!doc.warnings.empty()) j["warnings"] = doc.warnings;
  return Dump(j) + "\n";
}

}  // namespace dateline
