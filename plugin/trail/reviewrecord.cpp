// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/reviewrecord.h>

#include <qmsaudit/timestamp.h>

#include <QStringList>

#include <algorithm>

namespace QmsAudit {

QString ReviewRecord::kindName(Kind kind)
{
    switch (kind) {
    case Kind::EventsReviewed: return QStringLiteral("events_reviewed");
    case Kind::Finding: return QStringLiteral("finding");
    case Kind::TrailReviewed: return QStringLiteral("trail_reviewed");
    }
    return QStringLiteral("unknown");
}

Result<Event> ReviewRecord::toEvent(const ObjectRef &trail) const
{
    const auto refuse = [](const QString &why) { return Error(ErrorCode::InvalidArgument, QStringLiteral("A review record %1.").arg(why)); };
    if ((kind == Kind::EventsReviewed || kind == Kind::Finding) && seqs.isEmpty())
        return refuse(QStringLiteral("of reviewed events or a finding names the seqs it covers"));
    if (seqs.size() > MaxSeqs)
        return refuse(QStringLiteral("names at most %1 seqs, not %2; cover a population by its filter and digest instead").arg(MaxSeqs).arg(seqs.size()));
    if (std::any_of(seqs.begin(), seqs.end(), [](qint64 seq) { return seq < 1; }))
        return refuse(QStringLiteral("names seqs from 1 on"));
    if (kind == Kind::Finding && comment.trimmed().isEmpty())
        return refuse(QStringLiteral("of a finding says what was found (the comment)"));
    if (kind == Kind::TrailReviewed) {
        if (!periodFromUs || !periodToUs || *periodFromUs >= *periodToUs)
            return refuse(QStringLiteral("of the trail names the period reviewed, from before to"));
        if (result.trimmed().isEmpty())
            return refuse(QStringLiteral("of the trail states its result"));
        if (signatureMeaning.trimmed().isEmpty())
            return refuse(QStringLiteral("of the trail is signed: give the meaning of the signature"));
    }
    if (filter && (upToSeq < 1 || populationDigest.size() != 32))
        return refuse(QStringLiteral("that covers a population names its last seq and its SHA-256 digest"));

    Event event;
    event.action = Action::ReviewRecorded;
    event.object = trail;
    event.reason = comment;
    event.signatureMeaning = signatureMeaning;
    event.attributes.insert(QStringLiteral("kind"), kindName(kind));
    if (!seqs.isEmpty()) {
        QList<qint64> sorted = seqs;
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        QStringList names;
        for (qint64 seq : sorted)
            names.append(QString::number(seq));
        event.attributes.insert(QStringLiteral("seqs"), names.join(QLatin1Char(',')));
    }
    if (filter) {
        event.attributes.insert(QStringLiteral("filter"), filter->describe());
        event.attributes.insert(QStringLiteral("up_to_seq"), QString::number(upToSeq));
        event.attributes.insert(QStringLiteral("population_sha256"), QString::fromLatin1(populationDigest.toHex()));
    }
    if (periodFromUs)
        event.attributes.insert(QStringLiteral("period_from"), formatTimestamp(*periodFromUs));
    if (periodToUs)
        event.attributes.insert(QStringLiteral("period_to"), formatTimestamp(*periodToUs));
    if (!scope.isEmpty())
        event.attributes.insert(QStringLiteral("scope"), scope);
    if (!result.isEmpty())
        event.attributes.insert(QStringLiteral("result"), result);
    return event;
}

} // namespace QmsAudit
