// `dateline tag`: finds temporal expressions and prints them inline, as
// TimeML or as JSON lines.
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "dateline/reader.h"
#include "dateline/tagger.h"
#include "tagger_output.h"
#include "text/utf8.h"
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
  std::vector<std::string> files;
};

// HTML is read as a page (main text, publication date) before tagging.
bool LooksLikeHtml(std::string_view data, const std::string& path) {
  for (const char* ext : {".html", ".htm", ".html.gz", ".htm.gz", ".xhtml"}) {
    const std::string_view e(ext);
    if (path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) {
      return true;
    }
  }
  const size_t first = data.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos || data[first] != '<') return false;
  const std::string_view head = data.substr(first, 512);
  for (const char* marker : {"<!DOCTYPE", "<!doctype", "<html", "<HTML", "<head", "<body"}) {
    if (head.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

// Reads `data` as a page: the text to tag becomes its title and main text,
// and its publication date the DCT when none was given.
bool ReadPage(const std::string& name, std::string& data, TagOptions& options) {
  static const Reader reader;
  ReadHints hints;
  hints.path = name;
  const Article article = reader.Read(data, hints);
  if (!article.ok()) {
    std::cerr << "dateline: " << name << ": " << article.error << "\n";
    return false;
  }
  data = article.title.empty() ? article.text : article.title + "\n\n" + article.text;
  if (!options.dct && !article.published.empty()) options.dct = ParseDct(article.published);
  if (options.language == "auto" && (article.lang == "fr" || article.lang == "en")) {
    options.language = article.lang;
  }
  return true;
}

std::unique_ptr<Tagger> BuildTagger(const std::string& rules_dir) {
  try {
    return rules_dir.empty() ? Tagger::Create() : Tagger::CreateFromDirectory(rules_dir);
  } catch (const RuleError& e) {
    std::cerr << "dateline: rules: " << e.what() << "\n";
    SetExitStatus(kExitUsage);
    return nullptr;
  }
}

// The largest input tag reads: above the 200 MB single-line text the
// tagger's memory is measured on, and a bound on what an endless input
// (/dev/zero, a pipe) takes before it is refused.
constexpr size_t kMaxTextBytes = size_t{256} << 20;

// Tags one input; returns false (after a message naming it) when it fails.
bool TagOne(const Tagger& tagger, const std::string& path, TagOptions options, OutputFormat format,
            bool read) {
  const std::string name = path == "-" ? "<stdin>" : path;
  ReadResult input = ReadInput(path, kMaxTextBytes);
  if (!input.ok) {
    std::cerr << "dateline: " << input.error << "\n";
    return false;
  }
  if ((read || LooksLikeHtml(input.data, path)) && !ReadPage(name, input.data, options)) {
    return false;
  }
  const size_t bad = FindInvalidUtf8(input.data);
  if (bad != std::string::npos) {
    std::cerr << "dateline: " << name << ": invalid UTF-8 at byte " << bad << "\n";
    return false;
  }
  if (input.data.size() > UINT32_MAX) {
    std::cerr << "dateline: " << name << ": larger than 4 GiB\n";
    return false;
  }
  std::vector<TimeExpression> expressions = tagger.Tag(input.data, options);
  // Output is built whole before it is written, so a failing file writes nothing.
  std::cout << FormatExpressions(input.data, expressions, format, name);
  return true;
}

void Run(const TagFlags& flags) {
  TagOptions options;
  options.language = flags.language;
  if (!flags.dct.empty()) {
    options.dct = ParseDct(flags.dct);
    if (!options.dct) UsageError("--dct: '" + flags.dct + "' is not YYYY-MM-DD[THH:MM[:SS]]");
  }
  options.mode = flags.mode == "narratives" ? AnchorMode::kNarratives : AnchorMode::kNews;
  std::unique_ptr<Tagger> tagger = BuildTagger(flags.rules);
  if (!tagger) return;
  if (options.language != "auto") {
    const auto languages = tagger->Languages();
    if (std::find(languages.begin(), languages.end(), options.language) == languages.end()) {
      UsageError("--lang: no rules for '" + options.language + "'");
    }
  }
  const OutputFormat format = ParseOutputFormat(flags.format);
  std::vector<std::string> files = flags.files;
  if (files.empty()) files.push_back("-");
  bool all_ok = true;
  for (const std::string& path : files)
    all_ok &= TagOne(*tagger, path, options, format, flags.read);
  SetExitStatus(all_ok ? kExitOk : kExitFailure);
}

void Register(CLI::App& app) {
  auto flags = std::make_shared<TagFlags>();
  CLI::App* sub =
      app.add_subcommand("tag", "Find temporal expressions and give their TIMEX3 values");
  sub->add_option("--lang", flags->language, "Language: fr, en or auto")->capture_default_str();
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
  sub->add_flag("--read", flags->read,
                "Read each input as a news page first (automatic for HTML): tag its title and "
                "main text, with its publication date as the DCT unless --dct is given");
  sub->add_option("files", flags->files, "Input files (standard input when none)");
  sub->callback([flags] { Run(*flags); });
}

DATELINE_REGISTER_COMMAND(10, Register);

}  // namespace
}  // namespace dateline::cli
