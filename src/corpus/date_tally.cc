#include "corpus/date_tally.h"

#include <algorithm>

namespace dateline {
namespace {

constexpr size_t kDateBytes = 10;
constexpr size_t kEntryBytes = kDateBytes + 8;

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

uint32_t GetU32(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<uint32_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

}  // namespace

void AddToTallies(std::vector<DateTally>& tallies, std::string_view date, bool weak) {
  auto it = std::lower_bound(tallies.begin(), tallies.end(), date,
                             [](const DateTally& t, std::string_view d) { return t.date < d; });
  if (it == tallies.end() || it->date != date) it = tallies.insert(it, {std::string(date), 0, 0});
  ++(weak ? it->weak : it->strong);
}

std::string EncodeTallies(const std::vector<DateTally>& tallies) {
  std::string out;
  out.reserve(tallies.size() * kEntryBytes);
  for (const DateTally& t : tallies) {
    if (t.date.size() != kDateBytes) continue;
    out += t.date;
    PutU32(out, t.strong);
    PutU32(out, t.weak);
  }
  return out;
}

bool DecodeTallies(std::string_view blob, std::vector<DateTally>& out) {
  if (blob.size() % kEntryBytes != 0) return false;
  for (size_t i = 0; i < blob.size(); i += kEntryBytes) {
    const char* p = blob.data() + i;
    out.push_back({std::string(p, kDateBytes), GetU32(p + kDateBytes), GetU32(p + kDateBytes + 4)});
  }
  return true;
}

}  // namespace dateline
