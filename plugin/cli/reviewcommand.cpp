// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reviewcommand.h"

#include "console.h"
#include "exitstatus.h"
#include "toolidentity.h"
#include "trailuserecorder.h"
#include "valueparsers.h"

#include <qmsaudit/reviewrecord.h>

#include <iostream>
#include <limits>

namespace QmsAudit::Cli {

namespace {

Result<ReviewRecord::Kind> parseKind(const QString &text)
{
    for (auto kind : {ReviewRecord::Kind::EventsReviewed, ReviewRecord::Kind::Finding, ReviewRecord::Kind::TrailReviewed}) {
        if (text == ReviewRecord::kindName(kind))
            return kind;
    }
    return Error(ErrorCode::InvalidArgument,
                 QStringLiteral("Unknown review kind '%1'; use events_reviewed, finding or trail_reviewed.").arg(text));
}

} // namespace

int ReviewCommand::run(const CommandOptions &options)
{
    auto kindName = options.requiredValue("kind");
    if (!kindName)
        return Console::fail(kindName.error());
    auto kind = parseKind(*kindName);
    if (!kind)
        return Console::fail(kind.error());
    ReviewRecord review;
    review.kind = *kind;
    for (const QString &list : options.values("seqs")) {
        for (const QString &item : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            auto seq = parseInteger(QStringLiteral("seqs"), item.trimmed(), 1, std::numeric_limits<qint64>::max());
            if (!seq)
                return Console::fail(seq.error());
            review.seqs.append(*seq);
        }
    }
    for (const auto &[option, bound] : {std::pair{"period-from", &review.periodFromUs}, std::pair{"period-to", &review.periodToUs}}) {
        if (!options.isSet(option))
            continue;
        auto parsed = parseTime(QString::fromLatin1(option), options.value(option));
        if (!parsed)
            return Console::fail(parsed.error());
        *bound = *parsed;
    }
    review.scope = options.value("scope");
    review.result = options.value("result");
    review.comment = options.value("comment");
    review.signatureMeaning = options.value("meaning");

    auto reviewerId = options.recordedAs();
    if (!reviewerId)
        return Console::fail(reviewerId.error());
    Actor reviewer;
    reviewer.id = *reviewerId;
    reviewer.name = options.value("name");
    // A signed statement names its signer in print (Part 11 §11.50): the name is required.
    if (review.kind == ReviewRecord::Kind::TrailReviewed && reviewer.name.trimmed().isEmpty())
        return Console::usageError(QStringLiteral("A trail_reviewed statement is signed: give the reviewer's printed name with --name."));

    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    auto event = review.toEvent(TrailUseRecorder::trailObject(*opened->log));
    if (!event)
        return Console::fail(event.error());
    event->actor = reviewer;
    event->host = ToolIdentity::host();
    auto seq = opened->log->append(*event);
    if (!seq)
        return Console::fail(seq.error());
    std::cout << *seq << std::endl;
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
