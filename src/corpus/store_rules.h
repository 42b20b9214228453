// What the store decides from an article's content alone, shared by the
// SQLite store (corpus.cc) and the partitions of a corpus too large for one
// store (dateline/corpus_partition.h), so that both decide the same way:
// which articles are the same content, which sentences are the same line,
// when a line is page furniture, and which full-text queries are accepted.
#ifndef DATELINE_CORPUS_STORE_RULES_H_
#define DATELINE_CORPUS_STORE_RULES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/sqlite.h"

namespace dateline {

// A sentence found verbatim in this many distinct canonical articles is page
// furniture ("Daté du jeudi 12 novembre", "Réduire le texte", a newsletter
// pitch): near-duplicate articles are already grouped, so independent
// articles repeating a line word for word are not reporting. Boilerplate
// neither dates an article nor is offered as a timeline sentence. Three, not
// two: two articles may well quote the same statement.
inline constexpr int64_t kBoilerplateArticles = 3;

// The identity of an article's content (title and text): 32 hex digits.
std::string ContentHash(std::string_view title, std::string_view text);

// The identity of a sentence's text for boilerplate counting.
int64_t SentenceHash(std::string_view text);

// Throws sql::Error (kInvalidArgument) for a full-text query over the
// bounds (1,024 bytes, 64 terms), which keep a hostile query cheap.
void CheckQuery(std::string_view query);

// Runs `step`, which evaluates the caller's full-text `query`: SQLite's
// generic error there means the query is malformed (an unterminated phrase,
// "fts5: syntax error near ..."), the caller's fault, not the store's.
template <typename F>
auto WithUserQuery(std::string_view query, F&& step) {
  try {
    return step();
  } catch (const sql::Error& e) {
    if (e.sqlite_code() != SQLITE_ERROR) throw;
    std::string message = e.what();
    message = message.substr(message.rfind(": ") + 2);
    throw sql::Error(StatusCode::kInvalidArgument,
                     "full-text query '" + std::string(query) + "': " + message);
  }
}

// The tokenizer of the store's full-text index (its schema in corpus.cc
// spells it out too): accents ignored, so "bielorussie" finds "Biélorussie".
inline constexpr std::string_view kFullTextTokenizer = "unicode61 remove_diacritics 2";

}  // namespace dateline

#endif  // DATELINE_CORPUS_STORE_RULES_H_
