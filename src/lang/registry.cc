// The language registry: parses pack.txt files and gathers each language's
// rule files.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "dateline/language.h"
#include "lang/embedded_files.h"

namespace dateline {

// Reads one pack.txt into a LanguagePack (a friend of it).
struct PackParser {
  LanguagePack& pack;
  const std::string& path;
  std::string section;
  int line_no = 0;

  Status Error(const std::string& what) const {
    return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ": " + what);
  }

  static std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
      s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    }
    return s;
  }

  static std::vector<std::string> Split(std::string_view s) {
    std::vector<std::string> out;
    std::istringstream in{std::string(s)};
    for (std::string w; in >> w;) out.push_back(w);
    return out;
  }

  Status Header(std::string_view line) {
    const size_t space = line.find(' ');
    const std::string key(line.substr(0, space));
    const std::string value(space == std::string_view::npos ? "" : Trim(line.substr(space)));
    if (value.empty()) return Error("'" + key + "' needs a value");
    if (key == "name") {
      pack.name_ = value;
    } else if (key == "stemmer") {
      pack.stemmer_ = value;
    } else {
      return Error("unknown setting '" + key + "' (name, stemmer)");
    }
    return Status::Ok();
  }

  Status Body(std::string_view line) {
    if (section == "stopwords") {
      for (auto& w : Split(line)) pack.stopwords_.insert(std::move(w));
    } else if (section == "abbreviations") {
      for (auto& w : Split(line)) pack.abbreviations_.insert(std::move(w));
    } else if (section == "months") {
      std::vector<std::string> parts = Split(line);
      char* end = nullptr;
      const long month = std::strtol(parts[0].c_str(), &end, 10);
      if (*end != '\0' || month < 1 || month > 12 || parts.size() < 2) {
        return Error("expected a month number 1..12 and its names");
      }
      for (size_t i = 1; i < parts.size(); ++i) {
        pack.month_names_.push_back({parts[i], static_cast<int>(month)});
      }
    } else if (section == "published") {
      pack.published_labels_.emplace_back(line);
    } else if (section == "modified") {
      pack.modified_labels_.emplace_back(line);
    } else if (section == "published-after") {
      pack.published_after_.emplace_back(line);
    } else if (section == "modified-after") {
      pack.modified_after_.emplace_back(line);
    } else if (section == "debris") {
      const size_t space = line.find(' ');
      const std::string_view effect = line.substr(0, space);
      DebrisPattern p;
      if (effect == "drop") {
        p.effect = DebrisPattern::Effect::kDrop;
      } else if (effect == "end") {
        p.effect = DebrisPattern::Effect::kEnd;
      } else {
        return Error("a debris line starts with 'drop' or 'end'");
      }
      p.pattern = space == std::string_view::npos ? "" : std::string(Trim(line.substr(space)));
      if (p.pattern.empty()) return Error("a debris line needs a pattern");
      pack.debris_.push_back(std::move(p));
    }
    return Status::Ok();
  }

  Status Parse(std::string_view text) {
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      const std::string_view line = Trim(text.substr(pos, nl - pos));
      pos = nl + 1;
      ++line_no;
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '[') {
        if (line.back() != ']') return Error("a section header is [name]");
        section = std::string(line.substr(1, line.size() - 2));
        static const std::set<std::string> kSections = {
            "stopwords", "abbreviations",   "months",         "published",
            "modified",  "published-after", "modified-after", "debris"};
        if (!kSections.count(section)) {
          return Error("unknown section [" + section +
                       "] (stopwords, abbreviations, months, published, modified, "
                       "published-after, modified-after, debris)");
        }
        continue;
      }
      const Status s = section.empty() ? Header(line) : Body(line);
      if (!s.ok()) return s;
    }
    if (pack.name_.empty()) return Error("the pack has no name");
    return Status::Ok();
  }
};

