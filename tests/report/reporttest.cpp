// SPDX-License-Identifier: LGPL-2.1-or-later
#include "reporttest.h"

#include <QRegularExpression>
#include <QStringList>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {

namespace {

/// A new raw key; its hex into @p hex.
SecretKey rawKey(QByteArray &hex)
{
    SecretKey key = SecretKey::generateRawKey();
    hex = QByteArray(key.data(), qsizetype(key.size())).toHex();
    return key;
}

} // namespace

ReportTestLog::ReportTestLog() : m_keys(rawKey(m_keyHex))
{
    auto created = AuditLog::create(path(u"audit.qmslog"_s), m_keys);
    if (!created) {
        ADD_FAILURE() << created.error().message().toStdString();
        return;
    }
    m_log = std::move(*created);
    auto reader = m_log->reader();
    if (!reader) {
        ADD_FAILURE() << reader.error().message().toStdString();
        return;
    }
    m_reader = *reader;
}

void ReportTestLog::append(const QList<Event> &events)
{
    auto appended = m_log->appendAll(events);
    ASSERT_TRUE(appended) << appended.error().message().toStdString();
}

EvidenceHeader ReportTestLog::header()
{
    EvidenceHeader header;
    header.generatedBy = u"aud1 (report test)"_s;
    header.generatedAtUs = 1'790'000'000'000'000;
    return header;
}

Event reportEvent(int i)
{
    static const Action actions[] = { Action::View, Action::Edit, Action::Approve, Action::Print, Action::Release };
    Event e;
    e.actor = { u"user%1"_s.arg(i % 4), u"User Number %1"_s.arg(i % 4), { u"qa"_s } };
    e.action = actions[i % 5];
    e.object = { u"procedure"_s, u"DOC-%1"_s.arg(i % 7), u"B"_s, u"Calibration of torque wrenches, part %1"_s.arg(i % 7) };
    if (e.action == Action::Edit) {
        e.reason = u"Periodic review %1"_s.arg(i);
        e.changes = { { u"interval_days"_s, u"365"_s, QString::number(100 + i) } };
    }
    return e;
}

QString numberedWords(int words, int first)
{
    QStringList list;
    for (int i = first; i < first + words; ++i)
        list.append(u"w%1"_s.arg(i, 4, 10, QLatin1Char('0')));
    return list.join(u' ');
}

PdfProbe savedPdf(const ReportDocument &document, const QString &path)
{
    auto pages = document.savePdf(path);
    EXPECT_TRUE(pages) << pages.error().message().toStdString();
    PdfProbe pdf(path);
    EXPECT_EQ(pdf.error(), QString());
    if (pages) {
        EXPECT_EQ(pdf.pageCount(), *pages);
    }
    EXPECT_EQ(pdf.pages().size(), pdf.pageCount());
    return pdf;
}

void expectNumberedPagesWithTitles(const PdfProbe &pdf, const QString &titles)
{
    const QRegularExpression titleRow(titles);
    for (int i = 0; i < pdf.pages().size(); ++i) {
        EXPECT_TRUE(pdf.pages()[i].contains(u"page %1 of %2"_s.arg(i + 1).arg(pdf.pageCount()))) << "page " << i + 1;
        if (!titles.isEmpty()) {
            EXPECT_TRUE(titleRow.match(pdf.pages()[i]).hasMatch()) << "page " << i + 1 << ":\n" << pdf.pages()[i].toStdString();
        }
    }
}

} // namespace QmsAudit::Test
