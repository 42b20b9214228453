#include "eval/tls_loto.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

namespace dateline::eval {
namespace {

std::string TopicOf(const TlsPreparedTask& t) { return t.language + "/" + t.task.topic; }

// The values of all knobs, as a cache key.
std::string Key(const TlsConfig& config, const std::vector<TlsKnob>& knobs) {
  std::string key;
  for (const TlsKnob& k : knobs) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s=%g ", k.name.c_str(), k.get(config));
    key += buf;
  }
  return key;
}

// A value must win on this many more of the other topics than it loses:
// with seven topics, a 4-3 split is what noise gives; 4-2 (or 2-0 with the
// rest unchanged) is a pattern.
constexpr int kMargin = 2;

class Evaluator {
 public:
  Evaluator(const std::vector<const TlsPreparedTask*>& tasks,
            const std::vector<TlsScores>& baseline, const std::vector<TlsKnob>& knobs,
            const std::function<void(const std::string&)>& progress)
      : tasks_(tasks), baseline_(baseline), knobs_(knobs), progress_(progress) {}

  // Scores of every task with `config` (computed once per config).
  const std::vector<TlsScores>& Scores(const TlsConfig& config) {
    const std::string key = Key(config, knobs_);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    std::vector<TlsScores> scores;
    for (const TlsPreparedTask* t : tasks_) scores.push_back(ScoreTask(*t, config));
    if (progress_) progress_("config " + std::to_string(cache_.size() + 1) + ": " + key);
    return cache_.emplace(key, std::move(scores)).first->second;
  }

  // Per topic in `topics`, the ratio of date F1 (or AR1) with `config` to
  // the count baseline's.
  std::map<std::string, double> Ratios(const TlsConfig& config, const std::set<std::string>& topics,
                                       bool dates) {
    const std::vector<TlsScores>& scores = Scores(config);
    std::map<std::string, std::pair<std::vector<TlsScores>, std::vector<TlsScores>>> by_topic;
    for (size_t i = 0; i < tasks_.size(); ++i) {
      const std::string topic = TopicOf(*tasks_[i]);
      if (!topics.count(topic)) continue;
      by_topic[topic].first.push_back(scores[i]);
      by_topic[topic].second.push_back(baseline_[i]);
    }
    std::map<std::string, double> out;
    for (const auto& [topic, s] : by_topic) {
      const TlsScores a = AverageScores(s.first), b = AverageScores(s.second);
      const double system = dates ? a.date.f1 : a.align1.f1;
      const double base = dates ? b.date.f1 : b.align1.f1;
      out[topic] = base > 0 ? system / base : system;
    }
    return out;
  }

  // Chooses the knobs on `topics`, starting from all off: the date knobs
  // together (they act on one ranking, so one's effect depends on the
  // others'), then every sentence knob in turn.
  TlsConfig Choose(const std::set<std::string>& topics) {
    TlsConfig config;
    for (const TlsKnob& knob : knobs_) knob.set(config, knob.off);
    {
      std::vector<const TlsKnob*> date_knobs;
      for (const TlsKnob& knob : knobs_) {
        if (knob.dates) date_knobs.push_back(&knob);
      }
      const std::map<std::string, double> off = Ratios(config, topics, true);
      double best_mean = Mean(off);
      TlsConfig best = config;
      std::vector<TlsConfig> combinations{config};
      for (const TlsKnob* knob : date_knobs) {
        std::vector<TlsConfig> next;
        for (const TlsConfig& c : combinations) {
          next.push_back(c);
          for (double v : knob->values) {
            if (v == knob->off) continue;
            TlsConfig trial = c;
            knob->set(trial, v);
            next.push_back(trial);
          }
        }
        combinations = std::move(next);
      }
      for (const TlsConfig& trial : combinations) {
        const std::map<std::string, double> ratios = Ratios(trial, topics, true);
        int wins = 0, losses = 0;
        for (const auto& [topic, r] : ratios) {
          if (r > off.at(topic) + 1e-9) ++wins;
          if (r < off.at(topic) - 1e-9) ++losses;
        }
        const double mean = Mean(ratios);
        if (mean > best_mean + 1e-9 && wins >= losses + kMargin) {
          best = trial;
          best_mean = mean;
        }
      }
      config = best;
    }
    for (const TlsKnob& knob : knobs_) {
      if (knob.dates) continue;
      std::map<std::string, double> current = Ratios(config, topics, knob.dates);
      double current_mean = Mean(current);
      for (double v : knob.values) {
        if (v == knob.get(config)) continue;
        TlsConfig trial = config;
        knob.set(trial, v);
        const std::map<std::string, double> ratios = Ratios(trial, topics, knob.dates);
        int wins = 0, losses = 0;
        for (const auto& [topic, r] : ratios) {
          if (r > current[topic] + 1e-9) ++wins;
          if (r < current[topic] - 1e-9) ++losses;
        }
        const double mean = Mean(ratios);
        if (mean > current_mean + 1e-9 && wins >= losses + kMargin) {
          config = trial;
          current = ratios;
          current_mean = mean;
        }
      }
    }
    return config;
  }

 private:
  static double Mean(const std::map<std::string, double>& m) {
    double sum = 0;
    for (const auto& [k, v] : m) sum += v;
    return m.empty() ? 0 : sum / static_cast<double>(m.size());
  }

