#include "timeline/terms.h"

#include <libstemmer.h>

#include "text/words.h"

namespace dateline {

struct Terms::Stemmer {
  sb_stemmer* stemmer = nullptr;
  ~Stemmer() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }
};

Terms::Terms(const LanguagePack& pack, bool stem) : pack_(pack) {
  if (stem && !pack.stemmer().empty()) {
    stemmer_ = std::make_unique<Stemmer>();
    stemmer_->stemmer = sb_stemmer_new(pack.stemmer().c_str(), "UTF_8");
  }
}

Terms::~Terms() = default;

std::vector<std::string> Terms::Of(std::string_view sentence) const {
  std::vector<std::string> out;
  for (std::string& word : Words(sentence, WordForm::kLower)) {
    if (pack_.IsStopWord(word)) continue;
    if (stemmer_ && stemmer_->stemmer) {
      const sb_symbol* s =
          sb_stemmer_stem(stemmer_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                          static_cast<int>(word.size()));
      if (s) {
        word.assign(reinterpret_cast<const char*>(s),
                    static_cast<size_t>(sb_stemmer_length(stemmer_->stemmer)));
      }
    }
    out.push_back(std::move(word));
  }
  return out;
}

}  // namespace dateline
