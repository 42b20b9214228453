#include "eval/timeml.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <numeric>
#include <optional>
#include <thread>
#include <utility>

#include "text/utf8.h"
#include "util/io.h"
#include "util/parallel.h"

namespace dateline::eval {

// ---------------------------------------------------------------------------
// Reading TimeML
//
// TimeML files are small and simple XML: no DTD entities beyond the five
// predefined ones, no namespaces that matter, and only three elements are of
// interest (DCT, TEXT, TIMEX3). A hand-written scanner keeps exact control of
// byte offsets in the stripped text, which is what spans are measured in.

namespace {

struct Attribute {
  std::string_view name;
  std::string value;  // unescaped
};

struct Tag {
  std::string_view name;
  bool closing = false;  // </NAME>
  bool empty = false;    // <NAME .../>
  std::vector<Attribute> attributes;

  std::string Get(std::string_view key) const {
    for (const Attribute& a : attributes) {
      if (a.name == key) return a.value;
    }
    return "";
  }
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameStart(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// Parses the digits of a character reference; nullopt when malformed or not
// a character XML allows.
std::optional<char32_t> ParseCharRef(std::string_view digits, int base) {
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  uint32_t cp = 0;
  for (char c : digits) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (base == 16 && c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (base == 16 && c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    cp = cp * base + d;
    if (cp > 0x10FFFF) return std::nullopt;
  }
  const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp < 0xD800) ||
                       (cp >= 0xE000 && cp <= 0x10FFFF && cp != 0xFFFE && cp != 0xFFFF);
  if (!allowed) return std::nullopt;
  return static_cast<char32_t>(cp);
}

class TimemlParser {
 public:
  TimemlParser(std::string_view xml, std::string_view name) : xml_(xml), name_(name) {
    result_.document.name = std::string(name);
  }

  TimemlParseResult Run() {
    if (CheckCharacters() && ScanDocument() && CheckEnd()) result_.ok = true;
    if (!result_.ok) result_.document = TimemlDocument{std::string(name_), "", "", {}};
    return std::move(result_);
  }

 private:
  bool Fail(size_t pos, const std::string& reason) {
    result_.error = name_ + ":" + Position(pos) + ": " + reason;
    return false;
  }

  std::string Position(size_t pos) const {
    pos = std::min(pos, xml_.size());
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < pos; ++i) {
      if (xml_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    return std::to_string(line) + ":" + std::to_string(pos - line_start + 1);
  }

  // Binary data and broken encodings are refused up front, so the scanner
  // below only ever sees valid UTF-8 text.
  bool CheckCharacters() {
    const size_t bad = FindInvalidUtf8(xml_);
    if (bad != std::string_view::npos) return Fail(bad, "invalid UTF-8");
    for (size_t i = 0; i < xml_.size(); ++i) {
      const unsigned char c = xml_[i];
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        static const char kHex[] = "0123456789abcdef";
        return Fail(i, std::string("control character 0x") + kHex[c >> 4] + kHex[c & 15] +
                           " (binary data?)");
      }
    }
    return true;
  }

  bool ScanDocument() {
    size_t pos = 0;
    if (xml_.starts_with("\xEF\xBB\xBF")) pos = 3;  // byte order mark
    while (pos < xml_.size()) {
      const size_t lt = xml_.find('<', pos);
      const size_t text_end = lt == std::string_view::npos ? xml_.size() : lt;
      if (!HandleText(pos, text_end)) return false;
      if (lt == std::string_view::npos) break;
      if (!ScanMarkup(lt, pos)) return false;
    }
    return true;
  }

  // Handles the markup at `lt` and sets `next` past it.
  bool ScanMarkup(size_t lt, size_t& next) {
    const std::string_view rest = xml_.substr(lt);
    if (rest.starts_with("<!--")) return SkipPast(lt, "-->", "unterminated comment", next);
    if (rest.starts_with("<![CDATA[")) {
      const size_t close = xml_.find("]]>", lt + 9);
      if (close == std::string_view::npos) return Fail(lt, "unterminated CDATA section");
      if (in_text_) result_.document.text.append(xml_.substr(lt + 9, close - lt - 9));
      next = close + 3;
      return true;
    }
    if (rest.starts_with("<?"))
      return SkipPast(lt, "?>", "unterminated processing instruction", next);
    if (rest.starts_with("<!")) return SkipPast(lt, ">", "unterminated declaration", next);
    Tag tag;
    if (!ParseTag(lt, tag, next)) return false;
    return HandleTag(lt, tag);
  }

  bool SkipPast(size_t start, std::string_view close, const char* reason, size_t& next) {
    const size_t at = xml_.find(close, start + 2);
    if (at == std::string_view::npos) return Fail(start, reason);
    next = at + close.size();
    return true;
  }

  // Character data: only TEXT content is kept, unescaped.
  bool HandleText(size_t begin, size_t end) {
    if (!in_text_) return true;
    return Unescape(begin, end, result_.document.text);
  }

  bool Unescape(size_t begin, size_t end, std::string& out) {
    size_t pos = begin;
    while (pos < end) {
      const size_t amp = xml_.find('&', pos);
      if (amp == std::string_view::npos || amp >= end) {
        out.append(xml_.substr(pos, end - pos));
        return true;
      }
      out.append(xml_.substr(pos, amp - pos));
      const size_t semi = xml_.find(';', amp);
      if (semi == std::string_view::npos || semi >= end || semi - amp > 12) {
        return Fail(amp, "'&' that starts no entity (write &amp;)");
      }
      const std::string_view entity = xml_.substr(amp + 1, semi - amp - 1);
      if (!AppendEntity(entity, out)) {
        return Fail(amp, "unknown entity &" + std::string(entity) + ";");
      }
      pos = semi + 1;
    }
    return true;
  }

  static bool AppendEntity(std::string_view entity, std::string& out) {
    static constexpr std::pair<std::string_view, char> kNamed[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (const auto& [named, c] : kNamed) {
      if (entity == named) {
        out.push_back(c);
        return true;
      }
    }
    std::optional<char32_t> cp;
    if (entity.starts_with("#x")) {
      cp = ParseCharRef(entity.substr(2), 16);
    } else if (entity.starts_with("#")) {
      cp = ParseCharRef(entity.substr(1), 10);
    }
    if (!cp) return false;
    AppendUtf8(*cp, out);
    return true;
  }

  // Parses the tag starting at `lt` ('<'); sets `next` past its '>'.
  bool ParseTag(size_t lt, Tag& tag, size_t& next) {
    size_t pos = lt + 1;
    if (pos < xml_.size() && xml_[pos] == '/') {
      tag.closing = true;
      ++pos;
    }
    if (pos >= xml_.size() || !IsNameStart(xml_[pos])) {
      return Fail(lt, "'<' that starts no tag (write &lt;)");
    }
    const size_t name_begin = pos;
    while (pos < xml_.size() && IsNameChar(xml_[pos])) ++pos;
    tag.name = xml_.substr(name_begin, pos - name_begin);
    while (true) {
      while (pos < xml_.size() && IsSpace(xml_[pos])) ++pos;
      if (pos >= xml_.size()) return Fail(lt, "unterminated tag <" + std::string(tag.name));
      if (xml_[pos] == '>') {
        next = pos + 1;
        return true;
      }
      if (xml_[pos] == '/' && !tag.closing && pos + 1 < xml_.size() && xml_[pos + 1] == '>') {
        tag.empty = true;
        next = pos + 2;
        return true;
      }
      if (tag.closing) return Fail(pos, "malformed tag </" + std::string(tag.name));
      const size_t attribute_at = pos;
      if (!ParseAttribute(pos, tag)) {
        if (!result_.error.empty()) return false;
        return Fail(attribute_at, "malformed attribute in <" + std::string(tag.name));
      }
    }
  }

  // Parses NAME = "VALUE" (or 'VALUE') at `pos` and advances past it.
  bool ParseAttribute(size_t& pos, Tag& tag) {
    if (!IsNameStart(xml_[pos])) return false;
    const size_t name_begin = pos;
    while (pos < xml_.size() && IsNameChar(xml_[pos])) ++pos;
    Attribute attribute;
    attribute.name = xml_.substr(name_begin, pos - name_begin);
    while (pos < xml_.size() && IsSpace(xml_[pos])) ++pos;
    if (pos >= xml_.size() || xml_[pos] != '=') return false;
    ++pos;
    while (pos < xml_.size() && IsSpace(xml_[pos])) ++pos;
    if (pos >= xml_.size() || (xml_[pos] != '"' && xml_[pos] != '\'')) return false;
    const size_t close = xml_.find(xml_[pos], pos + 1);
    if (close == std::string_view::npos) return false;
    const std::string_view raw = xml_.substr(pos + 1, close - pos - 1);
    if (raw.find('<') != std::string_view::npos) return Fail(pos, "'<' in an attribute value");
    if (!Unescape(pos + 1, close, attribute.value)) return false;
    pos = close + 1;
    tag.attributes.push_back(std::move(attribute));
    return true;
  }

  bool HandleTag(size_t at, const Tag& tag) {
    if (tag.name == "TEXT") return HandleTextTag(at, tag);
    if (tag.name == "DCT") {
      if (!tag.empty) in_dct_ = !tag.closing;
      return true;
    }
    if (tag.name != "TIMEX3" || (tag.closing && !in_text_)) return true;
    if (in_dct_) {
      if (!tag.closing && !dct_seen_) {
        result_.document.dct = tag.Get("value");
        dct_seen_ = true;
      }
      return true;
    }
    if (!in_text_ || tag.empty) return true;  // no extent in TEXT: nothing to score
    return tag.closing ? CloseTimex(at) : OpenTimex(at, tag);
  }

  bool HandleTextTag(size_t at, const Tag& tag) {
    if (tag.empty) return true;
    if (!tag.closing) {
      if (text_seen_) return Fail(at, "a second TEXT element");
      text_seen_ = in_text_ = true;
      return true;
    }
    if (!in_text_) return Fail(at, "</TEXT> without <TEXT>");
    if (open_) return Fail(open_at_, "TIMEX3 not closed before </TEXT>");
    in_text_ = false;
    return true;
  }

  bool OpenTimex(size_t at, const Tag& tag) {
    if (open_) return Fail(at, "TIMEX3 nested in the TIMEX3 opened at " + Position(open_at_));
    GoldTimex timex;
    timex.begin = result_.document.text.size();
    timex.tid = tag.Get("tid");
    timex.type = tag.Get("type");
    timex.value = tag.Get("value");
    timex.mod = tag.Get("mod");
    timex.quant = tag.Get("quant");
    timex.freq = tag.Get("freq");
    open_ = std::move(timex);
    open_at_ = at;
    return true;
  }

  bool CloseTimex(size_t at) {
    if (!open_) return Fail(at, "</TIMEX3> without an open TIMEX3");
    open_->end = result_.document.text.size();
    result_.document.timexes.push_back(std::move(*open_));
    open_.reset();
    return true;
  }

  bool CheckEnd() {
    if (in_text_) return Fail(xml_.size(), "TEXT element not closed");
    if (!text_seen_) return Fail(xml_.size(), "no TEXT element");
    return true;
  }

  std::string_view xml_;
  std::string name_;
  TimemlParseResult result_;
  bool in_dct_ = false;
  bool dct_seen_ = false;
  bool in_text_ = false;
  bool text_seen_ = false;
  std::optional<GoldTimex> open_;
  size_t open_at_ = 0;
};

}  // namespace

TimemlParseResult ParseTimeml(std::string_view xml, std::string_view name) {
  return TimemlParser(xml, name).Run();
}

TimemlParseResult ReadTimemlFile(const std::string& path) {
  ReadResult read = ReadInput(path);
  if (!read.ok) {
    TimemlParseResult result;
    result.document.name = path;
    result.error = read.error;
    return result;
  }
  return ParseTimeml(read.data, path);
}

std::vector<std::string> FindTimemlFiles(const std::string& dir, std::string& error) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  const fs::file_status status = fs::status(dir, ec);
  if (ec || !fs::exists(status)) {
    error = dir + ": no such file or directory";
    return files;
  }
  if (!fs::is_directory(status)) {
    files.push_back(dir);
    return files;
  }
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().extension() == ".tml" && it->is_regular_file(ec)) {
      files.push_back(it->path().string());
    }
  }
  if (ec) {
    error = dir + ": " + ec.message();
    files.clear();
    return files;
  }
  std::sort(files.begin(), files.end());
  return files;
}

// ---------------------------------------------------------------------------
// Scoring

TimemlCounts& TimemlCounts::operator+=(const TimemlCounts& other) {
  gold += other.gold;
  system += other.system;
  relaxed += other.relaxed;
  strict += other.strict;
  type += other.type;
  value += other.value;
  return *this;
}

PrecisionRecall MakePrecisionRecall(int64_t hits, int64_t system, int64_t gold) {
  PrecisionRecall pr;
  if (system > 0) pr.precision = static_cast<double>(hits) / system;
  if (gold > 0) pr.recall = static_cast<double>(hits) / gold;
  if (pr.precision + pr.recall > 0) {
    pr.f1 = 2 * pr.precision * pr.recall / (pr.precision + pr.recall);
  }
  return pr;
}

TimemlScores ComputeScores(const TimemlCounts& c) {
  TimemlScores s;
  s.strict = MakePrecisionRecall(c.strict, c.system, c.gold);
  s.relaxed = MakePrecisionRecall(c.relaxed, c.system, c.gold);
  s.type = MakePrecisionRecall(c.type, c.system, c.gold);
  s.value = MakePrecisionRecall(c.value, c.system, c.gold);
  return s;
}

void TimemlAccumulator::Add(const TimemlCounts& counts) {
  ++documents_;
  counts_ += counts;
}

void TimemlAccumulator::Add(const TimemlAccumulator& other) {
  documents_ += other.documents_;
  counts_ += other.counts_;
}

namespace {

// Length of the whitespace character ending at `end` (0 if none). Besides
// ASCII white space, annotators often leave no-break spaces at span edges.
size_t SpaceBefore(std::string_view text, size_t end) {
  if (end >= 1 && IsSpace(text[end - 1])) return 1;
  if (end >= 2 && text.substr(end - 2, 2) == "\xC2\xA0") return 2;  // U+00A0
  if (end >= 3) {
    const std::string_view s = text.substr(end - 3, 3);
    if (s == "\xE2\x80\xAF" || s == "\xE2\x80\x89") return 3;  // U+202F, U+2009
  }
  return 0;
}

size_t SpaceAt(std::string_view text, size_t begin) {
  if (begin < text.size() && IsSpace(text[begin])) return 1;
  if (text.substr(begin, 2) == "\xC2\xA0") return 2;
  const std::string_view s = text.substr(begin, 3);
  if (s == "\xE2\x80\xAF" || s == "\xE2\x80\x89") return 3;
  return 0;
}

// The span with its outer white space removed, clamped to the text.
std::pair<size_t, size_t> Trim(std::string_view text, size_t begin, size_t end) {
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  while (begin < end) {
    const size_t n = SpaceAt(text, begin);
    if (n == 0 || begin + n > end) break;
    begin += n;
  }
  while (end > begin) {
    const size_t n = SpaceBefore(text, end);
    if (n == 0 || end - n < begin) break;
    end -= n;
  }
  return {begin, end};
}

// Half-open spans; an empty span overlaps nothing.
bool Overlaps(size_t a_begin, size_t a_end, size_t b_begin, size_t b_end) {
  return a_begin < a_end && b_begin < b_end && a_begin < b_end && b_begin < a_end;
}

}  // namespace

DocumentScore ScoreDocument(const TimemlDocument& gold, const std::vector<TimeExpression>& system) {
  DocumentScore score;
  const std::string_view text = gold.text;
  score.counts.gold = static_cast<int64_t>(gold.timexes.size());
  score.counts.system = static_cast<int64_t>(system.size());
  score.gold_match.assign(gold.timexes.size(), -1);

  std::vector<int> order(system.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return std::pair(system[a].begin, system[a].end) < std::pair(system[b].begin, system[b].end);
  });

