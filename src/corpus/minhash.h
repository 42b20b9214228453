// Near-duplicate detection: MinHash signatures over word shingles, with
// locality-sensitive hashing (LSH) bands to find candidates quickly.
//
// Text is folded (lower case, accents removed, punctuation dropped) before
// shingling, so typographic edits between reprints do not matter. Two texts
// are near-duplicates when their estimated Jaccard similarity reaches
// `kJaccardThreshold`, or when the shorter one is mostly contained in the
// longer one (a reprint with paragraphs cut).
#ifndef DATELINE_CORPUS_MINHASH_H_
#define DATELINE_CORPUS_MINHASH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

inline constexpr int kMinHashBands = 40;
inline constexpr int kMinHashRows = 3;
inline constexpr int kMinHashSize = kMinHashBands * kMinHashRows;
inline constexpr int kShingleWords = 3;

struct MinHashSignature {
  std::vector<uint32_t> values;  // kMinHashSize minima; empty for a text without shingles
  uint32_t shingles = 0;         // number of distinct shingles
};

MinHashSignature ComputeMinHash(std::string_view text);

// One key per band: equal keys make two texts candidates.
std::vector<uint64_t> LshBandKeys(const MinHashSignature& sig);

// The fraction of equal minima: an estimate of the Jaccard similarity.
double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);

// True when the two signatures belong to near-duplicate texts.
bool IsNearDuplicate(const MinHashSignature& a, const MinHashSignature& b);

// Serialisation for the store (little-endian uint32 values).
std::string EncodeSignature(const MinHashSignature& sig);
MinHashSignature DecodeSignature(std::string_view blob, uint32_t shingles);

}  // namespace dateline

#endif  // DATELINE_CORPUS_MINHASH_H_
