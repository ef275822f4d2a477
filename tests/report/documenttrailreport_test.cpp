// SPDX-License-Identifier: LGPL-2.1-or-later
// A document's audit-trail report: every event on the document and nothing else, with old and
// new values (complete, however long) and the meaning of each signature.

#include "reporttest.h"

#include <qmsaudit/documenttrailreport.h>

#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

const QString kTitleRow
    = u"Seq\\s+Recorded at \\(UTC\\)\\s+Actor\\s+Action\\s+Version\\s+Reason\\s+Changes \\(old → new\\) and signature"_s;

Event onSop(Action action, const QString &version)
{
    Event e;
    e.actor = { u"u-anna"_s, u"Anna Berger"_s, { u"qa_manager"_s } };
    e.action = action;
    e.object = { u"procedure"_s, u"SOP-017"_s, version, u"Calibration of torque wrenches"_s };
    return e;
}

class DocumentTrailReportTest : public ::testing::Test
{
protected:
    Result<EvidenceReport> build(const QString &type, const QString &id)
    {
        return DocumentTrailReport::build(m_log.reader(), type, id, ReportTestLog::header());
    }

    ReportTestLog m_log;
};

} // namespace

TEST_F(DocumentTrailReportTest, ListsEveryEventOfTheDocumentWithChangesAndSignatures)
{
    QList<Event> events;
    events.append(onSop(Action::Create, u"A"_s));
    events.last().reason = u"New procedure"_s;
    events.append(reportEvent(3)); // another document
    events.append(onSop(Action::Edit, u"A"_s));
    events.last().reason = u"Annual review"_s;
    events.last().changes = { { u"interval_days"_s, u"365"_s, u"180"_s }, { u"owner"_s, {}, u"u-anna"_s } };
    events.append(onSop(Action::Sign, u"A"_s));
    events.last().signatureMeaning = u"approved as author"_s;
    events.append(onSop(Action::Edit, u"B"_s));
    events.last().outcome = Outcome::Denied;
    events.last().reason = u"Fix a typo"_s;
    events.last().actor = { u"u-otto"_s, u"Otto Lang"_s, {} };
    m_log.append(events);

    auto built = build(u"procedure"_s, u"SOP-017"_s);
    ASSERT_TRUE(built) << built.error().message().toStdString();
    EXPECT_EQ(built->header.eventCount, 4);
    const PdfProbe pdf = savedPdf(built->document, m_log.path(u"sop.pdf"_s));
    expectNumberedPagesWithTitles(pdf, kTitleRow);
    const QString text = PdfProbe::flattened(pdf.text());
    EXPECT_TRUE(text.contains(u"Audit trail of procedure SOP-017"_s));
    EXPECT_TRUE(text.contains(u"Scope the whole audit trail of procedure SOP-017: every event on it, all versions"_s))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"Versions A, B"_s));
    EXPECT_TRUE(text.contains(u"Events 4 in all: 1 with changed values, 1 signed, 1 denied or failed"_s)) << text.toStdString();
    const QString changes = pdf.columnText(u"Changes"_s, {}, kRunningHeader, kFooter);
    EXPECT_EQ(changes, u"interval_days: 365 → 180 owner: (empty) → u-anna signed: approved as author"_s);
    EXPECT_EQ(pdf.columnText(u"Seq"_s, u"Recorded"_s, kRunningHeader, kFooter), u"1 3 4 5"_s);
    EXPECT_TRUE(text.contains(u"(denied)"_s));
    EXPECT_FALSE(text.contains(u"DOC-3"_s)); // the other document's event
}

TEST_F(DocumentTrailReportTest, LongOldAndNewValuesAreCompleteAcrossPages)
{
    Event edit = onSop(Action::Edit, u"C"_s);
    edit.reason = u"Rewrite of the scope section"_s;
    const QString oldText = numberedWords(1500, 1);
    const QString newText = numberedWords(1500, 5001);
    edit.changes = { { u"scope"_s, oldText, newText } };
    m_log.append({ onSop(Action::View, u"C"_s), edit, onSop(Action::View, u"C"_s) });

    auto built = build(u"procedure"_s, u"SOP-017"_s);
    ASSERT_TRUE(built) << built.error().message().toStdString();
    const PdfProbe pdf = savedPdf(built->document, m_log.path(u"long.pdf"_s));
    EXPECT_GE(pdf.pageCount(), 3); // 3,000 words in one cell: the row continues over pages
    expectNumberedPagesWithTitles(pdf, kTitleRow);
    const QString changes = pdf.columnText(u"Changes"_s, {}, kRunningHeader, kFooter);
    EXPECT_TRUE(changes.contains(u"scope: "_s + oldText + u" → "_s + newText)) << changes.left(400).toStdString();
}

TEST_F(DocumentTrailReportTest, AnIdOfSeveralTypesNeedsTheType)
{
    Event form = onSop(Action::View, u"A"_s);
    form.object.type = u"form"_s;
    m_log.append({ onSop(Action::View, u"A"_s), form });
    auto ambiguous = build({}, u"SOP-017"_s);
    ASSERT_FALSE(ambiguous);
    EXPECT_EQ(ambiguous.error().code(), ErrorCode::InvalidArgument);
    EXPECT_TRUE(ambiguous.error().message().contains(u"(procedure, form)"_s)) << ambiguous.error().message().toStdString();
    auto typed = build(u"form"_s, u"SOP-017"_s);
    ASSERT_TRUE(typed);
    EXPECT_EQ(typed->header.eventCount, 1);
}

} // namespace QmsAudit::Test
