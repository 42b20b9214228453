#include "tagger/rule_tracer.h"

#include <iterator>
#include <stdexcept>

#include "tagger/language_rules.h"
#include "tagger/rule_error.h"
#include "tagger/rule_set.h"

namespace dateline {

RuleTracer::RuleTracer(const std::string& rules_dir) {
  std::shared_ptr<const LanguageRegistry> registry;
  if (rules_dir.empty()) {
    registry = LanguageRegistry::BuiltInShared();
  } else {
    auto loaded = LanguageRegistry::FromDirectory(rules_dir);
    if (!loaded.ok()) throw RuleError(loaded.status().message());
    registry = *loaded;
  }
  auto compiled = CompileLanguages(*registry);
  if (!compiled.ok()) throw RuleError(compiled.status().message());
  languages_ = std::move(*compiled);
}

RuleTracer::~RuleTracer() = default;

RuleTracer::Result RuleTracer::Trace(std::string_view text, const TagOptions& options,
                                     const std::vector<bool>* disabled) const {
  auto it = languages_.find(options.language);
  if (it == languages_.end()) {
    throw std::invalid_argument("no rules for language '" + options.language + "'");
  }
  Result result;
  ScanControl control;
  control.disabled = disabled;
  control.trace = &result.trace;
  TagText(*it->second, text, options, &control, [&](std::vector<TimeExpression>& expressions) {
    result.expressions.insert(result.expressions.end(),
                              std::make_move_iterator(expressions.begin()),
                              std::make_move_iterator(expressions.end()));
  });
  return result;
}

std::vector<std::string> RuleTracer::Languages() const {
  std::vector<std::string> out;
  for (const auto& [language, unused] : languages_) out.push_back(language);
  return out;
}

std::vector<std::string_view> RuleTracer::RuleNames(const std::string& language) const {
  std::vector<std::string_view> names;
  auto it = languages_.find(language);
  if (it == languages_.end()) return names;
  for (size_t i = 0; i < it->second->rule_count(); ++i) names.push_back(it->second->rule_name(i));
  return names;
}

}  // namespace dateline
