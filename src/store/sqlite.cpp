#include "store/sqlite.hpp"

#include <stdexcept>

#include "parley/error.hpp"

namespace parley::store {

void fail(sqlite3* db, const std::string& what) {
  const char* name = db ? sqlite3_db_filename(db, "main") : nullptr;
  const std::string file = name && *name ? name : "database", message = db ? sqlite3_errmsg(db) : "out of memory";
  switch (db ? sqlite3_errcode(db) & 0xff : SQLITE_NOMEM) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
    case SQLITE_SCHEMA:
    case SQLITE_MISMATCH:
    case SQLITE_ERROR:  // "no such table", "no such column": a file that is not (or no longer) a parley database
      throw InputError({file, 0, 0}, "--db", what + ": " + message, "an intact parley results database");
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_NOLFS:
    case SQLITE_PROTOCOL:
      throw OutputError(file, file + ": " + what + ": " + message);
    default:
      throw std::runtime_error(file + ": " + what + ": " + message);
  }
}

void exec(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, "cannot run '" + sql.substr(0, 40) + "'");
}

Statement::Statement(sqlite3* db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail(db, std::string("cannot prepare '") + sql + "'");
}

Statement& Statement::bind(int k, std::int64_t v) {
  if (sqlite3_bind_int64(stmt_, k, v) != SQLITE_OK) fail(db_, "bind");
  return *this;
}
Statement& Statement::bind(int k, double v) {
  if (sqlite3_bind_double(stmt_, k, v) != SQLITE_OK) fail(db_, "bind");
  return *this;
}
Statement& Statement::bind(int k, const std::string& v) {
  if (sqlite3_bind_text(stmt_, k, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT) != SQLITE_OK) fail(db_, "bind");
  return *this;
}
Statement& Statement::bind_blob(int k, const void* data, std::size_t bytes) {
  if (sqlite3_bind_blob64(stmt_, k, bytes ? data : "", bytes, SQLITE_STATIC) != SQLITE_OK) fail(db_, "bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, "step");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t), bytes(col)) : std::string();
}

}  // namespace parley::store
