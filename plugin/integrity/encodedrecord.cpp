// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/encodedrecord_p.h"

#include "integrity/canonicalencoding_p.h"

#include <qmsaudit/action.h>
#include <qmsaudit/event.h>

#include <QList>
#include <QtEndian>

#include <cstring>

namespace QmsAudit {
namespace {

/// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF): exactly the strings
/// that survive the decoder's QString round trip.
bool isValidUtf8(const uchar *p, qsizetype n)
{
    qsizetype i = 0;
    while (i < n) {
        const uchar c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        quint32 cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i <= extra)
            return false;
        for (int k = 1; k <= extra; ++k) {
            const uchar cc = p[i + k];
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += extra + 1;
    }
    return true;
}

bool isAscii(QByteArrayView s)
{
    for (char c : s) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

bool isKnownName(QByteArrayView name, const QList<QByteArray> &names)
{
    for (const QByteArray &known : names) {
        if (known.size() == name.size() && std::memcmp(known.constData(), name.data(), size_t(name.size())) == 0)
            return true;
    }
    return false;
}

const QList<QByteArray> &actionNames()
{
    static const QList<QByteArray> names = [] {
        QList<QByteArray> list;
        for (Action action : allActions())
            list.append(actionName(action).toUtf8());
        return list;
    }();
    return names;
}

const QList<QByteArray> &outcomeNames()
{
    static const QList<QByteArray> names = {outcomeName(Outcome::Success).toUtf8(), outcomeName(Outcome::Denied).toUtf8(),
                                            outcomeName(Outcome::Failed).toUtf8()};
    return names;
}

/// Walks the encoding with the decoder's bounds checks.
class Cursor
{
public:
    explicit Cursor(QByteArrayView bytes) : m_p(reinterpret_cast<const uchar *>(bytes.data())), m_n(bytes.size()) {}

    bool u8(quint8 &v)
    {
        if (m_n - m_pos < 1)
            return false;
        v = m_p[m_pos++];
        return true;
    }
    bool u32(quint32 &v)
    {
        if (m_n - m_pos < 4)
            return false;
        v = qFromBigEndian<quint32>(m_p + m_pos);
        m_pos += 4;
        return true;
    }
    bool i64(qint64 &v)
    {
        if (m_n - m_pos < 8)
            return false;
        v = qFromBigEndian<qint64>(m_p + m_pos);
        m_pos += 8;
        return true;
    }
    bool str(QByteArrayView &s)
    {
        quint32 length = 0;
        if (!u32(length) || quint64(m_n - m_pos) < length)
            return false;
        s = QByteArrayView(m_p + m_pos, qsizetype(length));
        m_pos += length;
        return isValidUtf8(reinterpret_cast<const uchar *>(s.data()), s.size());
    }
    bool skipStr()
    {
        QByteArrayView ignored;
        return str(ignored);
    }
    bool count(quint32 &n, quint32 limit) { return u32(n) && n <= limit; }
    bool atEnd() const { return m_pos == m_n; }

private:
    const uchar *m_p;
    qsizetype m_n;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<EncodedRecord> EncodedRecord::parse(QByteArrayView bytes)
{
    // The same layout and limits as CanonicalEncoding::decode().
    if (bytes.size() < 4 || std::memcmp(bytes.data(), "QAE", 3) != 0 || quint8(bytes[3]) != CanonicalEncoding::Version)
        return std::nullopt;
    Cursor c(bytes.sliced(4));
    EncodedRecord r;
    quint8 hasOccurred = 0;
    if (!c.i64(r.seq) || !c.i64(r.recordedAtUs) || !c.u8(hasOccurred) || hasOccurred > 1)
        return std::nullopt;
    if (hasOccurred) {
        qint64 occurred = 0;
        if (!c.i64(occurred))
            return std::nullopt;
        r.occurredAtUs = occurred;
    }
    quint32 n = 0;
    if (!c.str(r.actorId) || !c.skipStr() || !c.count(n, 1024))
        return std::nullopt;
    for (quint32 i = 0; i < n; ++i) {
        if (!c.skipStr())
            return std::nullopt;
    }
    QByteArrayView version;
    if (!c.str(r.action) || !c.str(r.objectType) || !c.str(r.objectId) || !c.str(version) || !c.str(r.objectTitle)
        || !c.str(r.outcome) || !c.str(r.reason) || !c.count(n, 1u << 20))
        return std::nullopt;
    if (!isKnownName(r.action, actionNames()) || !isKnownName(r.outcome, outcomeNames()))
        return std::nullopt;
    for (quint32 i = 0; i < n; ++i) {
        if (!c.skipStr() || !c.skipStr() || !c.skipStr())
            return std::nullopt;
    }
    for (int i = 0; i < 5; ++i) { // signature meaning, session, host app, version, workstation
        if (!c.skipStr())
            return std::nullopt;
    }
    if (!c.count(n, 1u << 20))
        return std::nullopt;
    QByteArrayView previousKey;
    for (quint32 i = 0; i < n; ++i) {
        QByteArrayView key;
        if (!c.str(key) || !c.skipStr())
            return std::nullopt;
        // Byte order is the decoder's QString order only for ASCII keys; others go the slow way.
        if (!isAscii(key) || (i > 0 && !(previousKey < key)))
            return std::nullopt;
        previousKey = key;
    }
    if (!c.atEnd())
        return std::nullopt;
    return r;
}

} // namespace QmsAudit
