#include "corpus/dating.h"

#include <cstdio>

#include "dateline/timex.h"

namespace dateline {
namespace {

std::string TwoDigits(int v) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

}  // namespace

std::string ExpressionDay(const TimeExpression& e) {
  if (e.type != TimexType::kDate && e.type != TimexType::kTime) return "";
  if (!e.mod.empty() && e.mod != "APPROX") return "";
  const auto value = TimexValue::Parse(e.value);
  if (!value || value->kind() != TimexValue::Kind::kPoint || value->is_bc()) return "";
  if (value->month() < 1 || value->day() < 1) return "";
  if (auto date = value->date()) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date->year, date->month, date->day);
    return buf;
  }
  if (value->year_text() == "XXXX") {
    return "XXXX-" + TwoDigits(value->month()) + "-" + TwoDigits(value->day());
  }
  return "";
}

std::string DayOf(std::string_view value) {
  if (value.size() < 10) return "";
  const auto parsed = TimexValue::Parse(value.substr(0, 10));
  if (!parsed || !parsed->date()) return "";
  return std::string(value.substr(0, 10));
}

}  // namespace dateline
