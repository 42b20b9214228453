#include "dateline/tagger.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "tagger/language_rules.h"
#include "tagger/rule_set.h"
#include "text/fold.h"

namespace dateline {
namespace {

constexpr size_t kDetectionPrefix = 4096;

}  // namespace

struct Tagger::Impl {
  std::map<std::string, std::unique_ptr<RuleSet>> languages;
};

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::~Tagger() = default;

StatusOr<std::unique_ptr<Tagger>> Tagger::Create(const LanguageRegistry& languages) {
  auto compiled = CompileLanguages(languages);
  if (!compiled.ok()) return compiled.status();
  auto impl = std::make_unique<Impl>();
  impl->languages = std::move(*compiled);
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
  TagText(*it->second, text, options, nullptr,
          [&](std::vector<TimeExpression>& expressions) { sink(text, expressions); });
  return Status::Ok();
}

}  // namespace dateline
