#include "server/api.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "dateline/language.h"
#include "dateline/output.h"
#include "dateline/timeline.h"
#include "dateline/version.h"
#include "server/assets.h"
#include "text/url.h"
#include "text/utf8.h"

namespace dateline::server {
namespace {

using nlohmann::json;

// Deeper JSON than any request needs is refused before it is built: nesting
// is the one thing a small body can make expensive.
constexpr int kMaxJsonDepth = 16;
// Bounds on what a query may ask for: beyond them a timeline stops being
// one (the page shows tens of dates) and only costs time.
constexpr size_t kMaxTimelineDates = 200;
constexpr size_t kMaxTimelineSentences = 20;
constexpr size_t kMaxSearchResults = 200;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Parses a request body as one JSON object; nullopt and `error` otherwise.
std::optional<json> ParseObject(std::string_view body, std::string* error) {
  bool too_deep = false;
  json j = json::parse(
      body,
      [&](int depth, json::parse_event_t, json&) {
        if (depth > kMaxJsonDepth) too_deep = true;
        return !too_deep;
      },
      false);
  if (too_deep) {
    *error = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
  } else if (j.is_discarded()) {
    *error = "malformed JSON";
  } else if (!j.is_object()) {
    *error = "expected a JSON object";
  } else {
    return j;
  }
  return std::nullopt;
}

// What a tag request asks for, from JSON fields or query parameters.
struct TagRequest {
  std::string text;
  bool is_html = false;
  AnnotateOptions options;
  std::string format = "json";
};

// A field that must be a string when present.
Status StringField(const json& j, const char* name, std::string* out) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_string())
    return Status::InvalidArgument(std::string("\"") + name + "\" must be a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

// Fills the options common to tag requests and batch records from named
// values (JSON fields or query parameters).
template <typename Get>
Status FillTagOptions(Get&& get, TagRequest* r) {
  std::string lang = get("lang"), dct = get("dct"), mode = get("mode"), format = get("format");
  r->options.language = lang.empty() ? "auto" : lang;
  if (!dct.empty()) {
    r->options.dct = ParseDayTime(dct);
    if (!r->options.dct) {
      return Status::InvalidArgument("dct: '" + dct + "' is not YYYY-MM-DD[THH:MM[:SS]]");
    }
  }
  if (mode.empty() || mode == "news") {
    r->options.mode = AnchorMode::kNews;
  } else if (mode == "narratives") {
    r->options.mode = AnchorMode::kNarratives;
  } else {
    return Status::InvalidArgument("mode: '" + mode + "' is not news or narratives");
  }
  if (!format.empty()) r->format = format;
  if (r->format != "json" && !ParseTagFormat(r->format)) {
    return Status::InvalidArgument("format: '" + r->format +
                                   "' is not json, inline, timeml or jsonl");
  }
  r->options.url = get("url");
  r->options.title = get("title");
  return Status::Ok();
}

// A tag request from a JSON object (a request body or a batch record).
Status TagFromJson(const json& j, TagRequest* r) {
  std::string text, html;
  for (const char* name : {"lang", "dct", "mode", "format", "url", "title"}) {
    std::string ignored;
    if (Status st = StringField(j, name, &ignored); !st.ok()) return st;
  }
  if (Status st = StringField(j, "text", &text); !st.ok()) return st;
  if (Status st = StringField(j, "html", &html); !st.ok()) return st;
  if (!text.empty() && !html.empty()) {
    return Status::InvalidArgument("give \"text\" or \"html\", not both");
  }
  if (j.find("text") == j.end() && j.find("html") == j.end()) {
    return Status::InvalidArgument("a \"text\" or an \"html\" field is required");
  }
  r->is_html = !html.empty();
  r->text = r->is_html ? std::move(html) : std::move(text);
  return FillTagOptions(
      [&](const char* name) {
        auto it = j.find(name);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
      },
      r);
}

// Annotates a tag request and writes its answer (without a trailing
// newline): the document JSON, or the context and the tagged text.
StatusOr<std::string> AnswerTag(const Pipeline& pipeline, TagRequest& r, size_t max_bytes) {
  AnnotateOptions& o = r.options;
  o.kind = r.is_html ? InputKind::kPage : InputKind::kText;
  if (r.is_html) o.content_type = "text/html";
  o.sentences = r.format == "json";
  o.max_bytes = max_bytes;
  StatusOr<AnnotatedDocument> doc = pipeline.Annotate(r.text, o);
  if (!doc.ok()) return doc.status();
  if (r.format == "json") {
    std::string out = FormatDocumentJson(*doc, "");
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }
  json j;
  j["language"] = doc->language;
  j["language_source"] = std::string(LanguageSourceName(doc->language_source));
  j["dct"] = doc->dct ? json(FormatDayTime(*doc->dct)) : json();
  j["dct_source"] = std::string(DctSourceName(doc->dct_source));
  j["mode"] = doc->mode == AnchorMode::kNarratives ? "narratives" : "news";
  j["format"] = r.format;
  j["output"] = FormatTagged(doc->text, doc->expressions, *ParseTagFormat(r.format), "request");
  if (!doc->warnings.empty()) j["warnings"] = doc->warnings;
  return Dump(j);
}

std::string Day(const std::optional<CivilDate>& day) {
  return day ? FormatCivilDate(*day) : std::string();
}

// `url` is the source's as stored (from a page, a record or a WARC: untrusted);
// `link` is the same URL when it may be the target of a link (IsSafeLinkUrl),
// else null, so that a client needs no scheme rules of its own.
json SourceJson(const CorpusSource& s) {
  return {{"article_id", s.article_id},
          {"source", s.source},
          {"url", s.url},
          {"link", IsSafeLinkUrl(s.url) ? json(s.url) : json()},
          {"published", s.published ? json(FormatCivilDate(*s.published)) : json()},
          {"title", s.title}};
}

// A decimal count in [1, max] from a query parameter; `fallback` when absent.
StatusOr<size_t> CountParam(const HttpRequest& request, const char* name, size_t fallback,
                            size_t max) {
  const std::string text = request.Param(name);
  if (text.empty()) return fallback;
  size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > max) {
    return Status::InvalidArgument(std::string(name) + ": '" + text +
                                   "' is not a number from 1 to " + std::to_string(max));
  }
  return value;
}

StatusOr<std::optional<CivilDate>> DateParam(const HttpRequest& request, const char* name) {
  const std::string text = request.Param(name);
  if (text.empty()) return std::optional<CivilDate>();
  auto day = ParseCivilDate(text);
  if (!day)
    return Status::InvalidArgument(std::string(name) + ": '" + text + "' is not YYYY-MM-DD");
  return std::optional<CivilDate>(*day);
}

const char* TimelineMediaType(TimelineFormat format) {
  switch (format) {
    case TimelineFormat::kJson:
    case TimelineFormat::kTimelineJs:
      return "application/json";
    case TimelineFormat::kMarkdown:
      return "text/markdown; charset=utf-8";
    case TimelineFormat::kTilse:
      return "text/plain; charset=utf-8";
    case TimelineFormat::kHtml:
      return "text/html; charset=utf-8";
  }
  return "application/octet-stream";
}

}  // namespace

