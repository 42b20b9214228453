#include "dateline/record.h"

#include <nlohmann/json.hpp>

namespace dateline {
namespace {

// The DCT a record's `time` gives: a day, a minute or a second, with
// whatever follows (a zone, fractions) ignored; nullopt when it holds none.
std::optional<DayTime> RecordTime(const std::string& time) {
  for (size_t length : {19, 16, 10}) {
    if (time.size() >= length) {
      if (auto t = ParseDayTime(std::string_view(time).substr(0, length))) return t;
    }
  }
  return std::nullopt;
}

}  // namespace

StatusOr<Record> MakeRecord(RecordFields fields, std::string_view where) {
  Record record;
  record.id = std::move(fields.id);
  record.options.path = std::string(where);
  record.options.url = std::move(fields.url);
  record.options.dct = RecordTime(fields.time);
  if (!fields.html.empty()) {
    record.body = std::move(fields.html);
    record.options.kind = InputKind::kPage;
    record.options.content_type = "text/html";
  } else if (!fields.text.empty()) {
    record.body = std::move(fields.text);
    record.options.kind = InputKind::kText;
    record.options.title = std::move(fields.title);
  } else {
    return Status::InvalidInput(std::string(where) + ": record has neither \"text\" nor \"html\"");
  }
  return record;
}

StatusOr<Record> ParseRecord(std::string_view line, std::string_view where) {
  const nlohmann::json json = nlohmann::json::parse(line, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    return Status::InvalidInput(std::string(where) + ": not a JSON object");
  }
  auto field = [&](const char* name) {
    auto it = json.find(name);
    return it != json.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  return MakeRecord(
      {field("id"), field("url"), field("time"), field("title"), field("text"), field("html")},
      where);
}

}  // namespace dateline
