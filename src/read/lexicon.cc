#include "read/lexicon.h"

#include <algorithm>

#include "read/date_parse.h"

namespace dateline::read {
namespace {

void AddUnique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const std::string& s : from) {
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
  }
}

}  // namespace

Lexicon::Lexicon(const LanguageRegistry& languages) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  debris_ = std::make_unique<RE2::Set>(options, RE2::ANCHOR_BOTH);
  for (const LanguagePack& pack : languages.packs()) {
    for (const MonthName& m : pack.month_names()) {
      if (months_.emplace(m.name, m.month).second) month_names_.push_back(m.name);
    }
    AddUnique(published_, pack.published_labels());
    AddUnique(modified_, pack.modified_labels());
    AddUnique(published_after_, pack.published_labels_after());
    AddUnique(modified_after_, pack.modified_labels_after());
    for (const DebrisPattern& d : pack.debris()) {
      // A pattern that does not compile never matches (the registry's tests
      // compile every built-in one).
      if (debris_->Add(d.pattern, nullptr) >= 0) debris_effects_.push_back(d.effect);
    }
    function_words_.insert(pack.stopwords().begin(), pack.stopwords().end());
  }
  // Longest names first so that "sept" wins over "sep" and "juillet" over "juil".
  std::stable_sort(month_names_.begin(), month_names_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  text_dates_ = std::make_unique<RE2>(TextDatePattern(*this));
  if (!debris_->Compile()) debris_effects_.clear();
}

bool Lexicon::MatchDebris(std::string_view line, DebrisPattern::Effect& effect) const {
  if (debris_effects_.empty()) return false;
  std::vector<int> matched;
  if (!debris_->Match(line, &matched) || matched.empty()) return false;
  effect = debris_effects_[static_cast<size_t>(*std::min_element(matched.begin(), matched.end()))];
  return true;
}

const Lexicon& Lexicon::BuiltIn() {
  static const Lexicon* lexicon = new Lexicon(LanguageRegistry::BuiltIn());
  return *lexicon;
}

int Lexicon::Month(std::string_view lower_name) const {
  auto it = months_.find(std::string(lower_name));
  return it == months_.end() ? 0 : it->second;
}

}  // namespace dateline::read