HttpResponse Api::Tag(const HttpRequest& request) const {
  TagRequest r;
  if (request.content_type == "application/json") {
    std::string error;
    auto j = ParseObject(request.body, &error);
    if (!j) return ErrorResponse(400, ErrorCodeName(StatusCode::kInvalidArgument), error);
    if (Status st = TagFromJson(*j, &r); !st.ok()) return ErrorResponse(st);
  } else if (request.content_type == "text/plain" || request.content_type == "text/html") {
    r.is_html = request.content_type == "text/html";
    r.text = request.body;
    Status st = FillTagOptions([&](const char* name) { return request.Param(name); }, &r);
    if (!st.ok()) return ErrorResponse(st);
  } else {
    return ErrorResponse(
        415, kUnsupportedMediaType,
        "send application/json, text/plain or text/html (got '" + request.content_type + "')");
  }
  StatusOr<std::string> answer = AnswerTag(pipeline_, r, options_.max_body_bytes);
  if (!answer.ok()) return ErrorResponse(answer.status());
  return JsonResponse(std::move(answer).value() + "\n");
}

std::string Api::BatchLine(std::string_view line, size_t line_no) const {
  std::string error;
  std::optional<json> j = ParseObject(line, &error);
  json id;
  if (j) {
    auto it = j->find("id");
    if (it != j->end() && (it->is_string() || it->is_number_integer())) id = *it;
  }
  auto fail = [&](const Status& status) {
    return Dump({{"id", id},
                 {"line", line_no},
                 {"error",
                  {{"code", ErrorCodeName(status.code())},
                   {"message", "line " + std::to_string(line_no) + ": " + status.message()}}}}) +
           "\n";
  };
  if (!j) return fail(Status::InvalidInput(error));
  TagRequest r;
  if (Status st = TagFromJson(*j, &r); !st.ok()) return fail(st);
  StatusOr<std::string> answer = AnswerTag(pipeline_, r, options_.max_body_bytes);
  if (!answer.ok()) return fail(answer.status());
  // The answer is a JSON object: the id goes first.
  std::string out = "{\"id\":" + Dump(id);
  if (answer->size() > 2) out += ",";
  out.append(*answer, 1);
  return out + "\n";
}

