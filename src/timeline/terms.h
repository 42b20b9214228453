// The terms of a sentence for similarity: its words (text/words.h, lower
// case) without its language's function words, optionally stemmed with the
// language's Snowball stemmer. The timeline compares sentences with them, and
// the timeline scorer (eval/tls.h) counts ROUGE n-grams of them.
#ifndef DATELINE_TIMELINE_TERMS_H_
#define DATELINE_TIMELINE_TERMS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/language.h"

namespace dateline {

class Terms {
 public:
  // `pack` must outlive this object. Stemming needs the pack's stemmer; a
  // pack without one leaves words as they are.
  Terms(const LanguagePack& pack, bool stem);
  ~Terms();
  Terms(const Terms&) = delete;
  Terms& operator=(const Terms&) = delete;

  // Not thread-safe when stemming (a Snowball stemmer keeps state): one
  // object per thread.
  std::vector<std::string> Of(std::string_view sentence) const;

 private:
  const LanguagePack& pack_;
  struct Stemmer;
  std::unique_ptr<Stemmer> stemmer_;
};

}  // namespace dateline

#endif  // DATELINE_TIMELINE_TERMS_H_
