// `dateline read`: pages (HTML, .html.gz, scraped text) to clean articles,
// through the pipeline without tagging.
#include <iostream>
#include <string>
#include <vector>

#include "command.h"
#include "dateline/output.h"
#include "dateline/pipeline.h"
#include "util/io.h"

namespace dateline::cli {
namespace {

struct ReadFlags {
  std::string format = "jsonl";
  std::string url;
  size_t max_bytes = size_t{64} << 20;
  std::vector<std::string> files;
};

int Run(const ReadFlags& flags) {
  PipelineOptions reading;
  reading.tagger = false;
  StatusOr<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create(reading);
  if (!pipeline.ok()) {
    std::cerr << "dateline read: " << pipeline.status().message() << "\n";
    return ExitStatusFor(pipeline.status());
  }
  const ArticleFormat format = ParseArticleFormat(flags.format).value_or(ArticleFormat::kJsonl);
  std::vector<std::string> files = flags.files;
  if (files.empty()) files.push_back("-");
  int status = kExitOk;
  for (const std::string& file : files) {
    AnnotateOptions options;
    options.url = flags.url;
    options.path = file == "-" ? "" : file;
    options.max_bytes = flags.max_bytes;
    options.kind = InputKind::kPage;
    options.tag = false;
    StatusOr<AnnotatedDocument> doc = Status::IoError("unread");
    // ReadInput inflates gzip under the same cap; the reader checks plain input.
    ReadResult in = ReadInput(file, flags.max_bytes);
    doc = in.ok ? (*pipeline)->Annotate(in.data, options) : Status::IoError(in.error);
    if (!doc.ok()) {
      status = kExitFailure;
      std::cout << FormatArticleError(doc.status(), format, file);
      std::cerr << "dateline read: " << doc.status().message() << "\n";
      continue;
    }
    doc->article.text = std::string(doc->body());
    std::cout << FormatArticle(doc->article, format, file);
    if (format == ArticleFormat::kText && files.size() > 1) std::cout << "\n";
    for (const std::string& w : doc->article.warnings) {
      std::cerr << "dateline read: warning: " << w << "\n";
    }
  }
  std::cout.flush();
  return status;
}

}  // namespace

DATELINE_REGISTER_COMMAND(20, [](CLI::App& app) {
  auto flags = std::make_shared<ReadFlags>();
  CLI::App* sub = app.add_subcommand("read", "Read pages (HTML or scraped text) to clean articles");
  sub->add_option("--format", flags->format, "Output: jsonl (default), json or text")
      ->check(CLI::IsMember({"json", "jsonl", "text"}));
  sub->add_option("--url", flags->url, "The page's URL (its path may hold the date)");
  sub->add_option("--max-bytes", flags->max_bytes, "Cap on the (decompressed) input size")
      ->check(AtLeast(1))
      ->capture_default_str();
  sub->add_option("files", flags->files, "Files to read (standard input when none)");
  sub->callback([flags] { SetExitStatus(Run(*flags)); });
});

}  // namespace dateline::cli
