// A thin RAII layer over the SQLite C API: statements that finalize themselves and errors that
// name the database file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace parley::store {

/// Throws the error that says whose problem SQLite's last error on `db` is:
/// - a damaged or foreign file (SQLITE_CORRUPT, NOTADB, ERROR such as a missing table, ...):
///   InputError naming the file and --db (exit 2);
/// - a file that cannot take the data (SQLITE_FULL, READONLY, IOERR, CANTOPEN, BUSY, LOCKED, ...):
///   OutputError "PATH: what: sqlite message" (exit 3);
/// - anything else (SQLITE_MISUSE, RANGE, CONSTRAINT, NOMEM, ...), a bug: std::runtime_error (exit 1).
[[noreturn]] void fail(sqlite3* db, const std::string& what);

/// Runs one or more statements that return no rows.
void exec(sqlite3* db, const std::string& sql);

class Statement {
 public:
  Statement(sqlite3* db, const char* sql);
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int k, std::int64_t v);
  Statement& bind(int k, double v);
  Statement& bind(int k, const std::string& v);
  Statement& bind_blob(int k, const void* data, std::size_t bytes);
  /// Steps once: true while there is a row.
  bool step();
  /// Steps to completion (statements without rows) and resets for reuse.
  void run();
  void reset();

  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string text(int col) const;
  const void* blob(int col) const { return sqlite3_column_blob(stmt_, col); }
  std::size_t bytes(int col) const { return static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) { exec(db_, "BEGIN IMMEDIATE"); }
  ~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    exec(db_, "COMMIT");
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool done_ = false;
};

}  // namespace parley::store
