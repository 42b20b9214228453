#include "util/io.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "util/gzip_for_tests.h"

namespace dateline {
namespace {

using test_util::GzipMember;

namespace fs = std::filesystem;

class ReadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dateline_io_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  fs::path dir_;
};

TEST_F(ReadInputTest, PlainInputIsBoundedToo) {
  const std::string path = Write("big.txt", std::string(5000, 'x'));
  const ReadResult over = ReadInput(path, 4999);
  EXPECT_FALSE(over.ok);
  EXPECT_EQ(over.error, path + ": input exceeds the limit of 4999 bytes");
  EXPECT_TRUE(over.data.empty());
  const ReadResult exact = ReadInput(path, 5000);
  ASSERT_TRUE(exact.ok) << exact.error;
  EXPECT_EQ(exact.data.size(), 5000u);
}

// A large file is refused by its size, before it is read: the limit bounds
// memory, not only the result.
TEST_F(ReadInputTest, LargeFileIsRefusedBeforeItIsRead) {
  const std::string path = (dir_ / "sparse.html").string();
  { std::ofstream(path, std::ios::binary) << "x"; }
  fs::resize_file(path, size_t{256} << 20);  // sparse: costs no disk
  rusage before{}, after{};
  getrusage(RUSAGE_SELF, &before);
  const ReadResult r = ReadInput(path, 1000);
  getrusage(RUSAGE_SELF, &after);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("exceeds the limit of 1000 bytes"), std::string::npos) << r.error;
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 64 * 1024) << "KiB of peak memory";
}

// An endless input costs no more than the limit and gives a message.
TEST_F(ReadInputTest, EndlessInputStopsAtTheLimit) {
  const ReadResult r = ReadInput("/dev/zero", 1 << 20);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "/dev/zero: input exceeds the limit of 1048576 bytes");
}

TEST_F(ReadInputTest, GzipMembersAndZeroPadding) {
  const std::string path = Write(
      "page.html.gz", GzipMember("<p>one</p>") + GzipMember("<p>two</p>") + std::string(512, '\0'));
  const ReadResult r = ReadInput(path);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.data, "<p>one</p><p>two</p>");
}

TEST_F(ReadInputTest, GzipLimitIsOnTheDecompressedSize) {
  const std::string path = Write("bomb.gz", GzipMember(std::string(8 << 20, 'a')));
  const ReadResult r = ReadInput(path, 1 << 20);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, path + ": decompressed size exceeds the limit of 1048576 bytes");
}

// The offset of damage is in the file, past the members before it.
TEST_F(ReadInputTest, GzipDamageGivesItsOffsetInTheFile) {
  const std::string first = GzipMember(std::string(3000, 'a'));
  std::string second = GzipMember("<p>the second member</p>");
  second[second.size() - 5] ^= 0x20;  // its CRC
  const std::string path = Write("damaged.gz", first + second);
  const ReadResult r = ReadInput(path);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("damaged gzip member at byte " + std::to_string(first.size())),
            std::string::npos)
      << r.error;
  // Found where the CRC is checked: inside the second member, in file offsets.
  ASSERT_EQ(r.error.rfind(path + ": byte ", 0), 0u) << r.error;
  const uint64_t at = std::stoull(r.error.substr(path.size() + 7));
  EXPECT_GT(at, first.size());
  EXPECT_LE(at, first.size() + second.size());
}

TEST(Gunzip, InMemoryWithPaddingAndOffsets) {
  std::string out, error;
  const std::string a = GzipMember("abc");
  ASSERT_TRUE(Gunzip(a + a + std::string(8, '\0'), 100, out, error)) << error;
  EXPECT_EQ(out, "abcabc");
  EXPECT_FALSE(Gunzip(a + a.substr(0, 10), 100, out, error));
  EXPECT_EQ(error, "byte " + std::to_string(a.size() + 10) + ": gzip member at byte " +
                       std::to_string(a.size()) + " is cut short");
  EXPECT_FALSE(Gunzip(a + "trailing words", 100, out, error));
  EXPECT_EQ(error, "byte " + std::to_string(a.size()) + ": not a gzip member");
}

}  // namespace
}  // namespace dateline
