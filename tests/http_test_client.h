// A small HTTP/1.1 client over raw sockets for the server's tests: whole
// requests and answers, and the pieces fault tests need (a connection to
// write half a request on, a stream read with a deadline).
#ifndef DATELINE_TESTS_HTTP_TEST_CLIENT_H_
#define DATELINE_TESTS_HTTP_TEST_CLIENT_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dateline::testing {

struct HttpReply {
  int status = 0;                              // 0: no answer (connection closed or timed out)
  std::map<std::string, std::string> headers;  // names lower case
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// A connected socket to 127.0.0.1:port; -1 on failure.
inline int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    close(fd);
    return -1;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

inline bool SendAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Reads what arrives within `timeout_ms` (in total) into `out`, until
// `done(out)` holds or the peer closes; returns false on timeout.
template <typename Done>
bool ReadUntil(int fd, std::string& out, int timeout_ms, Done&& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buffer[65536];
  while (!done(out)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);  // sockets and pipes
    if (n <= 0) return true;  // closed
    out.append(buffer, static_cast<size_t>(n));
  }
  return true;
}

// Parses one answer from the start of `raw`; status 0 when incomplete.
inline HttpReply ParseReply(const std::string& raw, bool closed, size_t* used = nullptr) {
  HttpReply r;
  const size_t end = raw.find("\r\n\r\n");
  if (end == std::string::npos) return r;
  size_t line_end = raw.find("\r\n");
  const std::string status_line = raw.substr(0, line_end);
  const size_t sp = status_line.find(' ');
  if (sp == std::string::npos) return r;
  for (size_t pos = line_end + 2; pos < end;) {
    const size_t eol = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, eol - pos);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t v = colon + 1;
      while (v < line.size() && line[v] == ' ') ++v;
      r.headers[name] = line.substr(v);
    }
    pos = eol + 2;
  }
  size_t body = end + 4;
  if (r.headers.count("content-length")) {
    const size_t n = std::stoull(r.headers["content-length"]);
    if (raw.size() < body + n) return r;
    r.body = raw.substr(body, n);
    if (used) *used = body + n;
  } else if (r.Header("transfer-encoding") == "chunked") {
    std::string out;
    for (;;) {
      const size_t eol = raw.find("\r\n", body);
      if (eol == std::string::npos) return r;
      const size_t n = std::stoull(raw.substr(body, eol - body), nullptr, 16);
      if (raw.size() < eol + 2 + n + 2) return r;
      out.append(raw, eol + 2, n);
      body = eol + 2 + n + 2;
      if (n == 0) break;
    }
    r.body = std::move(out);
    if (used) *used = body;
  } else {
    if (!closed) return r;
    r.body = raw.substr(body);
    if (used) *used = raw.size();
  }
  r.status = std::stoi(status_line.substr(sp + 1, 3));
  return r;
}

// Sends `raw` on a new connection and reads one answer.
inline HttpReply RawExchange(int port, const std::string& raw, int timeout_ms = 30000) {
  const int fd = Connect(port);
  if (fd < 0) return {};
  HttpReply reply;
  if (SendAll(fd, raw)) {
    std::string in;
    bool closed = false;
    ReadUntil(fd, in, timeout_ms, [&](const std::string& s) {
      reply = ParseReply(s, false);
      return reply.status != 0;
    });
    if (reply.status == 0) {
      closed = true;
      reply = ParseReply(in, closed);
    }
  }
  close(fd);
  return reply;
}

inline std::string RequestText(
    const std::string& method, const std::string& target, const std::string& body = "",
    const std::string& content_type = "",
    const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!content_type.empty()) raw += "Content-Type: " + content_type + "\r\n";
  for (const auto& [name, value] : headers) raw += name + ": " + value + "\r\n";
  if (method == "POST" || method == "PUT" || !body.empty()) {
    raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  return raw + "\r\n" + body;
}

inline HttpReply Request(int port, const std::string& method, const std::string& target,
                         const std::string& body = "", const std::string& content_type = "",
                         const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  return RawExchange(port, RequestText(method, target, body, content_type, headers));
}

}  // namespace dateline::testing

#endif  // DATELINE_TESTS_HTTP_TEST_CLIENT_H_
