// SPDX-License-Identifier: LGPL-2.1-or-later
// ReportDocument: tables that break across pages with their column titles on every page, text that
// wraps instead of being clipped, pictures kept whole, "page X of Y", files whole or absent.

#include "reporttest.h"

#include <qmsaudit/reportdocument.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace QmsAudit::Test {
namespace {

class ReportDocumentTest : public ::testing::Test
{
protected:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    PdfProbe save(const ReportDocument &document, const QString &name) const { return savedPdf(document, path(name)); }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(ReportDocumentTest, LongTableRepeatsItsColumnTitlesOnEveryPageAndLosesNoRow)
{
    ReportDocument document(u"Long table"_s);
    document.addSection(ReportSection::heading(u"Rows"_s));
    ReportTable table({ { u"Number"_s, 1 }, { u"Label"_s, 3 }, { u"Note"_s, 4 } });
    QStringList expected;
    for (int i = 1; i <= 400; ++i) {
        table.addRow({ QString::number(i), u"label %1"_s.arg(i), i % 10 ? u"short"_s : numberedWords(40) });
        expected.append(QString::number(i));
    }
    document.addSection(ReportSection::table(table));
    const PdfProbe pdf = save(document, u"table.pdf"_s);
    EXPECT_GE(pdf.pageCount(), 8);
    expectNumberedPagesWithTitles(pdf, u"Number\\s+Label\\s+Note"_s);
    for (int i = 1; i < pdf.pages().size(); ++i)
        EXPECT_TRUE(pdf.pages()[i].contains(u"Rows (continued)"_s)) << "page " << i + 1;
    // Every row exactly once, in order: none lost or repeated where the pages break.
    EXPECT_EQ(pdf.columnText(u"Number"_s, u"Label"_s, kRunningHeader, kFooter), expected.join(u' '));
}

TEST_F(ReportDocumentTest, LongTextWrapsWithinItsColumnAndIsComplete)
{
    const QString words = numberedWords(300);
    const QString token = QString(u"0123456789abcdef"_s).repeated(25); // 400 characters, no break
    ReportDocument document(u"Wrapping"_s);
    document.addSection(ReportSection::keyValues({ { u"Digest"_s, token, ReportSection::Emphasis::Code } }));
    ReportTable table({ { u"Key"_s, 1 }, { u"Text"_s, 2 } });
    table.addRow({ u"words"_s, words });
    table.addRow({ u"token"_s, token });
    document.addSection(ReportSection::table(table));
    document.addSection(ReportSection::paragraph(u"Closing "_s + words));
    const PdfProbe pdf = save(document, u"wrap.pdf"_s);
    const QString column = pdf.columnText(u"Text"_s, {}, kRunningHeader, kFooter);
    EXPECT_TRUE(column.contains(words)) << column.toStdString();
    EXPECT_TRUE(PdfProbe::joined(column).contains(token)) << column.toStdString();
    // Wrapped, not one overlong line: the longest line of text fits the page.
    for (const QString &line : pdf.text().split(u'\n'))
        EXPECT_LT(line.size(), 200) << line.toStdString();
    EXPECT_TRUE(PdfProbe::joined(pdf.text()).contains(u"Digest"_s + token));
    EXPECT_TRUE(PdfProbe::flattened(pdf.text()).contains(u"Closing "_s + words));
}

TEST_F(ReportDocumentTest, RowTallerThanAPageContinuesOnTheNextPages)
{
    QStringList lines;
    for (int i = 1; i <= 300; ++i)
        lines.append(u"line %1"_s.arg(i, 3, 10, QLatin1Char('0')));
    ReportDocument document(u"Tall row"_s);
    ReportTable table({ { u"Row"_s, 1 }, { u"Text"_s, 3 } });
    table.addRow({ u"first"_s, u"before"_s });
    table.addRow({ u"tall"_s, lines.join(u'\n') });
    table.addRow({ u"last"_s, u"after"_s });
    document.addSection(ReportSection::table(table));
    const PdfProbe pdf = save(document, u"tall.pdf"_s);
    EXPECT_GE(pdf.pageCount(), 4);
    expectNumberedPagesWithTitles(pdf, u"Row\\s+Text"_s);
    EXPECT_EQ(pdf.columnText(u"Text"_s, {}, kRunningHeader, kFooter), u"before "_s + lines.join(u' ') + u" after"_s);
}

TEST_F(ReportDocumentTest, PicturesAreKeptWholeOnOnePageWithTheirCaptions)
{
    QImage image(800, 1000, QImage::Format_RGB32);
    image.fill(QColor(0x33, 0x66, 0x99));
    QPicture chart;
    {
        QPainter painter(&chart);
        painter.drawRect(0, 0, 400, 300);
        painter.drawText(QPointF(20, 40), u"Vector chart label"_s);
    }
    ReportDocument document(u"Pictures"_s);
    document.addSection(ReportSection::paragraph(numberedWords(600))); // most of page 1
    document.addSection(ReportSection::picture(image, u"Figure 1: an image too tall for the rest of page 1"_s, 150));
    document.addSection(ReportSection::picture(image, u"Figure 2: an image taller than any page"_s, 250));
    document.addSection(ReportSection::picture(chart, u"Figure 3: a vector picture"_s, 120));
    const PdfProbe pdf = save(document, u"pictures.pdf"_s);
    ASSERT_EQ(pdf.pageCount(), 4);
    // One image per page after the first: moved whole, and scaled to fit a page where needed.
    EXPECT_EQ(pdf.imagePages(), (QList<int> { 2, 3 }));
    EXPECT_TRUE(pdf.pages()[1].contains(u"Figure 1"_s));
    EXPECT_TRUE(pdf.pages()[2].contains(u"Figure 2"_s));
    EXPECT_TRUE(pdf.pages()[3].contains(u"Vector chart label"_s));
    EXPECT_TRUE(pdf.pages()[3].contains(u"Figure 3"_s));
    expectNumberedPagesWithTitles(pdf, {});
    // The vector picture at the size asked for: 120 mm for its 400 units, so its text (Qt's default
    // font, about 9 pt) stays small and inside the page (A4 portrait: 595 pt wide).
    for (const PdfProbe::Word &word : pdf.words()) {
        if (word.page == 4 && (word.text == u"Vector"_s || word.text == u"label"_s)) {
            EXPECT_LT(word.box.height(), 20) << word.text.toStdString();
            EXPECT_LT(word.box.right(), 595 - 42) << word.text.toStdString();
        }
    }
}

TEST_F(ReportDocumentTest, SavesWholeOrNotAtAll)
{
    ReportDocument document(u"Whole"_s);
    document.addSection(ReportSection::paragraph(u"Some text."_s));
    const auto failed = document.savePdf(path(u"missing/report.pdf"_s));
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code(), ErrorCode::IoError);
    EXPECT_FALSE(QFile::exists(path(u"missing/report.pdf"_s)));

    ASSERT_TRUE(document.savePdf(path(u"report.pdf"_s)));
    QFile file(path(u"report.pdf"_s));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    EXPECT_TRUE(bytes.startsWith("%PDF-1."));
    EXPECT_TRUE(bytes.trimmed().endsWith("%%EOF"));
    // Nothing left beside it: QSaveFile's temporary file became report.pdf.
    EXPECT_EQ(QDir(m_dir.path()).entryList(QDir::Files), QStringList { u"report.pdf"_s });
}

} // namespace QmsAudit::Test
