#include "pipeline/dating.h"

namespace dateline {

std::optional<TimexValue> ExpressionDay(const TimeExpression& e) {
  if (e.type != TimexType::kDate && e.type != TimexType::kTime) return std::nullopt;
  if (!e.mod.empty() && e.mod != "APPROX") return std::nullopt;
  const auto value = TimexValue::Parse(e.value);
  if (!value || value->kind() != TimexValue::Kind::kPoint || value->is_bc()) return std::nullopt;
  if (value->month() < 1 || value->day() < 1) return std::nullopt;
  if (auto date = value->date()) return TimexValue::Day(*date);
  if (value->year_text() == "XXXX") return TimexValue::Parse(e.value.substr(0, 10));
  return std::nullopt;
}

}  // namespace dateline
