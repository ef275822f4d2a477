// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/canonicalencoding_p.h"

#include <QtEndian>

namespace QmsAudit {
namespace {

constexpr char kMagic[3] = {'Q', 'A', 'E'};

class Writer
{
public:
    void u8(quint8 v) { m_bytes.append(char(v)); }
    void u32(quint32 v)
    {
        char buf[4];
        qToBigEndian(v, buf);
        m_bytes.append(buf, 4);
    }
    void i64(qint64 v)
    {
        char buf[8];
        qToBigEndian(v, buf);
        m_bytes.append(buf, 8);
    }
    void str(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        u32(quint32(utf8.size()));
        m_bytes.append(utf8);
    }
    QByteArray take() { return std::move(m_bytes); }
    QByteArray &bytes() { return m_bytes; }

private:
    QByteArray m_bytes;
};

class Reader
{
public:
    explicit Reader(const QByteArray &bytes) : m_bytes(bytes) {}

    bool u8(quint8 &v)
    {
        if (!need(1))
            return false;
        v = quint8(m_bytes[m_pos++]);
        return true;
    }
    bool u32(quint32 &v)
    {
        if (!need(4))
            return false;
        v = qFromBigEndian<quint32>(m_bytes.constData() + m_pos);
        m_pos += 4;
        return true;
    }
    bool i64(qint64 &v)
    {
        if (!need(8))
            return false;
        v = qFromBigEndian<qint64>(m_bytes.constData() + m_pos);
        m_pos += 8;
        return true;
    }
    bool str(QString &s)
    {
        quint32 length = 0;
        if (!u32(length) || !need(length))
            return false;
        const QByteArray utf8 = m_bytes.mid(m_pos, length);
        s = QString::fromUtf8(utf8);
        m_pos += length;
        // Reject invalid UTF-8 (it would not re-encode to the same bytes).
        return s.toUtf8() == utf8;
    }
    bool count(quint32 &n, quint32 limit) { return u32(n) && n <= limit; }
    bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    bool need(qsizetype n) const { return n >= 0 && m_bytes.size() - m_pos >= n; }

    const QByteArray &m_bytes;
    qsizetype m_pos = 0;
};

Error malformed(const char *what)
{
    return Error(ErrorCode::IntegrityFailure, QStringLiteral("Stored event encoding is malformed (%1).").arg(QLatin1StringView(what)));
}

} // namespace

QByteArray CanonicalEncoding::encode(const Event &event)
{
    Writer w;
    w.bytes().append(kMagic, 3);
    w.u8(Version);
    w.i64(event.seq);
    w.i64(event.recordedAtUs);
    w.u8(event.occurredAtUs ? 1 : 0);
    if (event.occurredAtUs)
        w.i64(*event.occurredAtUs);
    w.str(event.actor.id);
    w.str(event.actor.name);
    w.u32(quint32(event.actor.roles.size()));
    for (const QString &role : event.actor.roles)
        w.str(role);
    w.str(actionName(event.action));
    w.str(event.object.type);
    w.str(event.object.id);
    w.str(event.object.version);
    w.str(event.object.title);
    w.str(outcomeName(event.outcome));
    w.str(event.reason);
    w.u32(quint32(event.changes.size()));
    for (const FieldChange &change : event.changes) {
        w.str(change.field);
        w.str(change.oldValue);
        w.str(change.newValue);
    }
    w.str(event.signatureMeaning);
    w.str(event.session);
    w.str(event.host.app);
    w.str(event.host.version);
    w.str(event.host.workstation);
    // QMap iterates in key order; keys are ASCII, so this is also UTF-8 byte order.
    w.u32(quint32(event.attributes.size()));
    for (auto it = event.attributes.cbegin(); it != event.attributes.cend(); ++it) {
        w.str(it.key());
        w.str(it.value());
    }
    return w.take();
}

Result<Event> CanonicalEncoding::decode(const QByteArray &bytes)
{
    if (bytes.size() < 4 || !bytes.startsWith(QByteArray(kMagic, 3)))
        return malformed("missing magic");
    if (quint8(bytes[3]) != Version)
        return malformed("unknown version");
    Reader r(bytes);
    quint8 skip = 0;
    for (int i = 0; i < 4; ++i)
        r.u8(skip);

    Event e;
    quint8 hasOccurred = 0;
    if (!r.i64(e.seq) || !r.i64(e.recordedAtUs) || !r.u8(hasOccurred) || hasOccurred > 1)
        return malformed("header");
    if (hasOccurred) {
        qint64 occurred = 0;
        if (!r.i64(occurred))
            return malformed("occurred_at");
        e.occurredAtUs = occurred;
    }
    quint32 n = 0;
    if (!r.str(e.actor.id) || !r.str(e.actor.name) || !r.count(n, 1024))
        return malformed("actor");
    for (quint32 i = 0; i < n; ++i) {
        QString role;
        if (!r.str(role))
            return malformed("roles");
        e.actor.roles.append(role);
    }
    QString action;
    QString outcome;
    if (!r.str(action) || !r.str(e.object.type) || !r.str(e.object.id) || !r.str(e.object.version) || !r.str(e.object.title)
        || !r.str(outcome) || !r.str(e.reason) || !r.count(n, 1u << 20))
        return malformed("object");
    const auto parsedAction = actionFromName(action);
    const auto parsedOutcome = outcomeFromName(outcome);
    if (!parsedAction || !parsedOutcome)
        return malformed("action or outcome name");
    e.action = *parsedAction;
    e.outcome = *parsedOutcome;
    for (quint32 i = 0; i < n; ++i) {
        FieldChange change;
        if (!r.str(change.field) || !r.str(change.oldValue) || !r.str(change.newValue))
            return malformed("changes");
        e.changes.append(change);
    }
    if (!r.str(e.signatureMeaning) || !r.str(e.session) || !r.str(e.host.app) || !r.str(e.host.version)
        || !r.str(e.host.workstation) || !r.count(n, 1u << 20))
        return malformed("host");
    QString previousKey;
    for (quint32 i = 0; i < n; ++i) {
        QString key;
        QString value;
        if (!r.str(key) || !r.str(value))
            return malformed("attributes");
        if (i > 0 && !(previousKey < key))
            return malformed("attributes not strictly sorted");
        e.attributes.insert(key, value);
        previousKey = key;
    }
    if (!r.atEnd())
        return malformed("trailing bytes");
    return e;
}

} // namespace QmsAudit
