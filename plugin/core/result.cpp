// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/result.h>

namespace QmsAudit {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None: return QStringLiteral("none");
    case ErrorCode::InvalidArgument: return QStringLiteral("invalid_argument");
    case ErrorCode::InvalidEvent: return QStringLiteral("invalid_event");
    case ErrorCode::ReasonRequired: return QStringLiteral("reason_required");
    case ErrorCode::NotFound: return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists: return QStringLiteral("already_exists");
    case ErrorCode::WrongKey: return QStringLiteral("wrong_key");
    case ErrorCode::NotALog: return QStringLiteral("not_a_log");
    case ErrorCode::NotEncrypted: return QStringLiteral("not_encrypted");
    case ErrorCode::EncryptionUnavailable: return QStringLiteral("encryption_unavailable");
    case ErrorCode::KeyUnavailable: return QStringLiteral("key_unavailable");
    case ErrorCode::IntegrityFailure: return QStringLiteral("integrity_failure");
    case ErrorCode::SignatureInvalid: return QStringLiteral("signature_invalid");
    case ErrorCode::IoError: return QStringLiteral("io_error");
    case ErrorCode::Busy: return QStringLiteral("busy");
    case ErrorCode::Internal: return QStringLiteral("internal");
    case ErrorCode::QueueFull: return QStringLiteral("queue_full");
    case ErrorCode::Unavailable: return QStringLiteral("unavailable");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace QmsAudit