  // (text position, error) pairs, sorted at the end.
  std::vector<std::pair<size_t, TimemlError>> errors;
  for (int s : order) {
    const TimeExpression& e = system[s];
    int matched = -1;
    for (size_t g = 0; g < gold.timexes.size() && matched < 0; ++g) {
      const GoldTimex& t = gold.timexes[g];
      if (score.gold_match[g] < 0 && Overlaps(e.begin, e.end, t.begin, t.end)) {
        matched = static_cast<int>(g);
      }
    }
    if (matched < 0) {
      errors.push_back({e.begin, {TimemlError::Kind::kFalseAlarm, -1, s}});
      continue;
    }
    score.gold_match[matched] = s;
    const GoldTimex& t = gold.timexes[matched];
    ++score.counts.relaxed;
    if (Trim(text, e.begin, e.end) == Trim(text, t.begin, t.end)) ++score.counts.strict;
    if (TimexTypeName(e.type) == t.type) {
      ++score.counts.type;
    } else {
      errors.push_back({t.begin, {TimemlError::Kind::kWrongType, matched, s}});
    }
    if (e.value == t.value) {
      ++score.counts.value;
    } else {
      errors.push_back({t.begin, {TimemlError::Kind::kWrongValue, matched, s}});
    }
  }
  for (size_t g = 0; g < gold.timexes.size(); ++g) {
    if (score.gold_match[g] < 0) {
      errors.push_back(
          {gold.timexes[g].begin, {TimemlError::Kind::kMiss, static_cast<int>(g), -1}});
    }
  }
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [pos, error] : errors) score.errors.push_back(error);
  return score;
}