std::string Api::BatchTooLarge(size_t line_no) const {
  const Status status = Status::TooLarge("line " + std::to_string(line_no) + ": a record over " +
                                         std::to_string(options_.max_body_bytes) + " bytes");
  return Dump(
             {{"id", nullptr},
              {"line", line_no},
              {"error", {{"code", ErrorCodeName(status.code())}, {"message", status.message()}}}}) +
         "\n";
}

HttpResponse Api::Read(const HttpRequest& request) const {
  std::string bytes;
  AnnotateOptions o;
  o.kind = InputKind::kPage;
  o.tag = false;
  o.max_bytes = options_.max_body_bytes;
  if (request.content_type == "application/json") {
    std::string error, html, text;
    auto j = ParseObject(request.body, &error);
    if (!j) return ErrorResponse(400, ErrorCodeName(StatusCode::kInvalidArgument), error);
    for (auto [name, into] :
         {std::pair{"html", &html}, std::pair{"text", &text}, std::pair{"url", &o.url}}) {
      if (Status st = StringField(*j, name, into); !st.ok()) return ErrorResponse(st);
    }
    if (html.empty() == text.empty()) {
      return ErrorResponse(Status::InvalidArgument("give one of \"html\" or \"text\""));
    }
    if (!html.empty()) o.content_type = "text/html";
    bytes = html.empty() ? std::move(text) : std::move(html);
  } else if (request.content_type == "text/html" || request.content_type == "text/plain") {
    o.content_type = request.content_type;
    o.url = request.Param("url");
    bytes = request.body;
  } else {
    return ErrorResponse(
        415, kUnsupportedMediaType,
        "send text/html, text/plain or application/json (got '" + request.content_type + "')");
  }
  StatusOr<AnnotatedDocument> doc = pipeline_.Annotate(bytes, o);
  if (!doc.ok()) return ErrorResponse(doc.status());
  // The pipeline keeps the main text once, in the document (body()).
  doc->article.text = std::string(doc->body());
  return JsonResponse(FormatArticle(doc->article, ArticleFormat::kJsonl, ""));
}

HttpResponse Api::Search(const HttpRequest& request, const Corpus& store) const {
  const std::string query = request.Param("q");
  if (query.empty())
    return ErrorResponse(Status::InvalidArgument("q: a full-text query is required"));
  StatusOr<size_t> limit = CountParam(request, "limit", 20, kMaxSearchResults);
  if (!limit.ok()) return ErrorResponse(limit.status());
  auto found = store.Search(query, *limit);
  if (!found.ok()) return ErrorResponse(found.status());
  json articles = json::array();
  for (const CorpusArticle& a : *found) {
    json copies = json::array();
    for (const CorpusSource& c : a.copies) copies.push_back(SourceJson(c));
    json x = SourceJson(a.origin);
    x["language"] = a.language;
    x["copies"] = std::move(copies);
    articles.push_back(std::move(x));
  }
  return JsonResponse(Dump({{"query", query}, {"articles", articles}}) + "\n");
}

HttpResponse Api::Timeline(const HttpRequest& request, const Corpus& store) const {
  const std::string format_name = request.Param("format", "json");
  const auto format = ParseTimelineFormat(format_name);
  if (!format) {
    return ErrorResponse(Status::InvalidArgument("format: '" + format_name +
                                                 "' is not json, md, tilse, timelinejs or html"));
  }
  TimelineOptions options;
  options.filter.query = request.Param("q");
  options.filter.language = request.Param("lang");
  options.languages = &pipeline_.languages();
  if (!options.filter.language.empty()) {
    if (auto pack = pipeline_.languages().Find(options.filter.language); !pack.ok()) {
      return ErrorResponse(Status::InvalidArgument("lang: " + pack.status().message()));
    }
  }
  auto from = DateParam(request, "from");
  auto to = DateParam(request, "to");
  auto dates = CountParam(request, "dates", options.dates, kMaxTimelineDates);
  auto sentences = CountParam(request, "sentences", options.sentences, kMaxTimelineSentences);
  for (const Status* st : {&from.status(), &to.status(), &dates.status(), &sentences.status()}) {
    if (!st->ok()) return ErrorResponse(*st);
  }
  options.filter.from = *from;
  options.filter.to = *to;
  options.dates = *dates;
  options.sentences = *sentences;
  auto timeline = BuildTimeline(store, options);
  if (!timeline.ok()) return ErrorResponse(timeline.status());
  HttpResponse r;
  r.content_type = TimelineMediaType(*format);
  r.body = FormatTimeline(*timeline, *format);
  if (*format == TimelineFormat::kHtml) {
    // The export is a document of its own: no script may run in it, and its
    // links (URLs from pages) are inert outside a click.
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  }
  if (request.Param("download") == "1") {
    static const char* kExtensions[] = {"json", "md", "txt", "json", "html"};
    r.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"timeline.") +
                                                      kExtensions[static_cast<int>(*format)] +
                                                      "\"");
  }
  return r;
}

