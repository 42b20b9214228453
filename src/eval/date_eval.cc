#include "eval/date_eval.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace dateline::eval {

bool LoadDateGold(const std::string& path, std::vector<DateGold>& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = path + ": not a JSON object of {url: {file, date}}";
    return false;
  }
  std::filesystem::path base = std::filesystem::path(path).parent_path();
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!it->is_object() || !it->contains("file") || !(*it)["file"].is_string()) {
      error = path + ": entry " + it.key() + " has no \"file\"";
      return false;
    }
    DateGold g;
    g.url = it.key();
    g.file = (base / (*it)["file"].get<std::string>()).string();
    if (it->contains("date") && (*it)["date"].is_string())
      g.date = (*it)["date"].get<std::string>();
    out.push_back(std::move(g));
  }
  return true;
}

void DateCounts::Add(std::string_view system, std::string_view gold) {
  std::string_view sys_day = system.substr(0, 10);
  std::string_view gold_day = gold.substr(0, 10);
  if (gold_day.empty()) {
    sys_day.empty() ? ++tn : ++fp;
  } else if (sys_day.empty()) {
    ++fn;
  } else {
    sys_day == gold_day ? ++tp : ++fp;
  }
}

double DateCounts::accuracy() const { return pages() ? static_cast<double>(tp + tn) / pages() : 0; }
double DateCounts::precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0; }
double DateCounts::recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0; }
double DateCounts::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

}  // namespace dateline::eval