// ---------------------------------------------------------------------------
// Error lines

namespace {

// Newlines and tabs would break the one-line-per-error format.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Moves back `n` code points from `pos`.
size_t BackChars(std::string_view text, size_t pos, size_t n) {
  while (n > 0 && pos > 0) {
    --pos;
    while (pos > 0 && IsContinuation(text[pos])) --pos;
    --n;
  }
  return pos;
}

size_t ForwardChars(std::string_view text, size_t pos, size_t n) {
  while (n > 0 && pos < text.size()) {
    ++pos;
    while (pos < text.size() && IsContinuation(text[pos])) ++pos;
    --n;
  }
  return pos;
}

std::string Context(std::string_view text, size_t begin, size_t end, size_t chars) {
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  const size_t left = BackChars(text, begin, chars / 2);
  const size_t right = ForwardChars(text, end, chars / 2);
  return OneLine(text.substr(left, begin - left)) + "[[" +
         OneLine(text.substr(begin, end - begin)) + "]]" + OneLine(text.substr(end, right - end));
}

std::string Span(std::string_view text, size_t begin, size_t end) {
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  return OneLine(text.substr(begin, end - begin));
}

std::string OrDash(std::string_view s) { return s.empty() ? "-" : std::string(s); }

}  // namespace

std::string FormatTimemlError(const TimemlDocument& gold, const std::vector<TimeExpression>& system,
                              const TimemlError& error, std::string_view doc_name,
                              size_t context_chars) {
  const std::string_view text = gold.text;
  const std::string doc(doc_name);
  if (error.kind == TimemlError::Kind::kFalseAlarm) {
    const TimeExpression& e = system[error.system];
    return "FALSE " + doc + " sys=\"" + Span(text, e.begin, e.end) + "\" value=" + OrDash(e.value) +
           " rule=" + OrDash(e.rule) + " | " + Context(text, e.begin, e.end, context_chars);
  }
  const GoldTimex& t = gold.timexes[error.gold];
  const std::string gold_text = "gold=\"" + Span(text, t.begin, t.end) + "\"";
  const std::string context = " | " + Context(text, t.begin, t.end, context_chars);
  if (error.kind == TimemlError::Kind::kMiss) {
    return "MISS " + doc + " " + gold_text + " value=" + OrDash(t.value) + context;
  }
  const TimeExpression& e = system[error.system];
  // The system extent is shown only when it differs from the gold one.
  std::string sys_span;
  if (e.begin != t.begin || e.end != t.end) {
    sys_span = " sys_span=\"" + Span(text, e.begin, e.end) + "\"";
  }
  if (error.kind == TimemlError::Kind::kWrongValue) {
    return "VALUE " + doc + " " + gold_text + " gold=" + OrDash(t.value) +
           " sys=" + OrDash(e.value) + " rule=" + OrDash(e.rule) + sys_span + context;
  }
  return "TYPE " + doc + " " + gold_text + " gold=" + OrDash(t.type) +
         " sys=" + std::string(TimexTypeName(e.type)) + " rule=" + OrDash(e.rule) + sys_span +
         context;
}

