#include "util/gzip_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "util/gzip_for_tests.h"

namespace dateline {
namespace {

using test_util::GzipMember;

struct Outcome {
  std::vector<std::string> members;  // decompressed, one per kMemberEnd
  std::vector<uint64_t> offsets;     // their member offsets
  std::vector<std::string> problems;
  std::string partial;  // data not closed by a member end
};

Outcome ReadAll(std::string_view bytes) {
  GzipReader gz(MemorySource(bytes));
  Outcome run;
  while (true) {
    const GzipReader::Piece& p = gz.Next();
    if (p.kind == GzipReader::Piece::kEnd) break;
    if (p.kind == GzipReader::Piece::kData) run.partial.append(p.data);
    if (p.kind == GzipReader::Piece::kMemberEnd) {
      run.members.push_back(run.partial);
      run.offsets.push_back(p.member_offset);
      run.partial.clear();
    }
    if (p.kind == GzipReader::Piece::kDamaged) {
      run.problems.push_back(p.problem);
      run.partial.clear();
    }
  }
  return run;
}

// Text that does not compress to nothing, so that members have a body.
std::string Text(int seed, size_t size) {
  std::string s;
  uint32_t x = static_cast<uint32_t>(seed) * 2654435761u + 1;
  while (s.size() < size) {
    x = x * 1664525u + 1013904223u;
    s += static_cast<char>('a' + (x >> 24) % 26);
    if ((x >> 8) % 7 == 0) s += ' ';
  }
  return s;
}

TEST(GzipReader, MembersComeOneByOneWithTheirOffsets) {
  const std::string a = GzipMember(Text(1, 3000)), b = GzipMember(Text(2, 200000)),
                    c = GzipMember("");
  const Outcome run = ReadAll(a + b + c);
  ASSERT_EQ(run.members.size(), 3u);
  EXPECT_EQ(run.members[0], Text(1, 3000));
  EXPECT_EQ(run.members[1], Text(2, 200000));
  EXPECT_EQ(run.members[2], "");
  EXPECT_EQ(run.offsets, (std::vector<uint64_t>{0, a.size(), a.size() + b.size()}));
  EXPECT_TRUE(run.problems.empty());
}

TEST(GzipReader, ZeroPaddingIsNotDamage) {
  const std::string a = GzipMember("one"), b = GzipMember("two");
  const Outcome run = ReadAll(a + std::string(100, '\0') + b + std::string(70000, '\0'));
  EXPECT_EQ(run.members, (std::vector<std::string>{"one", "two"}));
  EXPECT_TRUE(run.problems.empty());
}

// One bad byte loses its member only, and the problem gives offsets in the
// file, not inside the member.
TEST(GzipReader, DamagedMemberIsSkippedAndReadingGoesOn) {
  const std::string a = GzipMember(Text(1, 5000)), b = GzipMember(Text(2, 5000)),
                    c = GzipMember(Text(3, 5000));
  for (size_t at : {size_t{3}, size_t{12}, b.size() / 2, b.size() - 6, b.size() - 2}) {
    std::string bytes = a + b + c;
    bytes[a.size() + at] ^= 0x55;
    const Outcome run = ReadAll(bytes);
    SCOPED_TRACE("damage at byte " + std::to_string(at) + " of the second member");
    EXPECT_EQ(run.members, (std::vector<std::string>{Text(1, 5000), Text(3, 5000)}));
    ASSERT_EQ(run.problems.size(), 1u);
    EXPECT_NE(run.problems[0].find("member at byte " + std::to_string(a.size())), std::string::npos)
        << run.problems[0];
    const uint64_t where = std::stoull(run.problems[0].substr(5));
    EXPECT_GE(where, a.size());
    EXPECT_LE(where, a.size() + b.size());
  }
}

TEST(GzipReader, BytesThatAreNoMemberAreSkipped) {
  const std::string a = GzipMember("one"), b = GzipMember("two");
  const Outcome run = ReadAll(a + "garbage between members" + b);
  EXPECT_EQ(run.members, (std::vector<std::string>{"one", "two"}));
  ASSERT_EQ(run.problems.size(), 1u);
  EXPECT_EQ(run.problems[0], "byte " + std::to_string(a.size()) + ": not a gzip member");
}

TEST(GzipReader, MemberCutShortIsReportedAtTheEnd) {
  const std::string a = GzipMember("one"), b = GzipMember(Text(2, 5000));
  const Outcome run = ReadAll(a + b.substr(0, b.size() / 2));
  EXPECT_EQ(run.members, (std::vector<std::string>{"one"}));
  ASSERT_EQ(run.problems.size(), 1u);
  EXPECT_EQ(run.problems[0], "byte " + std::to_string(a.size() + b.size() / 2) +
                                 ": gzip member at byte " + std::to_string(a.size()) +
                                 " is cut short");
}

TEST(GzipReader, SourceGivingOneByteAtATime) {
  const std::string bytes = GzipMember("first") + std::string(3, '\0') + GzipMember("second");
  size_t pos = 0;
  GzipReader gz([&](char* buffer, size_t) -> size_t {
    if (pos == bytes.size()) return 0;
    *buffer = bytes[pos++];
    return 1;
  });
  std::string all;
  int ends = 0;
  for (auto* p = &gz.Next(); p->kind != GzipReader::Piece::kEnd; p = &gz.Next()) {
    ASSERT_NE(p->kind, GzipReader::Piece::kDamaged) << p->problem;
    if (p->kind == GzipReader::Piece::kData) all.append(p->data);
    ends += p->kind == GzipReader::Piece::kMemberEnd;
  }
  EXPECT_EQ(all, "firstsecond");
  EXPECT_EQ(ends, 2);
  EXPECT_EQ(gz.bytes_read(), bytes.size());
}

}  // namespace
}  // namespace dateline
