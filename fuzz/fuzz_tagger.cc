// Fuzzes Tagger::Tag over French, English and detected languages, both
// anchoring modes, with and without a document creation time, and checks
// what the header promises of every result (see CheckExpressions).
//
// Input: a first line of options, then the text to tag:
//   fr|en|auto  news|narratives  [YYYY-MM-DD[THH:MM[:SS]]]
// A missing or unknown language is "auto"; a DCT that does not parse is
// left out (the text is tagged without one).
#include <memory>

#include "dateline/tagger.h"
#include "fuzz_check.h"
#include "fuzz_options.h"

namespace {

const dateline::Tagger& SharedTagger() {
  static const dateline::Tagger* tagger = dateline::Tagger::Create().release();
  return *tagger;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dateline;
  const fuzz::FuzzInput in = fuzz::SplitFuzzInput(data, size);
  TagOptions options;
  options.language = fuzz::HasWord(in, "fr") ? "fr" : fuzz::HasWord(in, "en") ? "en" : "auto";
  options.mode = fuzz::HasWord(in, "narratives") ? AnchorMode::kNarratives : AnchorMode::kNews;
  for (std::string_view w : in.words) {
    if (auto dct = ParseDayTime(w)) options.dct = dct;
  }
  const auto found = SharedTagger().Tag(in.body, options);
  // "auto" finds no language in text without function words: an error, not
  // a default language.
  fuzz::Check(found.ok() || options.language == "auto", "tagging failed", found.status().message());
  if (found.ok()) fuzz::CheckExpressions(in.body, *found);
  return 0;
}
