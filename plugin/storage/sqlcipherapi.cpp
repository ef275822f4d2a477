// SPDX-License-Identifier: LGPL-2.1-or-later
#include "storage/sqlcipherapi_p.h"

#include <dlfcn.h>

#include <mutex>

namespace QmsAudit {
namespace {

#ifdef QMSAUDIT_SQLCIPHER_DIRECT
Result<SqlCipherApi> bind()
{
    return SqlCipherApi{
        &::sqlite3_open_v2, &::sqlite3_close_v2, &::sqlite3_key, &::sqlite3_rekey, &::sqlite3_exec,
        &::sqlite3_free, &::sqlite3_prepare_v2, &::sqlite3_step, &::sqlite3_reset, &::sqlite3_finalize,
        &::sqlite3_clear_bindings, &::sqlite3_bind_int64, &::sqlite3_bind_text, &::sqlite3_bind_blob,
        &::sqlite3_bind_null, &::sqlite3_column_count, &::sqlite3_column_type, &::sqlite3_column_int64,
        &::sqlite3_column_text, &::sqlite3_column_blob, &::sqlite3_column_bytes, &::sqlite3_errmsg,
        &::sqlite3_errstr, &::sqlite3_extended_errcode, &::sqlite3_extended_result_codes,
        &::sqlite3_busy_timeout, &::sqlite3_progress_handler, &::sqlite3_libversion};
}
#else
template<typename Fn>
bool resolve(void *handle, const char *name, Fn &slot, QString &missing)
{
    slot = reinterpret_cast<Fn>(::dlsym(handle, name));
    if (!slot)
        missing = QString::fromLatin1(name);
    return slot != nullptr;
}

Result<SqlCipherApi> bind()
{
    // RTLD_DEEPBIND: references inside libsqlcipher to its own sqlite3_* symbols bind to itself,
    // not to an earlier-loaded libsqlite3. RTLD_LOCAL: its symbols do not leak to the host.
    // Never dlclose()d: SQLite keeps global state for the life of the process.
    void *handle = ::dlopen(QMSAUDIT_SQLCIPHER_SONAME, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!handle) {
        return Error(ErrorCode::EncryptionUnavailable,
                     QStringLiteral("Cannot load %1 (install the libsqlcipher0 package): %2")
                         .arg(QString::fromLatin1(QMSAUDIT_SQLCIPHER_SONAME), QString::fromLocal8Bit(::dlerror())));
    }
    SqlCipherApi api{};
    QString missing;
    const bool all = resolve(handle, "sqlite3_open_v2", api.open_v2, missing)
        && resolve(handle, "sqlite3_close_v2", api.close_v2, missing)
        && resolve(handle, "sqlite3_key", api.key, missing)
        && resolve(handle, "sqlite3_rekey", api.rekey, missing)
        && resolve(handle, "sqlite3_exec", api.exec, missing)
        && resolve(handle, "sqlite3_free", api.free, missing)
        && resolve(handle, "sqlite3_prepare_v2", api.prepare_v2, missing)
        && resolve(handle, "sqlite3_step", api.step, missing)
        && resolve(handle, "sqlite3_reset", api.reset, missing)
        && resolve(handle, "sqlite3_finalize", api.finalize, missing)
        && resolve(handle, "sqlite3_clear_bindings", api.clear_bindings, missing)
        && resolve(handle, "sqlite3_bind_int64", api.bind_int64, missing)
        && resolve(handle, "sqlite3_bind_text", api.bind_text, missing)
        && resolve(handle, "sqlite3_bind_blob", api.bind_blob, missing)
        && resolve(handle, "sqlite3_bind_null", api.bind_null, missing)
        && resolve(handle, "sqlite3_column_count", api.column_count, missing)
        && resolve(handle, "sqlite3_column_type", api.column_type, missing)
        && resolve(handle, "sqlite3_column_int64", api.column_int64, missing)
        && resolve(handle, "sqlite3_column_text", api.column_text, missing)
        && resolve(handle, "sqlite3_column_blob", api.column_blob, missing)
        && resolve(handle, "sqlite3_column_bytes", api.column_bytes, missing)
        && resolve(handle, "sqlite3_errmsg", api.errmsg, missing)
        && resolve(handle, "sqlite3_errstr", api.errstr, missing)
        && resolve(handle, "sqlite3_extended_errcode", api.extended_errcode, missing)
        && resolve(handle, "sqlite3_extended_result_codes", api.extended_result_codes, missing)
        && resolve(handle, "sqlite3_busy_timeout", api.busy_timeout, missing)
        && resolve(handle, "sqlite3_progress_handler", api.progress_handler, missing)
        && resolve(handle, "sqlite3_libversion", api.libversion, missing);
    if (!all) {
        return Error(ErrorCode::EncryptionUnavailable,
                     QStringLiteral("%1 lacks the function %2; it is not a usable SQLCipher build")
                         .arg(QString::fromLatin1(QMSAUDIT_SQLCIPHER_SONAME), missing));
    }
    return api;
}
#endif

} // namespace

Result<const SqlCipherApi *> SqlCipherApi::instance()
{
    static std::once_flag once;
    static std::optional<Result<SqlCipherApi>> bound;
    std::call_once(once, [] { bound.emplace(bind()); });
    if (!bound->ok())
        return bound->error();
    return &bound->value();
}

} // namespace QmsAudit
