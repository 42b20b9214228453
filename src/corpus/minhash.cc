#include "corpus/minhash.h"

// Header-only xxHash: the library does not link libxxhash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <unordered_set>

#include "text/words.h"

namespace dateline {
namespace {

constexpr double kJaccardThreshold = 0.5;
constexpr double kContainmentThreshold = 0.7;
constexpr uint32_t kMinShinglesForContainment = 20;

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

MinHashSignature ComputeMinHash(std::string_view text) {
  const std::vector<std::string> words = Words(text, WordForm::kFolded);
  std::unordered_set<uint64_t> shingles;
  if (words.size() >= static_cast<size_t>(kShingleWords)) {
    for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
      uint64_t h = 0;
      for (int j = 0; j < kShingleWords; ++j) {
        h = XXH3_64bits_withSeed(words[i + j].data(), words[i + j].size(), h);
      }
      shingles.insert(h);
    }
  } else if (!words.empty()) {
    std::string joined;
    for (const auto& w : words) joined += w + " ";
    shingles.insert(XXH3_64bits(joined.data(), joined.size()));
  }
  MinHashSignature sig;
  sig.shingles = static_cast<uint32_t>(shingles.size());
  if (shingles.empty()) return sig;
  sig.values.assign(kMinHashSize, std::numeric_limits<uint32_t>::max());
  for (uint64_t s : shingles) {
    // Two independent hashes combine into kMinHashSize hash functions.
    const uint64_t h1 = Mix(s);
    const uint64_t h2 = Mix(s ^ 0x9e3779b97f4a7c15ULL) | 1;
    for (int i = 0; i < kMinHashSize; ++i) {
      const uint32_t v = static_cast<uint32_t>(Mix(h1 + static_cast<uint64_t>(i) * h2) >> 32);
      sig.values[i] = std::min(sig.values[i], v);
    }
  }
  return sig;
}

std::vector<uint64_t> LshBandKeys(const MinHashSignature& sig) {
  std::vector<uint64_t> keys;
  if (sig.values.size() != static_cast<size_t>(kMinHashSize)) return keys;
  keys.reserve(kMinHashBands);
  for (int b = 0; b < kMinHashBands; ++b) {
    const uint32_t* row = sig.values.data() + b * kMinHashRows;
    uint64_t key = XXH3_64bits_withSeed(row, sizeof(uint32_t) * kMinHashRows, b);
    keys.push_back(key >> 1);  // fits a signed SQLite integer
  }
  return keys;
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.values.size() != b.values.size() || a.values.empty()) return 0.0;
  int equal = 0;
  for (size_t i = 0; i < a.values.size(); ++i) equal += a.values[i] == b.values[i];
  return static_cast<double>(equal) / static_cast<double>(a.values.size());
}

bool IsNearDuplicate(const MinHashSignature& a, const MinHashSignature& b) {
  const double j = EstimateJaccard(a, b);
  if (j >= kJaccardThreshold) return true;
  const uint32_t smaller = std::min(a.shingles, b.shingles);
  if (smaller < kMinShinglesForContainment || j <= 0.0) return false;
  // |A ∩ B| = J (|A| + |B|) / (1 + J); containment of the smaller text.
  const double inter = j * (static_cast<double>(a.shingles) + b.shingles) / (1.0 + j);
  return inter / smaller >= kContainmentThreshold;
}

std::string EncodeSignature(const MinHashSignature& sig) {
  std::string out;
  out.reserve(sig.values.size() * 4);
  for (uint32_t v : sig.values) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  return out;
}

MinHashSignature DecodeSignature(std::string_view blob, uint32_t shingles) {
  MinHashSignature sig;
  sig.shingles = shingles;
  for (size_t p = 0; p + 4 <= blob.size(); p += 4) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<uint32_t>(static_cast<unsigned char>(blob[p + i])) << (8 * i);
    sig.values.push_back(v);
  }
  return sig;
}

}  // namespace dateline
