// Rendering of tagged text: inline `<d>VALUE</d>`, TimeML and JSON lines.
#ifndef DATELINE_TOOLS_TAGGER_OUTPUT_H_
#define DATELINE_TOOLS_TAGGER_OUTPUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "dateline/tagger.h"

namespace dateline::cli {

enum class OutputFormat { kInline, kTimeMl, kJsonl };
OutputFormat ParseOutputFormat(const std::string& name);

// `source` names the input in JSON lines (the "source" field).
std::string FormatExpressions(std::string_view text, const std::vector<TimeExpression>& expressions,
                              OutputFormat format, const std::string& source);

}  // namespace dateline::cli

#endif  // DATELINE_TOOLS_TAGGER_OUTPUT_H_
