#include "eval/extraction_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "text/words.h"

namespace dateline::eval {
namespace {

std::string JoinTokens(std::string_view text) {
  std::string out;
  for (const std::string& t : Words(text, WordForm::kLower)) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

}  // namespace

WordScore ScoreWords(std::string_view system, std::string_view gold) {
  std::vector<std::string> sys = Words(system, WordForm::kLower),
                           ref = Words(gold, WordForm::kLower);
  WordScore s;
  if (ref.empty()) {
    s.precision = s.recall = s.f1 = sys.empty() ? 1.0 : 0.0;
    return s;
  }
  if (sys.empty()) return s;
  std::unordered_map<std::string, int> counts;
  for (const std::string& t : ref) ++counts[t];
  size_t common = 0;
  for (const std::string& t : sys) {
    auto it = counts.find(t);
    if (it != counts.end() && it->second > 0) --it->second, ++common;
  }
  s.precision = static_cast<double>(common) / sys.size();
  s.recall = static_cast<double>(common) / ref.size();
  s.f1 = common ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  return s;
}

bool ContainsSnippet(std::string_view text, std::string_view snippet) {
  std::string needle = JoinTokens(snippet);
  if (needle.empty()) return true;
  std::string hay = " " + JoinTokens(text) + " ";
  return hay.find(" " + needle + " ") != std::string::npos;
}

std::vector<ExtractionGold> LoadWcxb(const std::string& dir, std::vector<std::string>& errors) {
  namespace fs = std::filesystem;
  std::vector<ExtractionGold> out;
  std::vector<fs::path> files;
  std::error_code ec;
  fs::path gt = fs::path(dir) / "ground-truth";
  for (fs::directory_iterator it(gt, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) errors.push_back(gt.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("ground_truth")) {
      errors.push_back(f.string() + ": not a WCXB ground-truth file");
      continue;
    }
    ExtractionGold g;
    g.id = f.stem().string();
    g.html_path = (fs::path(dir) / "html" / (g.id + ".html.gz")).string();
    g.url = j.value("url", "");
    const auto& gt_obj = j["ground_truth"];
    try {
      g.page_type = j.at("_internal").at("page_type").at("primary").get<std::string>();
    } catch (const std::exception&) {
      g.page_type = "unknown";
    }
    if (gt_obj.contains("main_content") && gt_obj["main_content"].is_string()) {
      g.main_content = gt_obj["main_content"].get<std::string>();
    }
    for (const char* key : {"with", "without"}) {
      if (!gt_obj.contains(key) || !gt_obj[key].is_array()) continue;
      for (const auto& s : gt_obj[key]) {
        if (s.is_string()) (key[4] ? g.without : g.with).push_back(s.get<std::string>());
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

WordScore ExtractionScorer::Add(const ExtractionGold& gold, std::string_view system_text) {
  Page p;
  p.type = gold.page_type;
  p.score = ScoreWords(system_text, gold.main_content);
  if (!gold.with.empty()) {
    p.with_ok = std::all_of(gold.with.begin(), gold.with.end(),
                            [&](const std::string& s) { return ContainsSnippet(system_text, s); });
  }
  if (!gold.without.empty()) {
    p.without_ok =
        std::none_of(gold.without.begin(), gold.without.end(),
                     [&](const std::string& s) { return ContainsSnippet(system_text, s); });
  }
  pages_.push_back(p);
  return p.score;
}

ExtractionReport ExtractionScorer::Report() const {
  ExtractionReport r;
  r.pages = static_cast<int>(pages_.size());
  int with_n = 0, with_ok = 0, without_n = 0, without_ok = 0;
  for (const Page& p : pages_) {
    r.mean_f1 += p.score.f1;
    r.mean_precision += p.score.precision;
    r.mean_recall += p.score.recall;
    TypeSummary& t = r.by_type[p.type];
    ++t.pages;
    t.mean_f1 += p.score.f1;
    if (p.with_ok >= 0) ++with_n, with_ok += p.with_ok;
    if (p.without_ok >= 0) ++without_n, without_ok += p.without_ok;
  }
  if (r.pages) {
    r.mean_f1 /= r.pages, r.mean_precision /= r.pages, r.mean_recall /= r.pages;
  }
  for (auto& [type, t] : r.by_type) t.mean_f1 /= t.pages;
  if (auto it = r.by_type.find("article"); it != r.by_type.end()) r.article_f1 = it->second.mean_f1;
  r.with_rate = with_n ? static_cast<double>(with_ok) / with_n : 0;
  r.without_rate = without_n ? static_cast<double>(without_ok) / without_n : 0;
  return r;
}

}  // namespace dateline::eval