HttpResponse Api::Sentence(std::string_view id_text, const Corpus& store) const {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
  if (ec != std::errc() || end != id_text.data() + id_text.size() || id <= 0) {
    return ErrorResponse(Status::NotFound("no sentence '" + std::string(id_text) + "'"));
  }
  auto sentence = store.GetSentence(id);
  if (!sentence.ok()) return ErrorResponse(sentence.status());
  auto expressions = store.ExpressionsOf(id);
  if (!expressions.ok()) return ErrorResponse(expressions.status());
  auto article = store.GetArticle(sentence->article_id);
  if (!article.ok()) return ErrorResponse(article.status());
  json exprs = json::array();
  json dated_by;
  CodePointCounter counter(sentence->text);
  for (const TimeExpression& e : *expressions) {
    if (e.begin > e.end || e.end > sentence->text.size()) continue;
    // The first day-level expression giving the sentence's date dated it
    // (see document.h, Sentence::date).
    if (dated_by.is_null() && !sentence->weak_date &&
        (e.type == TimexType::kDate || e.type == TimexType::kTime) &&
        e.value.compare(0, 10, sentence->date.ToString()) == 0) {
      dated_by = exprs.size();
    }
    const size_t begin = counter.At(e.begin), end_cp = counter.At(e.end);
    exprs.push_back({{"begin", begin},
                     {"end", end_cp},
                     {"text", sentence->text.substr(e.begin, e.end - e.begin)},
                     {"type", std::string(TimexTypeName(e.type))},
                     {"value", e.value}});
  }
  json source = SourceJson(article->origin);
  json copies = json::array();
  for (const CorpusSource& c : article->copies) copies.push_back(SourceJson(c));
  json j = {{"id", sentence->id},
            {"text", sentence->text},
            {"date", sentence->date.ToString()},
            {"weak_date", sentence->weak_date},
            {"language", sentence->language},
            {"dct", Day(sentence->article_published)},
            {"expressions", exprs},
            {"dated_by", dated_by},
            {"article", source},
            {"copies", copies}};
  return JsonResponse(Dump(j) + "\n");
}

HttpResponse Api::Capabilities() const {
  json languages = json::array();
  for (const LanguagePack& pack : pipeline_.languages().packs()) {
    languages.push_back(
        {{"code", pack.code()}, {"name", pack.name()}, {"tagged", pack.has_tagger_rules()}});
  }
  json j = {
      {"version", kVersion},
      {"languages", languages},
      {"modes", {"news", "narratives"}},
      {"formats",
       {{"tag", {"json", "inline", "timeml", "jsonl"}},
        {"read", {"json"}},
        {"timeline", {"json", "md", "tilse", "timelinejs", "html"}}}},
      {"limits",
       {{"max_body_bytes", options_.max_body_bytes},
        {"max_upload_bytes", options_.max_upload_bytes},
        {"max_header_bytes", options_.max_header_bytes},
        {"max_connections", options_.max_connections},
        {"idle_timeout_seconds", options_.idle_timeout_seconds},
        {"queue", options_.queue},
        {"max_jobs", options_.max_jobs},
        {"max_event_streams", options_.max_event_streams},
        {"max_timeline_dates", kMaxTimelineDates},
        {"max_timeline_sentences", kMaxTimelineSentences},
        {"max_search_results", kMaxSearchResults}}},
      {"store", !options_.db_path.empty()},
      {"token_required", !options_.token.empty()},
  };
  return JsonResponse(Dump(j) + "\n");
}

}  // namespace dateline::server

namespace dateline::server {

std::string_view OpenApiJson() {
  const Asset* spec = FindAsset("/openapi.json");
  return spec ? spec->data : std::string_view("{}");
}

}  // namespace dateline::server