// ---------------------------------------------------------------------------
// Running a tagger over a set

std::optional<DayTime> TimemlDct(std::string_view value) {
  for (size_t length : {value.size(), size_t{16}, size_t{10}}) {
    if (length > value.size()) continue;
    if (std::optional<DayTime> dct = ParseDayTime(value.substr(0, length))) return dct;
  }
  return std::nullopt;
}

namespace {

struct FileOutcome {
  std::string failure;  // empty when the document was scored
  TimemlCounts counts;
  int64_t text_bytes = 0;
  std::vector<std::string> error_lines;
};

std::string RelativeName(const std::string& path, const std::string& dir) {
  const std::filesystem::path rel = std::filesystem::path(path).lexically_relative(dir);
  if (rel.empty() || rel == "." || rel.native().starts_with("..")) {
    return std::filesystem::path(path).filename().string();
  }
  return rel.string();
}

FileOutcome ScoreFile(const Tagger& tagger, const std::string& path, const std::string& dir,
                      const TimemlRunOptions& options) {
  FileOutcome outcome;
  TimemlParseResult parsed = ReadTimemlFile(path);
  if (!parsed.ok) {
    outcome.failure = parsed.error;
    return outcome;
  }
  const TimemlDocument& doc = parsed.document;
  TagOptions tag_options;
  tag_options.language = options.language;
  tag_options.mode = options.mode;
  tag_options.dct = TimemlDct(doc.dct);
  auto tagged = tagger.Tag(doc.text, tag_options);
  if (!tagged.ok()) {
    outcome.failure = path + ": " + tagged.status().message();
    return outcome;
  }
  const std::vector<TimeExpression> system = std::move(tagged).value();
  const DocumentScore score = ScoreDocument(doc, system);
  outcome.counts = score.counts;
  outcome.text_bytes = static_cast<int64_t>(doc.text.size());
  if (options.error_lines) {
    const std::string name = options.name_prefix + RelativeName(path, dir);
    for (const TimemlError& error : score.errors) {
      outcome.error_lines.push_back(FormatTimemlError(doc, system, error, name));
    }
  }
  return outcome;
}

}  // namespace

TimemlRunResult RunTimemlSet(const Tagger& tagger, const std::string& dir,
                             const TimemlRunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  TimemlRunResult result;
  std::string list_error;
  const std::vector<std::string> files = FindTimemlFiles(dir, list_error);
  if (!list_error.empty()) result.failures.push_back(list_error);

  // Workers take files in turn; outcomes are merged in path order so the
  // output does not depend on scheduling.
  std::vector<FileOutcome> outcomes(files.size());
  ParallelFor(files.size(), static_cast<size_t>(std::max(options.threads, 0)),
              [&](size_t i) { outcomes[i] = ScoreFile(tagger, files[i], dir, options); });

  for (FileOutcome& outcome : outcomes) {
    if (!outcome.failure.empty()) {
      result.failures.push_back(std::move(outcome.failure));
      continue;
    }
    result.total.Add(outcome.counts);
    result.text_bytes += outcome.text_bytes;
    for (std::string& line : outcome.error_lines) result.error_lines.push_back(std::move(line));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace dateline::eval
