// The server's endpoints as functions from a request to a response: each
// translates parameters into library calls (pipeline.h, corpus.h,
// timeline.h) and writes what the library's writers give (output.h,
// FormatTimeline). No sockets here; server.cc routes and runs them.
#ifndef DATELINE_SERVER_API_H_
#define DATELINE_SERVER_API_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dateline/corpus.h"
#include "dateline/pipeline.h"
#include "dateline/server.h"
#include "server/http.h"

namespace dateline::server {

class Api {
 public:
  Api(const ServerOptions& options, const Pipeline& pipeline)
      : options_(options), pipeline_(pipeline) {}

  // POST /v1/tag: JSON {text | html, lang, dct, mode, format, url, title},
  // or the text (text/plain) or page (text/html) itself with the same
  // fields as query parameters.
  HttpResponse Tag(const HttpRequest& request) const;
  // POST /v1/read: a page (text/html, text/plain, or JSON {html | text,
  // url}) to an article.
  HttpResponse Read(const HttpRequest& request) const;
  // One record of POST /v1/batch (a JSON object with `id` and the fields of
  // /v1/tag) to one output line, ending in "\n": the answer /v1/tag gives,
  // with `id` first, or {"id", "error": {code, message}}. `line_no` counts
  // from 1.
  std::string BatchLine(std::string_view line, size_t line_no) const;
  // The line of a record longer than max_body_bytes.
  std::string BatchTooLarge(size_t line_no) const;

  HttpResponse Search(const HttpRequest& request, const Corpus& store) const;
  HttpResponse Timeline(const HttpRequest& request, const Corpus& store) const;
  // GET /v1/sentences/{id}: a stored sentence, its expressions (code-point
  // spans into its text) and which one dated it, its article and the DCT.
  HttpResponse Sentence(std::string_view id, const Corpus& store) const;
  HttpResponse Capabilities() const;

 private:
  const ServerOptions& options_;
  const Pipeline& pipeline_;
};

// The text of /openapi.json.
std::string_view OpenApiJson();

}  // namespace dateline::server

#endif  // DATELINE_SERVER_API_H_
