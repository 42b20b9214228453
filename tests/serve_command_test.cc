// `dateline serve` flags: the ones that must refuse to start do, with a
// usage error (exit status 2) naming the problem.
#include <gtest/gtest.h>

#include "cli_test_util.h"

namespace dateline {
namespace {

using testing::RunDateline;
using testing::TempFile;

TEST(ServeCommandTest, AnAddressOtherThanLoopbackNeedsATokenFile) {
  const auto r = RunDateline("serve --listen 0.0.0.0:0 --db /nonexistent/never-opened.db");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--token-file"), std::string::npos) << r.err;
}

TEST(ServeCommandTest, ATokenFileMustHoldALongEnoughToken) {
  TempFile empty("token", "\n");
  auto r = RunDateline("serve --listen 0.0.0.0:0 --token-file " + empty.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no token of 16 or more characters"), std::string::npos) << r.err;
  r = RunDateline("serve --token-file /nonexistent/token");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("cannot read /nonexistent/token"), std::string::npos) << r.err;
}

TEST(ServeCommandTest, ListenMustBeAnAddressAndAPort) {
  for (const char* bad : {"127.0.0.1", "127.0.0.1:http", "127.0.0.1:80x"}) {
    const auto r = RunDateline(std::string("serve --listen ") + bad);
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("--listen"), std::string::npos) << r.err;
  }
  const auto r = RunDateline("serve --listen 127.0.0.1:99999 --db /nonexistent/x.db");
  EXPECT_NE(r.status, 0);
}

}  // namespace
}  // namespace dateline
