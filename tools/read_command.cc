// `dateline read`: pages (HTML, .html.gz, scraped text) to clean articles.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "command.h"
#include "dateline/reader.h"
#include "util/io.h"

namespace dateline::cli {
namespace {

struct ReadFlags {
  std::string format = "jsonl";
  std::string url;
  size_t max_bytes = size_t{64} << 20;
  std::vector<std::string> files;
};

nlohmann::json ToJson(const std::string& source, const Article& a) {
  nlohmann::json j;
  j["source"] = source;
  if (!a.ok()) {
    j["error"] = a.error;
    return j;
  }
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json() : nlohmann::json(s);
  };
  j["title"] = a.title;
  j["text"] = a.text;
  j["published"] = or_null(a.published);
  j["modified"] = or_null(a.modified);
  j["lang"] = or_null(a.lang);
  j["url"] = or_null(a.url);
  j["date_evidence"] = or_null(a.date_evidence);
  if (!a.warnings.empty()) j["warnings"] = a.warnings;
  return j;
}

int Run(const ReadFlags& flags) {
  Reader reader;
  std::vector<std::string> files = flags.files;
  if (files.empty()) files.push_back("-");
  int status = kExitOk;
  for (const std::string& file : files) {
    ReadHints hints;
    hints.url = flags.url;
    hints.path = file == "-" ? "" : file;
    hints.max_bytes = flags.max_bytes;
    Article a;
    // ReadInput inflates gzip under the same cap; the reader checks plain input.
    ReadResult in = ReadInput(file, flags.max_bytes);
    if (!in.ok) {
      a.error = in.error;
    } else {
      a = reader.Read(in.data, hints);
    }
    if (!a.ok()) status = kExitFailure;
    const std::string source = file == "-" ? "-" : file;
    if (flags.format == "text") {
      if (!a.ok()) {
        std::cerr << "dateline read: " << a.error << "\n";
        continue;
      }
      std::cout << a.title << "\n"
                << (a.published.empty() ? "(no date)" : a.published) << "\n\n"
                << a.text << "\n";
      if (files.size() > 1) std::cout << "\n";
    } else {
      nlohmann::json j = ToJson(source, a);
      std::cout << (flags.format == "json"
                        ? j.dump(2)
                        : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
                << "\n";
      if (!a.ok()) std::cerr << "dateline read: " << a.error << "\n";
    }
    for (const std::string& w : a.warnings) std::cerr << "dateline read: warning: " << w << "\n";
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
      ->check(CLI::PositiveNumber);
  sub->add_option("files", flags->files, "Files to read (standard input when none)");
  sub->callback([flags] { SetExitStatus(Run(*flags)); });
});

}  // namespace dateline::cli
