#include "corpus/minhash.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

constexpr const char* kText =
    "Les manifestants se sont rassemblés place Tahrir au Caire mardi pour réclamer le départ du "
    "président, tandis que la police faisait usage de gaz lacrymogènes contre la foule réunie "
    "devant le ministère de l'Intérieur, selon plusieurs témoins joints par téléphone.";

TEST(MinHashTest, FoldsCaseAndAccents) {
  EXPECT_EQ(ComputeMinHash("BIÉLORUSSIE : le président a parlé").values,
            ComputeMinHash("bielorussie, le President a parle").values);
}

TEST(MinHashTest, IdenticalTextsAreDuplicates) {
  const auto a = ComputeMinHash(kText), b = ComputeMinHash(kText);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, b), 1.0);
  EXPECT_TRUE(IsNearDuplicate(a, b));
  EXPECT_EQ(LshBandKeys(a), LshBandKeys(b));
}

TEST(MinHashTest, TypographicEditsDoNotMatter) {
  std::string edited = kText;
  const std::string from = "l'Intérieur";
  edited.replace(edited.find(from), from.size(), "l’INTERIEUR");
  EXPECT_GT(EstimateJaccard(ComputeMinHash(kText), ComputeMinHash(edited)), 0.9);
}

TEST(MinHashTest, DifferentTextsAreNot) {
  const auto a = ComputeMinHash(kText);
  const auto b = ComputeMinHash(
      "Le gouvernement a annoncé jeudi un plan de relance économique de plusieurs milliards "
      "destiné aux petites entreprises et aux agriculteurs touchés par la sécheresse de l'été.");
  EXPECT_LT(EstimateJaccard(a, b), 0.1);
  EXPECT_FALSE(IsNearDuplicate(a, b));
}

TEST(MinHashTest, SignatureRoundTrips) {
  const auto a = ComputeMinHash(kText);
  const auto b = DecodeSignature(EncodeSignature(a), a.shingles);
  EXPECT_EQ(a.values, b.values);
}

TEST(MinHashTest, EmptyTextHasNoSignature) {
  EXPECT_TRUE(ComputeMinHash("  ,; ").values.empty());
  EXPECT_TRUE(LshBandKeys(ComputeMinHash("")).empty());
}

}  // namespace
}  // namespace dateline
