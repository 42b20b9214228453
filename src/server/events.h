// Server-sent events: a hub that jobs publish to and that each open
// /v1/events stream reads from. Independent of the HTTP library: a stream is
// told how to park its connection when it has nothing to send and how to
// wake it when something arrives.
#ifndef DATELINE_SERVER_EVENTS_H_
#define DATELINE_SERVER_EVENTS_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::server {

class EventStream {
 public:
  // `wake` is called (under the stream's lock) when text arrives for a
  // stream parked by Read().
  explicit EventStream(std::function<void()> wake) : wake_(std::move(wake)) {}

  // Moves up to `max` bytes of pending text into `buffer` and returns their
  // count; -1 when the stream has ended and everything was sent. When there
  // is nothing to send, calls `park` under the lock (the caller suspends its
  // connection there, so that a wake cannot come before the park) and
  // returns 0.
  long Read(char* buffer, size_t max, const std::function<void()>& park);

  // Appends an event; ends the stream instead when more than `max_pending`
  // bytes wait unsent (a client that does not read). Thread-safe.
  void Push(std::string_view text, size_t max_pending);
  void End();  // after the pending text
  bool ended() const;

 private:
  mutable std::mutex mutex_;
  std::string pending_;
  size_t sent_ = 0;  // bytes of pending_ already read
  bool parked_ = false;
  bool ended_ = false;
  std::function<void()> wake_;
};

class EventHub {
 public:
  explicit EventHub(size_t max_streams) : max_streams_(max_streams) {}

  // A new stream, which first receives a `hello` event; null when
  // `max_streams` are open or the hub is closed.
  std::shared_ptr<EventStream> Subscribe(std::function<void()> wake);
  // Forgets a stream whose connection is gone.
  void Unsubscribe(const EventStream* stream);

  // Sends `event: name` with one line of JSON `data` to every stream.
  void Publish(std::string_view name, std::string_view data);
  // A comment line, so that proxies and clients keep idle streams and the
  // server notices streams whose client has gone.
  void Heartbeat();
  // Ends every stream and refuses new ones.
  void Close();
  size_t size() const;

  // The SSE text of one event.
  static std::string Format(std::string_view name, std::string_view data);

 private:
  static constexpr size_t kMaxPendingBytes = size_t{1} << 20;
  const size_t max_streams_;
  mutable std::mutex mutex_;
  bool closed_ = false;
  std::vector<std::shared_ptr<EventStream>> streams_;
};

}  // namespace dateline::server

#endif  // DATELINE_SERVER_EVENTS_H_
