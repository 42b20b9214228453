#include "dateline/tagger.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "tagger/language_rules.h"
#include "tagger/rule_set.h"
#include "text/fold.h"

namespace dateline {
namespace {

constexpr size_t kDetectionPrefix = 4096;

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

  explicit Impl(const RuleFileTexts& files) : languages(CompileLanguages(files)) {}
};

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::~Tagger() = default;

std::unique_ptr<Tagger> Tagger::Create() {
  return std::unique_ptr<Tagger>(new Tagger(std::make_unique<Impl>(EmbeddedRuleTexts())));
}

std::unique_ptr<Tagger> Tagger::CreateFromDirectory(const std::string& dir) {
  return std::unique_ptr<Tagger>(new Tagger(std::make_unique<Impl>(ReadRuleDirectory(dir))));
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
  std::vector<TimeExpression> expressions;
  TagText(*it->second, text, options, nullptr, expressions);
  return expressions;
}

}  // namespace dateline
