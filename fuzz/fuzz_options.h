// The first line of a fuzz input holds the options of the call, as words, so
// that seeds are readable files and mutations reach the options too:
//
//   fr narratives 2023-02-25T14:15
//   <the text to tag>
//
// Words are "key=value" or bare; what a target does not recognise is ignored.
#ifndef DATELINE_FUZZ_FUZZ_OPTIONS_H_
#define DATELINE_FUZZ_FUZZ_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline::fuzz {

struct FuzzInput {
  std::vector<std::string_view> words;  // of the first line
  std::string_view body;                // everything after the first '\n'
};

inline FuzzInput SplitFuzzInput(const uint8_t* data, size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  FuzzInput in;
  const size_t nl = all.find('\n');
  std::string_view line = all.substr(0, nl);
  in.body = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
  while (!line.empty()) {
    const size_t space = line.find(' ');
    if (space != 0) in.words.push_back(line.substr(0, space));
    if (space == std::string_view::npos) break;
    line.remove_prefix(space + 1);
  }
  return in;
}

// The value of "key=value" among `words`, or `fallback`.
inline std::string_view OptionValue(const FuzzInput& in, std::string_view key,
                                    std::string_view fallback = {}) {
  for (std::string_view w : in.words) {
    if (w.size() > key.size() && w.substr(0, key.size()) == key && w[key.size()] == '=') {
      return w.substr(key.size() + 1);
    }
  }
  return fallback;
}

inline bool HasWord(const FuzzInput& in, std::string_view word) {
  for (std::string_view w : in.words) {
    if (w == word) return true;
  }
  return false;
}

}  // namespace dateline::fuzz

#endif  // DATELINE_FUZZ_FUZZ_OPTIONS_H_
