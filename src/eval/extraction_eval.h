// Scoring of main-text extraction against WCXB-style gold data: word-level
// precision, recall and F1 per page (lower-case words of text/words.h, multiset
// overlap), means over all pages and per page type, and the share of pages
// whose output keeps every "with" snippet and drops every "without" one.
#ifndef DATELINE_EVAL_EXTRACTION_EVAL_H_
#define DATELINE_EVAL_EXTRACTION_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::eval {

struct WordScore {
  double precision = 0, recall = 0, f1 = 0;
};

// Multiset overlap of the tokens. An empty gold scores 1 when the system
// output is empty too, else 0.
WordScore ScoreWords(std::string_view system, std::string_view gold);

// True when `snippet` occurs in `text`, compared on lower-case tokens joined
// by single spaces (so punctuation and line breaks do not matter).
bool ContainsSnippet(std::string_view text, std::string_view snippet);

// One gold page of a WCXB folder.
struct ExtractionGold {
  std::string id;         // file stem, "0001"
  std::string html_path;  // DIR/html/<id>.html.gz
  std::string url;
  std::string page_type;  // "article", "forum", ...
  std::string main_content;
  std::vector<std::string> with, without;
};

// Loads DIR/ground-truth/*.json in name order. Files that cannot be parsed
// are reported in `errors` ("PATH: reason") and skipped.
std::vector<ExtractionGold> LoadWcxb(const std::string& dir, std::vector<std::string>& errors);

struct TypeSummary {
  int pages = 0;
  double mean_f1 = 0;
};

struct ExtractionReport {
  int pages = 0;
  double mean_f1 = 0, mean_precision = 0, mean_recall = 0;
  std::map<std::string, TypeSummary> by_type;
  double article_f1 = 0;  // by_type["article"].mean_f1, 0 when none
  // Share of pages (among those with snippets) that keep all "with"
  // snippets / contain none of the "without" snippets.
  double with_rate = 0, without_rate = 0;
};

// Accumulates page scores.
class ExtractionScorer {
 public:
  // Scores one page and returns its word score.
  WordScore Add(const ExtractionGold& gold, std::string_view system_text);
  ExtractionReport Report() const;

 private:
  struct Page {
    std::string type;
    WordScore score;
    int with_ok = -1, without_ok = -1;  // -1 when the page has no snippets
  };
  std::vector<Page> pages_;
};

}  // namespace dateline::eval

#endif  // DATELINE_EVAL_EXTRACTION_EVAL_H_
