// The rule report: what each rule, lexicon entry and tense cue of one
// language does on TimeML dev sets (how often it fires, how often it is
// right) and on unlabelled text (how often and in how many documents it
// fires), and, on request, what leaving each rule out changes on the dev
// sets. It is the audit behind docs/rules.md ("Auditing the rules"): a rule
// that fires in one document only, or whose whole effect is one dev
// expression, is fitted to that document until shown otherwise.
//
//   RuleTracer tracer("");
//   RuleStatsReport report = BuildRuleStats(tracer, "fr", sets, options);
//   WriteRuleStats(report, std::cout);
#ifndef DATELINE_EVAL_RULE_STATS_H_
#define DATELINE_EVAL_RULE_STATS_H_

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "dateline/tagger.h"
#include "tagger/rule_tracer.h"

namespace dateline::eval {

// One folder of texts the report covers.
struct RuleStatsSet {
  std::string name;  // column prefix, e.g. "fr-timebank-dev"
  std::string dir;
  // Labelled: TimeML files (*.tml, gold TIMEX3 and DCT). Unlabelled: plain
  // text (*.txt), its DCT taken from the nearest folder named YYYY-MM-DD on
  // its path (none when there is no such folder).
  bool labelled = true;
  AnchorMode mode = AnchorMode::kNews;
};

struct RuleStatsOptions {
  bool ablate = false;  // measure each rule by re-tagging without it
  int threads = 0;      // 0: one per hardware thread
};

// What one key did on one set. A key is a rule ("rule fr.date.full"), a
// negative rule's claims ("claim fr.neg.aged"), a lexicon spelling ("lexicon
// weekday:mardi") or a tense cue's text ("cue past:ont ete").
struct KeyCounts {
  int64_t fired = 0;      // expressions it took part in (claims for a negative rule)
  int64_t documents = 0;  // distinct documents it fired in
  // Labelled sets only. For expressions: overlapping a gold span, and with
  // its value too. For claims: overlapping a gold span (a true expression
  // the claim hid).
  int64_t relaxed = 0;
  int64_t value = 0;
  // Rules, labelled sets, with ablation: value matches and false alarms
  // with the rule minus without it (a rule that helps has value_gain > 0 or
  // false_gain < 0), and the number of gold or system expressions whose
  // outcome changes.
  int64_t value_gain = 0;
  int64_t false_gain = 0;
  int64_t system_gain = 0;  // system expressions with the rule minus without
  int64_t changed = 0;
};

struct RuleStatsReport {
  std::string language;
  std::vector<RuleStatsSet> sets;
  bool ablated = false;
  // key -> one KeyCounts per set, in `sets` order. Every rule of the
  // language has a row, fired or not.
  std::map<std::string, std::vector<KeyCounts>> rows;
  // Per set, the scores of the whole tagger (labelled sets; zero otherwise).
  std::vector<int64_t> gold, system, value;
  std::vector<std::string> failures;  // files that could not be read or parsed
};

// Tags every document of `sets` with `tracer`'s rules for `language`.
RuleStatsReport BuildRuleStats(const RuleTracer& tracer, const std::string& language,
                               const std::vector<RuleStatsSet>& sets,
                               const RuleStatsOptions& options);

// The value F1 (in points) that a rule adds on labelled set `set`: the
// tagger's value F1 minus its value F1 without the rule. 0 unless ablated.
double RuleValueF1Gain(const RuleStatsReport& report, const std::string& key, size_t set);

// The flags of a row: "silent" (never fires), "one-doc" (fires in one
// document over all sets), "one-expr" (ablated, fires on the labelled sets:
// its whole effect there is at most one expression, and it fires in fewer
// than two unlabelled documents), "harmful" (ablated: the value F1 gains
// over the labelled sets sum to less than zero). Space-separated, "" when
// none.
std::string RuleStatsFlags(const RuleStatsReport& report, const std::string& key);

// A tab-separated table with a header line: key kind, key, per set
// fired/docs (and rel/val, and, ablated, dval/dfalse/changed/dF1 on
// labelled sets), then the flags.
void WriteRuleStats(const RuleStatsReport& report, std::ostream& out);

}  // namespace dateline::eval

#endif  // DATELINE_EVAL_RULE_STATS_H_
