#include "tagger/language_rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tagger/anchor.h"
#include "tagger/embedded_rules.h"
#include "tagger/rule_file.h"
#include "text/fold.h"

namespace dateline {
namespace {

// Text is folded and scanned in chunks of about this size, cut at a line or
// sentence end, so scratch memory stays small whatever the input's size.
constexpr size_t kChunkSize = size_t{1} << 20;

// The end of the chunk starting at `begin`: the last newline, else sentence
// end, else blank in the chunk's final quarter; a hard cut (moved back to a
// character boundary) when there is none.
size_t ChunkEnd(std::string_view text, size_t begin) {
  if (text.size() - begin <= kChunkSize) return text.size();
  const size_t limit = begin + kChunkSize;
  const size_t floor = limit - kChunkSize / 4;
  for (const char* seps : {"\n", ".!?", " \t"}) {
    for (size_t i = limit; i > floor; --i) {
      if (std::string_view(seps).find(text[i - 1]) != std::string_view::npos) return i;
    }
  }
  size_t cut = limit;
  while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut > begin ? cut : limit;
}

}  // namespace

RuleFileTexts EmbeddedRuleTexts() {
  RuleFileTexts files;
  for (const EmbeddedRuleFile& f : EmbeddedRuleFiles()) {
    files.emplace_back(std::string(f.path), std::string(f.text));
  }
  return files;
}

RuleFileTexts ReadRuleDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw RuleError(dir + ": not a directory");
  RuleFileTexts files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".rules") continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) throw RuleError(it->path().string() + ": cannot read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    files.emplace_back(fs::relative(it->path(), dir).generic_string(), buffer.str());
  }
  if (ec) throw RuleError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

std::map<std::string, std::unique_ptr<RuleSet>> CompileLanguages(const RuleFileTexts& files) {
  std::map<std::string, LanguageSpec> specs;
  for (const auto& [path, text] : files) {
    const size_t slash = path.find('/');
    if (slash == std::string::npos) continue;  // rules sit in one folder per language
    const std::string language = path.substr(0, slash);
    LanguageSpec& spec = specs[language];
    spec.language = language;
    ParseRuleFile(path, text, spec);
  }
  std::map<std::string, std::unique_ptr<RuleSet>> languages;
  for (auto& [language, spec] : specs) languages[language] = std::make_unique<RuleSet>(spec);
  if (languages.empty()) throw RuleError("no rule files found");
  return languages;
}

void TagText(const RuleSet& rules, std::string_view text, const TagOptions& options,
             const ScanControl* control, std::vector<TimeExpression>& out) {
  const int dct_year = options.dct ? options.dct->date.year : 0;
  ScanTrace* trace = control != nullptr ? control->trace : nullptr;
  // Each chunk is scanned and anchored before the next, so scratch space
  // stays the size of a chunk whatever the size of the text.
  std::vector<Partial> partials;
  DocumentAnchor anchor(options.dct, options.mode);
  FoldedText folded;
  ScanTrace chunk_trace;
  ScanControl chunk_control;
  if (control != nullptr) chunk_control = *control;
  chunk_control.trace = &chunk_trace;
  std::vector<Partial> one(1);
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = ChunkEnd(text, begin);
    FoldText(text.substr(begin, end - begin), static_cast<uint32_t>(begin), folded);
    partials.clear();
    if (trace == nullptr) {
      rules.Scan(folded, dct_year, options.mode, partials, control);
      anchor.Anchor(partials, out);
    } else {
      // Partial by partial, to keep the trace parallel to what is emitted.
      chunk_trace = ScanTrace();
      rules.Scan(folded, dct_year, options.mode, partials, &chunk_control);
      for (size_t i = 0; i < partials.size(); ++i) {
        one[0] = partials[i];
        const size_t before = out.size();
        anchor.Anchor(one, out);
        if (out.size() > before) trace->partials.push_back(std::move(chunk_trace.partials[i]));
      }
      for (ClaimTrace& claim : chunk_trace.claims) trace->claims.push_back(claim);
    }
    begin = end;
  }
}

}  // namespace dateline
