// Thin RAII wrappers over the SQLite C API for the corpus store. Errors throw
// sql::Error with the database file name and SQLite's message; the store
// turns them into a Status at its public boundary (corpus.h), so they never
// leave the library.
#ifndef DATELINE_CORPUS_SQLITE_H_
#define DATELINE_CORPUS_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "dateline/status.h"

namespace dateline::sql {

class Error : public std::runtime_error {
 public:
  Error(StatusCode code, const std::string& message, int sqlite_code = 0)
      : std::runtime_error(message), code_(code), sqlite_code_(sqlite_code) {}
  Status ToStatus() const { return Status(code_, what()); }
  // SQLite's primary result code (SQLITE_ERROR for a malformed query), 0
  // for errors of dateline's own.
  int sqlite_code() const { return sqlite_code_; }

 private:
  StatusCode code_;
  int sqlite_code_;
};

// Runs `f` and returns its value, or the Status of the sql::Error it threw.
template <typename F>
auto Guard(F&& f) -> StatusOr<decltype(f())> {
  try {
    return f();
  } catch (const Error& e) {
    return e.ToStatus();
  }
}

class Database {
 public:
  // Opens, and creates unless `read_only`.
  explicit Database(const std::string& path, bool read_only = false);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without results.
  void Exec(std::string_view sql);
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  [[noreturn]] void Fail(std::string_view what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement; Bind* take 1-based indexes, Column* 0-based.
class Statement {
 public:
  Statement(const Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view blob);
  Statement& BindNull(int index);
  // Returns true when a row is available, false when done.
  bool Step();
  // Step() that expects no row; then Reset().
  void Run();
  void Reset();

  int64_t Int(int column) const;
  std::string Text(int column) const;
  std::string_view Blob(int column) const;

 private:
  const Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace dateline::sql

#endif  // DATELINE_CORPUS_SQLITE_H_
