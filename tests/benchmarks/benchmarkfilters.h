// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/eventfilter.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariantList>

namespace QmsAudit {
class EventReader;
}

namespace QmsAudit::Bench {

/// One filter kind of the read figures, with the raw SQL that finds its newest page directly.
struct BenchmarkFilter {
    QString name;
    EventFilter filter;
    /// SELECT seq, payload, hash … newest first, LIMIT ?1, then the bound values from ?2 on: the
    /// lookup a hand-written SQLCipher client would do, the baseline of the model's first page.
    QByteArray rawNewestPageSql;
    QVariantList rawArguments;
};

/**
 * The filter kinds every read figure is taken for, on the busiest values of a generated history:
 * all events, the most active user u00001, the object of seq 1, the action edit, the month in the
 * middle of the log, the word "calibration" (one title subject in fifteen) and u00001 + edit.
 * Empty when the log is empty or cannot be read.
 */
QList<BenchmarkFilter> benchmarkFilters(const EventReader &reader);

} // namespace QmsAudit::Bench
