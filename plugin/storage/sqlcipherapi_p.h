// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

// SQLITE_HAS_CODEC comes from the SQLCipher::Headers target; without it sqlite3_key is undeclared.
#include <sqlcipher/sqlite3.h>

#include <qmsaudit/result.h>

namespace QmsAudit {

/**
 * The SQLCipher functions the library uses, bound once per process.
 *
 * Default build: libsqlcipher is dlopen()ed with RTLD_LOCAL|RTLD_DEEPBIND and called only through
 * this table, so a host that already loaded the system libsqlite3 (QtSql, Poco::DataSQLite …)
 * cannot capture our calls: both export the same sqlite3_* names (docs/design-notes.md, pitfall 1).
 * Sanitizer builds (QMSAUDIT_SQLCIPHER_DIRECT) link it directly because ASan refuses DEEPBIND.
 */
struct SqlCipherApi {
    decltype(&::sqlite3_open_v2) open_v2;
    decltype(&::sqlite3_close_v2) close_v2;
    decltype(&::sqlite3_key) key;
    decltype(&::sqlite3_rekey) rekey;
    decltype(&::sqlite3_exec) exec;
    decltype(&::sqlite3_free) free;
    decltype(&::sqlite3_prepare_v2) prepare_v2;
    decltype(&::sqlite3_step) step;
    decltype(&::sqlite3_reset) reset;
    decltype(&::sqlite3_finalize) finalize;
    decltype(&::sqlite3_clear_bindings) clear_bindings;
    decltype(&::sqlite3_bind_int64) bind_int64;
    decltype(&::sqlite3_bind_text) bind_text;
    decltype(&::sqlite3_bind_blob) bind_blob;
    decltype(&::sqlite3_bind_null) bind_null;
    decltype(&::sqlite3_column_count) column_count;
    decltype(&::sqlite3_column_type) column_type;
    decltype(&::sqlite3_column_int64) column_int64;
    decltype(&::sqlite3_column_text) column_text;
    decltype(&::sqlite3_column_blob) column_blob;
    decltype(&::sqlite3_column_bytes) column_bytes;
    decltype(&::sqlite3_errmsg) errmsg;
    decltype(&::sqlite3_errstr) errstr;
    decltype(&::sqlite3_extended_errcode) extended_errcode;
    decltype(&::sqlite3_extended_result_codes) extended_result_codes;
    decltype(&::sqlite3_busy_timeout) busy_timeout;
    decltype(&::sqlite3_progress_handler) progress_handler;
    decltype(&::sqlite3_libversion) libversion;

    /// The process-wide table, or EncryptionUnavailable if libsqlcipher cannot be loaded.
    static Result<const SqlCipherApi *> instance();
};

} // namespace QmsAudit
