// `dateline tag`: finds temporal expressions and prints them inline, as
// TimeML or as JSON lines. The pipeline reads, decides and tags; this file
// translates flags and prints.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "dateline/output.h"
#include "dateline/pipeline.h"
#include "util/io.h"

namespace dateline::cli {
namespace {

struct TagFlags {
  std::string language = "auto";
  std::string dct;
  std::string mode = "news";
  std::string format = "inline";
  std::string rules;
  bool read = false;
  // Text is tagged as a stream, so the cap can be far above the reader's:
  // memory is about twice the input (the input and the tagged text), not
  // the output or the expressions.
  size_t max_bytes = size_t{512} << 20;
  std::vector<std::string> files;
};

// Tags one input; returns false (after a message naming it) when it fails.
bool TagOne(const Pipeline& pipeline, const std::string& path, AnnotateOptions options,
            TagFormat format) {
  const std::string name = path == "-" ? "<stdin>" : path;
  ReadResult input = ReadInput(path, options.max_bytes);
  if (!input.ok) {
    std::cerr << "dateline: " << input.error << "\n";
    return false;
  }
  options.path = name;
  // Expressions are written as the tagger finds them, chunk by chunk, so a
  // text of any size is tagged in the memory of a chunk. Every failure comes
  // before the first chunk, so a failing file writes nothing.
  TaggedTextWriter writer(std::cout, format, name);
  options.expression_sink = [&writer](std::string_view text, std::vector<TimeExpression>& chunk) {
    for (const TimeExpression& e : chunk) writer.Add(text, e);
  };
  StatusOr<AnnotatedDocument> doc = pipeline.AnnotateOwned(std::move(input.data), options);
  if (!doc.ok()) {
    std::cerr << "dateline: " << doc.status().message() << "\n";
    return false;
  }
  writer.Finish(doc->text);
  for (const std::string& w : doc->warnings) std::cerr << "dateline: warning: " << w << "\n";
  return true;
}

void Run(const TagFlags& flags, bool dct_given) {
  AnnotateOptions options;
  options.language = flags.language;
  if (dct_given) {
    options.dct = ParseDayTime(flags.dct);
    if (!options.dct) UsageError("--dct: '" + flags.dct + "' is not YYYY-MM-DD[THH:MM[:SS]]");
  }
  options.mode = flags.mode == "narratives" ? AnchorMode::kNarratives : AnchorMode::kNews;
  options.kind = flags.read ? InputKind::kPage : InputKind::kSniff;
  options.sentences = false;
  options.max_bytes = flags.max_bytes;
  const TagFormat format = ParseTagFormat(flags.format).value_or(TagFormat::kInline);
  StatusOr<std::unique_ptr<Pipeline>> pipeline = Pipeline::CreateFromDirectory(flags.rules);
  if (!pipeline.ok()) {
    std::cerr << "dateline: rules: " << pipeline.status().message() << "\n";
    SetExitStatus(ExitStatusFor(pipeline.status()));
    return;
  }
  if (options.language != "auto") {
    if (auto pack = (*pipeline)->languages().FindTaggable(options.language); !pack.ok()) {
      UsageError("--lang: " + pack.status().message());
    }
  }
  std::vector<std::string> files = flags.files;
  if (files.empty()) files.push_back("-");
  bool all_ok = true;
  for (const std::string& path : files) all_ok &= TagOne(**pipeline, path, options, format);
  SetExitStatus(all_ok ? kExitOk : kExitFailure);
}

void Register(CLI::App& app) {
  auto flags = std::make_shared<TagFlags>();
  CLI::App* sub =
      app.add_subcommand("tag", "Find temporal expressions and give their TIMEX3 values");
  sub->add_option("--lang", flags->language, "Language: fr, en or auto")->capture_default_str();
  CLI::Option* dct =
      sub->add_option("--dct", flags->dct,
                      "Document creation time, YYYY-MM-DD[THH:MM]; without it relative "
                      "expressions stay underspecified (XXXX-XX-XX)");
  sub->add_option("--mode", flags->mode, "news: anchor on the DCT; narratives: on the text's dates")
      ->check(CLI::IsMember({"news", "narratives"}))
      ->capture_default_str();
  sub->add_option("--format", flags->format,
                  "inline (<d>VALUE</d>), timeml (<TIMEX3>) or jsonl (one object per expression)")
      ->check(CLI::IsMember({"inline", "timeml", "jsonl"}))
      ->capture_default_str();
  sub->add_option("--rules", flags->rules, "Load rules from DIR (one folder per language)");
  sub->add_option("--max-bytes", flags->max_bytes, "Cap on the size of an input (decompressed)")
      ->check(AtLeast(1))
      ->capture_default_str();
  sub->add_flag("--read", flags->read,
                "Read each input as a news page first (automatic for HTML): tag its title and "
                "main text, with its publication date as the DCT unless --dct is given");
  sub->add_option("files", flags->files, "Input files (standard input when none)");
  sub->callback([flags, dct] { Run(*flags, dct->count() > 0); });
}

DATELINE_REGISTER_COMMAND(10, Register);

}  // namespace
}  // namespace dateline::cli
