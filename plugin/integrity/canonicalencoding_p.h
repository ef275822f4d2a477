// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/event.h>
#include <qmsaudit/result.h>

#include <QByteArray>

namespace QmsAudit {

/**
 * The canonical byte encoding of an event (docs/canonical-encoding.md): the bytes that are hashed
 * into the chain and stored as the record's payload. Stable across versions and platforms:
 * big-endian integers, UTF-8 strings with a 32-bit length prefix, fixed field order, attributes
 * sorted by key. `hash` is not part of the encoding.
 */
class CanonicalEncoding
{
public:
    static constexpr quint8 Version = 1;

    static QByteArray encode(const Event &event);
    /// Strict inverse of encode(): any trailing, missing or malformed byte is an error.
    static Result<Event> decode(const QByteArray &bytes);
};

} // namespace QmsAudit
