#include "dateline/status.h"

#include <gtest/gtest.h>

#include <memory>

namespace dateline {
namespace {

StatusOr<int> Half(int n) {
  if (n % 2 != 0) return Status::InvalidArgument(std::to_string(n) + " is odd");
  return n / 2;
}

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
  EXPECT_EQ(ExitStatusFor(s), 0);
  EXPECT_EQ(HttpStatusFor(s), 200);
}

TEST(StatusTest, StatusOrCarriesValueOrReason) {
  StatusOr<int> good = Half(8);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  StatusOr<int> bad = Half(7);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "7 is odd");
}

TEST(StatusTest, StatusOrHoldsMoveOnlyValues) {
  StatusOr<std::unique_ptr<int>> p = std::make_unique<int>(3);
  ASSERT_TRUE(p.ok());
  std::unique_ptr<int> taken = std::move(p).value();
  EXPECT_EQ(*taken, 3);
}

TEST(StatusTest, OneMappingToShells) {
  EXPECT_EQ(ExitStatusFor(Status::InvalidArgument("x")), 2);
  EXPECT_EQ(ExitStatusFor(Status::InvalidInput("x")), 1);
  EXPECT_EQ(HttpStatusFor(Status::InvalidArgument("x")), 400);
  EXPECT_EQ(HttpStatusFor(Status::InvalidInput("x")), 422);
  EXPECT_EQ(HttpStatusFor(Status::TooLarge("x")), 413);
  EXPECT_EQ(HttpStatusFor(Status::Unsupported("x")), 415);
  EXPECT_EQ(HttpStatusFor(Status::NotFound("x")), 404);
  EXPECT_EQ(HttpStatusFor(Status::IoError("x")), 503);
  EXPECT_EQ(HttpStatusFor(Status::Internal("x")), 500);
  EXPECT_EQ(StatusCodeName(StatusCode::kTooLarge), "too large");
}

}  // namespace
}  // namespace dateline
