// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace QmsAudit {

/**
 * The fields of a canonical encoding that the events table copies into columns, read in place:
 * no Event, no QString, no allocation. parse() accepts only what CanonicalEncoding::decode()
 * accepts; it may also refuse a valid but unusual encoding (non-ASCII attribute keys), so a
 * refusal means "decode it properly", not "damaged". The views point into the parsed bytes.
 */
class EncodedRecord
{
public:
    static std::optional<EncodedRecord> parse(QByteArrayView bytes);

    qint64 seq = 0;
    qint64 recordedAtUs = 0;
    std::optional<qint64> occurredAtUs;
    QByteArrayView actorId;
    QByteArrayView action;
    QByteArrayView objectType;
    QByteArrayView objectId;
    QByteArrayView objectTitle;
    QByteArrayView outcome;
    QByteArrayView reason;
};

} // namespace QmsAudit
