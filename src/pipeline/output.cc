#include "dateline/output.h"

#include <nlohmann/json.hpp>
#include <sstream>

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

TaggedTextWriter::TaggedTextWriter(std::ostream& out, TagFormat format, std::string_view source)
    : out_(out), format_(format), source_(source) {}

void TaggedTextWriter::Add(std::string_view text, const TimeExpression& e) {
  const std::string_view before = text.substr(pos_, e.begin - pos_);
  const std::string_view span = text.substr(e.begin, e.end - e.begin);
  switch (format_) {
    case TagFormat::kInline:
      out_ << before << "<d>" << e.value << "</d>";
      break;
    case TagFormat::kTimeMl:
      out_ << EscapeMarkup(before) << "<TIMEX3 tid=\"t" << tid_++ << "\" type=\""
           << TimexTypeName(e.type) << "\" value=\"" << e.value << "\"";
      if (!e.mod.empty()) out_ << " mod=\"" << e.mod << "\"";
      if (!e.quant.empty()) out_ << " quant=\"" << e.quant << "\"";
      if (!e.freq.empty()) out_ << " freq=\"" << e.freq << "\"";
      out_ << ">" << EscapeMarkup(span) << "</TIMEX3>";
      break;
    case TagFormat::kJsonl: {
      ordered_json j;
      j["source"] = source_;
      j.update(ExpressionJson(text, e));
      out_ << Dump(j) << "\n";
      break;
    }
  }
  pos_ = e.end;
}

void TaggedTextWriter::Finish(std::string_view text) {
  if (format_ == TagFormat::kJsonl) return;
  const std::string_view rest = text.substr(std::min(pos_, text.size()));
  if (format_ == TagFormat::kTimeMl) {
    out_ << EscapeMarkup(rest);
  } else {
    out_ << rest;
  }
  pos_ = text.size();
}

std::string FormatTagged(std::string_view text, const std::vector<TimeExpression>& expressions,
                         TagFormat format, std::string_view source) {
  std::ostringstream out;
  TaggedTextWriter writer(out, format, source);
  for (const TimeExpression& e : expressions) writer.Add(text, e);
  writer.Finish(text);
  return out.str();
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
