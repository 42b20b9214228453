#include "dateline/tagger.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "tagger/anchor.h"
#include "tagger/rule_error.h"
#include "tagger/rule_set.h"
#include "text/fold.h"
#include "text/utf8.h"

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

}  // namespace

struct Tagger::Impl {
  std::map<std::string, std::unique_ptr<RuleSet>> languages;
};

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::~Tagger() = default;

StatusOr<std::unique_ptr<Tagger>> Tagger::Create(const LanguageRegistry& languages) {
  auto impl = std::make_unique<Impl>();
  try {
    for (const LanguagePack& pack : languages.packs()) {
      if (!pack.has_tagger_rules()) continue;
      LanguageSpec spec;
      spec.language = pack.code();
      for (const auto& [path, text] : pack.rule_files()) ParseRuleFile(path, text, spec);
      impl->languages[pack.code()] = std::make_unique<RuleSet>(spec);
    }
  } catch (const RuleError& e) {
    return Status::InvalidArgument(e.what());
  }
  if (impl->languages.empty()) return Status::InvalidArgument("no rule files found");
  return std::unique_ptr<Tagger>(new Tagger(std::move(impl)));
}

std::unique_ptr<Tagger> Tagger::Create() {
  StatusOr<std::unique_ptr<Tagger>> tagger = Create(LanguageRegistry::BuiltIn());
  if (!tagger.ok()) {
    std::fprintf(stderr, "dateline: built-in rules: %s\n", tagger.status().message().c_str());
    std::abort();
  }
  return std::move(tagger).value();
}

StatusOr<std::unique_ptr<Tagger>> Tagger::CreateFromDirectory(const std::string& dir) {
  auto languages = LanguageRegistry::FromDirectory(dir);
  if (!languages.ok()) return languages.status();
  return Create(**languages);
}

std::vector<std::string> Tagger::Languages() const {
  std::vector<std::string> out;
  for (const auto& [language, unused] : impl_->languages) out.push_back(language);
  return out;
}

std::string Tagger::GuessLanguage(std::string_view text) const {
  const std::string folded = FoldString(text.substr(0, std::min(text.size(), kDetectionPrefix)));
  std::string best;
  int best_count = 0;
  for (const auto& [language, rules] : impl_->languages) {
    const int count = rules->CountDetectionWords(folded);
    if (count > best_count) best = language, best_count = count;
  }
  return best;
}

StatusOr<std::vector<TimeExpression>> Tagger::Tag(std::string_view text,
                                                  const TagOptions& options) const {
  std::vector<TimeExpression> all;
  const Status status =
      Tag(text, options, [&all](std::string_view, std::vector<TimeExpression>& chunk) {
        if (all.empty()) {
          all = std::move(chunk);
        } else {
          all.insert(all.end(), std::make_move_iterator(chunk.begin()),
                     std::make_move_iterator(chunk.end()));
        }
      });
  if (!status.ok()) return status;
  return all;
}

Status Tagger::Tag(std::string_view text, const TagOptions& options,
                   const ExpressionSink& sink) const {
  const bool guess = options.language == "auto" || options.language.empty();
  const std::string language = guess ? GuessLanguage(text) : options.language;
  auto it = impl_->languages.find(language);
  if (it == impl_->languages.end()) {
    std::string known;
    for (const std::string& l : Languages()) known += (known.empty() ? "" : ", ") + l;
    return Status::InvalidArgument(
        guess ? "cannot tell the language of the text (none of " + known + "); give it"
              : "no tagger rules for language '" + language + "' (tagged: " + known + ")");
  }
  if (text.size() > UINT32_MAX) {
    return Status::TooLarge("text of " + std::to_string(text.size()) +
                            " bytes: the tagger takes at most 4 GiB at a time");
  }
  const int dct_year = options.dct ? options.dct->date.year : 0;
  // Each chunk is scanned and anchored before the next, so scratch space
  // stays the size of a chunk whatever the size of the text.
  std::vector<Partial> partials;
  std::vector<TimeExpression> expressions;
  DocumentAnchor anchor(options.dct, options.mode);
  FoldedText folded;
  CodePointCounter code_points(text);
  for (size_t begin = 0; begin < text.size();) {
    const size_t end = ChunkEnd(text, begin);
    FoldText(text.substr(begin, end - begin), static_cast<uint32_t>(begin), folded);
    partials.clear();
    it->second->Scan(folded, dct_year, partials);
    expressions.clear();
    anchor.Anchor(partials, expressions);
    // Code points are counted as the chunks go, so the text is walked once
    // and no index of it is kept.
    for (TimeExpression& e : expressions) {
      e.cp_begin = code_points.At(e.begin);
      e.cp_end = code_points.At(e.end);
    }
    if (!expressions.empty()) sink(text, expressions);
    begin = end;
  }
  return Status::Ok();
}

}  // namespace dateline
