// Content identities and query bounds of the store (see store_rules.h).
#include "corpus/store_rules.h"

// Header-only xxHash: the library does not link libxxhash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdio>

namespace dateline {

std::string ContentHash(std::string_view title, std::string_view text) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, title.data(), title.size());
  XXH3_128bits_update(state, "\0", 1);
  XXH3_128bits_update(state, text.data(), text.size());
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

int64_t SentenceHash(std::string_view text) {
  return static_cast<int64_t>(XXH3_64bits(text.data(), text.size()));
}

// Full-text queries are typed by people or sent by a search box: these
// bounds leave room for any of them, and keep a hostile query's cost (FTS5
// grows with the square of the number of matching terms: 4,000 repeated
// terms took 3 s on 23 articles) small.
constexpr size_t kMaxQueryBytes = 1024;
constexpr size_t kMaxQueryTerms = 64;

void CheckQuery(std::string_view query) {
  size_t terms = 0;
  bool in_term = false;
  for (char c : query) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    terms += !space && !in_term;
    in_term = !space;
  }
  if (query.size() > kMaxQueryBytes || terms > kMaxQueryTerms) {
    throw sql::Error(StatusCode::kInvalidArgument,
                     "full-text query of " + std::to_string(query.size()) + " bytes and " +
                         std::to_string(terms) + " terms: the limit is " +
                         std::to_string(kMaxQueryBytes) + " bytes and " +
                         std::to_string(kMaxQueryTerms) + " terms");
  }
}

}  // namespace dateline
