// End-to-end tests of input limits: endless and oversized inputs give a
// message naming the input, never a crash, and a limit holds before the
// input is in memory.
#include <gtest/gtest.h>

#include <string>

#include "cli_test_util.h"

namespace dateline {
namespace {

using testing::RunDateline;

TEST(BoundedInputTest, ReadOfAnEndlessInputIsAnError) {
  const auto r = RunDateline("read --format jsonl /dev/zero");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("/dev/zero: input exceeds the limit of 67108864 bytes"), std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("\"error\""), std::string::npos) << r.out;
}

TEST(BoundedInputTest, TagOfAnEndlessInputIsAnError) {
  // The default limit (512 MiB) holds the same way; a small one keeps the test quick.
  const auto r = RunDateline("tag --lang fr --max-bytes 4000000 /dev/zero");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.err, "dateline: /dev/zero: input exceeds the limit of 4000000 bytes\n");
  EXPECT_EQ(r.out, "");
}

TEST(BoundedInputTest, MaxBytesHoldsForStandardInput) {
  const auto r = RunDateline("read --format jsonl --max-bytes 1000", std::string(5000, 'x'));
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("<stdin>: input exceeds the limit of 1000 bytes"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace dateline