  const std::vector<const TlsPreparedTask*>& tasks_;
  const std::vector<TlsScores>& baseline_;
  const std::vector<TlsKnob>& knobs_;
  const std::function<void(const std::string&)>& progress_;
  std::map<std::string, std::vector<TlsScores>> cache_;
};

std::vector<std::pair<std::string, double>> Values(const TlsConfig& config,
                                                   const std::vector<TlsKnob>& knobs) {
  std::vector<std::pair<std::string, double>> out;
  for (const TlsKnob& k : knobs) out.emplace_back(k.name, k.get(config));
  return out;
}

}  // namespace

std::vector<TlsKnob> TimelineKnobs() {
  std::vector<TlsKnob> knobs;
  auto add = [&](std::string name, bool dates, double off, std::vector<double> values,
                 auto member) {
    knobs.push_back({std::move(name), dates, off, std::move(values),
                     [member](const TlsConfig& c) { return static_cast<double>(c.tuning.*member); },
                     [member](TlsConfig& c, double v) {
                       using T = std::remove_reference_t<decltype(c.tuning.*member)>;
                       c.tuning.*member = static_cast<T>(v);
                     }});
  };
  knobs.push_back({"span_margin_days",
                   true,
                   -1,
                   {0, 7, 30},
                   [](const TlsConfig& c) { return static_cast<double>(c.span_margin_days); },
                   [](TlsConfig& c, double v) { c.span_margin_days = static_cast<int>(v); }});
  add("topic_rerank", true, 0, {1}, &TimelineTuning::topic_rerank);
  add("neighbour_penalty", true, 0, {0.3, 1}, &TimelineTuning::neighbour_penalty);
  // Sentence constants: the pool first (length bounds, the next day's
  // leads), then the scoring, then the picking.
  add("min_tokens", false, 3, {5, 8, 12}, &TimelineTuning::min_tokens);
  add("max_tokens", false, 1000, {60, 40, 30}, &TimelineTuning::max_tokens);
  add("next_day_leads", false, 0, {3, 6, 10}, &TimelineTuning::next_day_leads);
  add("topic_weight", false, 0, {1, 3, 10}, &TimelineTuning::topic_weight);
  add("weak_sentence_penalty", false, 1, {0.8, 0.5}, &TimelineTuning::weak_sentence_penalty);
  add("redundancy", false, 1.01, {0.5, 0.3}, &TimelineTuning::redundancy);
  add("same_article_penalty", false, 1, {0.8, 0.5}, &TimelineTuning::same_article_penalty);
  return knobs;
}

TlsScores ScoreTask(const TlsPreparedTask& task, const TlsConfig& config) {
  TimelineOptions options;
  options.dates = task.size.dates;
  options.sentences = task.size.sentences;
  options.span_margin_days = config.span_margin_days;
  TlsOptions scoring;
  scoring.language = task.language;
  const StatusOr<Timeline> built = BuildTimeline(*task.corpus, options, config.tuning);
  if (!built.ok()) {
    std::cerr << "dateline: " << task.task.name << ": " << built.status().message() << "\n";
  }
  return ScoreTimeline(built.ok() ? ToTlsTimeline(*built) : TlsTimeline(), {task.reference},
                       scoring);
}

TlsLotoResult LeaveOneTopicOut(const std::vector<const TlsPreparedTask*>& tasks,
                               const std::vector<TlsScores>& baseline,
                               const std::vector<TlsKnob>& knobs,
                               const std::function<void(const std::string&)>& progress) {
  Evaluator evaluator(tasks, baseline, knobs, progress);
  std::set<std::string> all;
  std::vector<std::string> order;
  for (const TlsPreparedTask* t : tasks) {
    if (all.insert(TopicOf(*t)).second) order.push_back(TopicOf(*t));
  }
  TlsLotoResult result;
  for (const std::string& topic : order) {
    std::set<std::string> others = all;
    others.erase(topic);
    const TlsConfig config = evaluator.Choose(others);
    TlsLotoFold fold;
    fold.topic = topic;
    fold.chosen = Values(config, knobs);
    const std::vector<TlsScores>& scores = evaluator.Scores(config);
    for (size_t i = 0; i < tasks.size(); ++i) {
      if (TopicOf(*tasks[i]) == topic) fold.held_back.push_back(scores[i]);
    }
    result.folds.push_back(std::move(fold));
  }
  result.chosen_on_all = Values(evaluator.Choose(all), knobs);
  result.shipped = evaluator.Scores(TlsConfig{});
  return result;
}

TlsLotoSummary SummarizeLoto(const std::vector<const TlsPreparedTask*>& tasks,
                             const std::vector<TlsScores>& baseline, const TlsLotoResult& result) {
  TlsLotoSummary summary;
  std::map<std::string, std::pair<std::vector<TlsScores>, std::vector<TlsScores>>> languages;
  for (const TlsLotoFold& fold : result.folds) {
    std::vector<TlsScores> base;
    for (size_t i = 0; i < tasks.size(); ++i) {
      if (TopicOf(*tasks[i]) == fold.topic) base.push_back(baseline[i]);
    }
    summary.topics.push_back(
        {fold.topic, AverageScores(fold.held_back), AverageScores(base), fold.held_back.size()});
    auto& [system, count] = languages[fold.topic.substr(0, fold.topic.find('/'))];
    system.insert(system.end(), fold.held_back.begin(), fold.held_back.end());
    count.insert(count.end(), base.begin(), base.end());
  }
  for (const auto& [language, g] : languages) {
    summary.languages.push_back(
        {language, AverageScores(g.first), AverageScores(g.second), g.first.size()});
  }
  return summary;
}

}  // namespace dateline::eval
