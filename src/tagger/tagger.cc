#include "dateline/tagger.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "tagger/anchor.h"
#include "tagger/embedded_rules.h"
#include "tagger/rule_set.h"
#include "text/fold.h"

namespace dateline {
namespace {

// Text is folded and scanned in chunks of about this size, cut at a line or
// sentence end, so scratch memory stays small whatever the input's size.
constexpr size_t kChunkSize = size_t{1} << 20;
constexpr size_t kDetectionPrefix = 4096;

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

std::map<std::string, LanguageSpec> ParseFiles(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::map<std::string, LanguageSpec> specs;
  for (const auto& [path, text] : files) {
    const size_t slash = path.find('/');
    if (slash == std::string::npos) continue;  // rules sit in one folder per language
    const std::string language = path.substr(0, slash);
    LanguageSpec& spec = specs[language];
    spec.language = language;
    ParseRuleFile(path, text, spec);
  }
  return specs;
}

}  // namespace

std::optional<Dct> ParseDct(std::string_view text) {
  auto digits = [&](size_t pos, size_t n, int& out) {
    if (pos + n > text.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  Dct dct;
  if (!digits(0, 4, dct.date.year) || text.size() < 10 || text[4] != '-' || text[7] != '-' ||
      !digits(5, 2, dct.date.month) || !digits(8, 2, dct.date.day) ||
      !IsValidDate(dct.date.year, dct.date.month, dct.date.day)) {
    return std::nullopt;
  }
  if (text.size() == 10) return dct;
  if ((text[10] != 'T' && text[10] != ' ') || text.size() < 16 || text[13] != ':' ||
      !digits(11, 2, dct.hour) || !digits(14, 2, dct.minute) || dct.hour > 23 || dct.minute > 59) {
    return std::nullopt;
  }
  if (text.size() == 16) return dct;
  if (text.size() != 19 || text[16] != ':' || !digits(17, 2, dct.second) || dct.second > 59) {
    return std::nullopt;
  }
  return dct;
}

struct Tagger::Impl {
  std::map<std::string, std::unique_ptr<RuleSet>> languages;

  explicit Impl(const std::vector<std::pair<std::string, std::string>>& files) {
    for (auto& [language, spec] : ParseFiles(files)) {
      languages[language] = std::make_unique<RuleSet>(spec);
    }
    if (languages.empty()) throw RuleError("no rule files found");
  }
};

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::~Tagger() = default;

std::unique_ptr<Tagger> Tagger::Create() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedRuleFile& f : EmbeddedRuleFiles()) {
    files.emplace_back(std::string(f.path), std::string(f.text));
  }
  return std::unique_ptr<Tagger>(new Tagger(std::make_unique<Impl>(files)));
}

std::unique_ptr<Tagger> Tagger::CreateFromDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw RuleError(dir + ": not a directory");
  std::vector<std::pair<std::string, std::string>> files;
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
  return std::unique_ptr<Tagger>(new Tagger(std::make_unique<Impl>(files)));
}

std::vector<std::string> Tagger::Languages() const {
  std::vector<std::string> out;
  for (const auto& [language, unused] : impl_->languages) out.push_back(language);
  return out;
}

std::string Tagger::DetectLanguage(std::string_view text) const {
  const std::string folded = FoldString(text.substr(0, std::min(text.size(), kDetectionPrefix)));
  std::string best = impl_->languages.begin()->first;
  int best_count = 0;
  for (const auto& [language, rules] : impl_->languages) {
    const int count = rules->CountDetectionWords(folded);
    if (count > best_count) best = language, best_count = count;
  }
  return best;
}

std::vector<TimeExpression> Tagger::Tag(std::string_view text, const TagOptions& options) const {
  const std::string language = options.language == "auto" || options.language.empty()
                                   ? DetectLanguage(text)
                                   : options.language;
  auto it = impl_->languages.find(language);
  if (it == impl_->languages.end()) {
    throw std::invalid_argument("no rules for language '" + language + "'");
  }
  const int dct_year = options.dct ? options.dct->date.year : 0;
  // Each chunk is scanned and anchored before the next, so scratch space
  // stays the size of a chunk whatever the size of the text.
  std::vector<Partial> partials;
  std::vector<TimeExpression> expressions;
  DocumentAnchor anchor(options.dct, options.mode);
  FoldedText folded;
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = ChunkEnd(text, begin);
    FoldText(text.substr(begin, end - begin), static_cast<uint32_t>(begin), folded);
    partials.clear();
    it->second->Scan(folded, dct_year, partials);
    anchor.Anchor(partials, expressions);
    begin = end;
  }
  return expressions;
}

}  // namespace dateline