namespace {

// FNV-1a, 64 bits: stable across builds and platforms, unlike std::hash.
uint64_t Fnv1a(std::string_view bytes, uint64_t h) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

bool IsLanguageCode(std::string_view code) {
  if (code.size() != 2 && code.size() != 3) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

StatusOr<std::shared_ptr<const LanguageRegistry>> LanguageRegistry::FromFiles(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::map<std::string, LanguagePack> by_code;
  std::map<std::string, uint64_t> hashes;
  for (const auto& [path, text] : files) {
    const size_t slash = path.find('/');
    if (slash == std::string::npos) continue;  // packs sit in one folder per language
    const std::string code = path.substr(0, slash);
    if (!IsLanguageCode(code) || code == "und") {
      return Status::InvalidArgument(path + ": a language folder is named by its ISO 639 code");
    }
    LanguagePack& pack = by_code[code];
    pack.code_ = code;
    auto [h, unused] = hashes.emplace(code, 0xcbf29ce484222325ULL);
    h->second = Fnv1a(text, Fnv1a(std::string_view(path.c_str(), path.size() + 1), h->second));
    if (path.ends_with(".rules")) {
      pack.rule_files_.emplace_back(path, text);
    } else if (path.substr(slash + 1) == "pack.txt") {
      PackParser parser{pack, path};
      if (Status s = parser.Parse(text); !s.ok()) return s;
    }
  }
  std::shared_ptr<LanguageRegistry> registry(new LanguageRegistry());
  std::map<std::string, int> months;  // one name, one month, whichever pack prints it
  for (auto& [code, pack] : by_code) {
    if (pack.name_.empty()) pack.name_ = code;  // a folder of rules alone, for rule work
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hashes[code]));
    pack.fingerprint_ = hex;
    for (const MonthName& m : pack.month_names_) {
      auto [it, added] = months.emplace(m.name, m.month);
      if (!added && it->second != m.month) {
        return Status::InvalidArgument(code + "/pack.txt: month name '" + m.name + "' is month " +
                                       std::to_string(it->second) + " in another pack");
      }
    }
    registry->packs_.push_back(std::move(pack));
  }
  if (registry->packs_.empty()) return Status::InvalidArgument("no language packs found");
  registry->neutral_.code_ = "und";
  registry->neutral_.name_ = "Undetermined";
  return std::shared_ptr<const LanguageRegistry>(std::move(registry));
}

StatusOr<std::shared_ptr<const LanguageRegistry>> LanguageRegistry::FromDirectory(
    const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": not a folder");
  std::vector<std::pair<std::string, std::string>> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path& p = it->path();
    if (p.extension() != ".rules" && p.filename() != "pack.txt") continue;
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::IoError(p.string() + ": cannot read");
    std::stringstream buffer;
    buffer << in.rdbuf();
    files.emplace_back(fs::relative(p, dir).generic_string(), buffer.str());
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return FromFiles(files);
}

std::shared_ptr<const LanguageRegistry> LanguageRegistry::BuiltInShared() {
  static const std::shared_ptr<const LanguageRegistry> registry = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (const EmbeddedFile& f : EmbeddedFiles()) files.emplace_back(f.path, f.text);
    auto built = FromFiles(files);
    if (!built.ok()) {
      std::fprintf(stderr, "dateline: built-in language packs: %s\n",
                   built.status().message().c_str());
      std::abort();
    }
    return *built;
  }();
  return registry;
}

const LanguageRegistry& LanguageRegistry::BuiltIn() { return *BuiltInShared(); }

StatusOr<const LanguagePack*> LanguageRegistry::Find(std::string_view code) const {
  if (code == "und") return &neutral_;
  auto it =
      std::lower_bound(packs_.begin(), packs_.end(), code,
                       [](const LanguagePack& p, std::string_view c) { return p.code() < c; });
  if (it != packs_.end() && it->code() == code) return &*it;
  std::string known;
  for (const LanguagePack& p : packs_) known += (known.empty() ? "" : ", ") + p.code();
  return Status::InvalidArgument("unknown language '" + std::string(code) + "' (known: " + known +
                                 ")");
}

StatusOr<const LanguagePack*> LanguageRegistry::FindTaggable(std::string_view code) const {
  auto pack = Find(code);
  if (!pack.ok() || (*pack)->has_tagger_rules()) return pack;
  std::string known;
  for (const std::string& c : TaggableCodes()) known += (known.empty() ? "" : ", ") + c;
  return Status::InvalidArgument("no tagger rules for language '" + std::string(code) +
                                 "' (tagged: " + known + ")");
}

std::vector<std::string> LanguageRegistry::TaggableCodes() const {
  std::vector<std::string> out;
  for (const LanguagePack& p : packs_) {
    if (p.has_tagger_rules()) out.push_back(p.code());
  }
  return out;
}

}  // namespace dateline
