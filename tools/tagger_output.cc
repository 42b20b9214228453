#include "tagger_output.h"

#include <nlohmann/json.hpp>

#include "text/escape.h"
#include "text/utf8.h"

namespace dateline::cli {
namespace {

std::string Inline(std::string_view text, const std::vector<TimeExpression>& expressions) {
  std::string out;
  size_t pos = 0;
  for (const TimeExpression& e : expressions) {
    out.append(text.substr(pos, e.begin - pos));
    out += "<d>" + e.value + "</d>";
    pos = e.end;
  }
  out.append(text.substr(pos));
  return out;
}

std::string TimeMl(std::string_view text, const std::vector<TimeExpression>& expressions) {
  std::string out;
  size_t pos = 0;
  int tid = 1;
  for (const TimeExpression& e : expressions) {
    out += EscapeMarkup(text.substr(pos, e.begin - pos));
    out += "<TIMEX3 tid=\"t" + std::to_string(tid++) + "\" type=\"" +
           std::string(TimexTypeName(e.type)) + "\" value=\"" + e.value + "\"";
    if (!e.mod.empty()) out += " mod=\"" + e.mod + "\"";
    if (!e.quant.empty()) out += " quant=\"" + e.quant + "\"";
    if (!e.freq.empty()) out += " freq=\"" + e.freq + "\"";
    out += ">" + EscapeMarkup(text.substr(e.begin, e.end - e.begin)) + "</TIMEX3>";
    pos = e.end;
  }
  out += EscapeMarkup(text.substr(pos));
  return out;
}

std::string Jsonl(std::string_view text, const std::vector<TimeExpression>& expressions,
                  const std::string& source) {
  const CodePointIndex index(text);
  std::string out;
  for (const TimeExpression& e : expressions) {
    nlohmann::ordered_json j;
    j["source"] = source;
    j["begin"] = index.ToCodePoint(e.begin);
    j["end"] = index.ToCodePoint(e.end);
    j["text"] = std::string(text.substr(e.begin, e.end - e.begin));
    j["type"] = std::string(TimexTypeName(e.type));
    j["value"] = e.value;
    if (!e.mod.empty()) j["mod"] = e.mod;
    if (!e.quant.empty()) j["quant"] = e.quant;
    if (!e.freq.empty()) j["freq"] = e.freq;
    out += j.dump() + "\n";
  }
  return out;
}

}  // namespace

OutputFormat ParseOutputFormat(const std::string& name) {
  if (name == "timeml") return OutputFormat::kTimeMl;
  if (name == "jsonl") return OutputFormat::kJsonl;
  return OutputFormat::kInline;
}

std::string FormatExpressions(std::string_view text, const std::vector<TimeExpression>& expressions,
                              OutputFormat format, const std::string& source) {
  switch (format) {
    case OutputFormat::kTimeMl:
      return TimeMl(text, expressions);
    case OutputFormat::kJsonl:
      return Jsonl(text, expressions, source);
    default:
      return Inline(text, expressions);
  }
}

}  // namespace dateline::cli
