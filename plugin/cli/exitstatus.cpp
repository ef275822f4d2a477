// SPDX-License-Identifier: LGPL-2.1-or-later
#include "exitstatus.h"

namespace QmsAudit::Cli {

ExitStatus exitStatusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return ExitStatus::Ok;
    case ErrorCode::InvalidArgument:
    case ErrorCode::InvalidEvent:
    case ErrorCode::ReasonRequired:
    case ErrorCode::AlreadyExists:
        return ExitStatus::Usage;
    case ErrorCode::NotFound:
    case ErrorCode::WrongKey:
    case ErrorCode::NotALog:
    case ErrorCode::NotEncrypted:
    case ErrorCode::EncryptionUnavailable:
    case ErrorCode::KeyUnavailable:
        return ExitStatus::CannotOpen;
    case ErrorCode::IntegrityFailure:
        return ExitStatus::Integrity;
    case ErrorCode::SignatureInvalid:
        return ExitStatus::BadSignature;
    case ErrorCode::IoError:
    case ErrorCode::Busy:
    case ErrorCode::Internal:
    case ErrorCode::QueueFull:
    case ErrorCode::Unavailable:
    case ErrorCode::Cancelled: // the CLI never cancels
        return ExitStatus::Io;
    }
    return ExitStatus::Io;
}

} // namespace QmsAudit::Cli
