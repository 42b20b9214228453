#include "server/events.h"

#include <algorithm>
#include <cstring>

namespace dateline::server {

long EventStream::Read(char* buffer, size_t max, const std::function<void()>& park) {
  std::lock_guard<std::mutex> lock(mutex_);
  const size_t left = pending_.size() - sent_;
  if (left == 0) {
    pending_.clear();
    sent_ = 0;
    if (ended_) return -1;
    parked_ = true;
    park();
    return 0;
  }
  const size_t n = std::min(left, max);
  std::memcpy(buffer, pending_.data() + sent_, n);
  sent_ += n;
  return static_cast<long>(n);
}

void EventStream::Push(std::string_view text, size_t max_pending) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (ended_) return;
  if (pending_.size() - sent_ + text.size() > max_pending) {
    ended_ = true;  // a reader this far behind is not reading
  } else {
    pending_.append(text);
  }
  if (parked_) {
    parked_ = false;
    wake_();
  }
}

void EventStream::End() {
  std::lock_guard<std::mutex> lock(mutex_);
  ended_ = true;
  if (parked_) {
    parked_ = false;
    wake_();
  }
}

bool EventStream::ended() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ended_;
}

std::string EventHub::Format(std::string_view name, std::string_view data) {
  std::string out = "event: ";
  out.append(name);
  out += "\ndata: ";
  // One data line: JSON from dump() holds no raw newline.
  for (char c : data) {
    if (c != '\n' && c != '\r') out += c;
  }
  out += "\n\n";
  return out;
}

std::shared_ptr<EventStream> EventHub::Subscribe(std::function<void()> wake) {
  auto stream = std::make_shared<EventStream>(std::move(wake));
  std::lock_guard<std::mutex> lock(mutex_);
  if (closed_ || streams_.size() >= max_streams_) return nullptr;
  stream->Push(Format("hello", "{}"), kMaxPendingBytes);
  streams_.push_back(stream);
  return stream;
}

void EventHub::Unsubscribe(const EventStream* stream) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(streams_, [&](const auto& s) { return s.get() == stream; });
}

void EventHub::Publish(std::string_view name, std::string_view data) {
  const std::string text = Format(name, data);
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& s : streams_) s->Push(text, kMaxPendingBytes);
}

void EventHub::Heartbeat() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& s : streams_) s->Push(": keep-alive\n\n", kMaxPendingBytes);
}

void EventHub::Close() {
  std::lock_guard<std::mutex> lock(mutex_);
  closed_ = true;
  for (const auto& s : streams_) s->End();
  streams_.clear();
}

size_t EventHub::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return streams_.size();
}

}  // namespace dateline::server
