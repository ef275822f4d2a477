// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/qmsaudit_report_export.h>
#include <qmsaudit/reportsection.h>
#include <qmsaudit/result.h>

#include <QList>
#include <QPageLayout>
#include <QString>

class QIODevice;

namespace QmsAudit {

/**
 * A report as a sequence of sections (headings, paragraphs, key/value blocks, tables, pictures),
 * written as an A4 PDF. Page 1 starts with the title; every later page repeats the title in a
 * running header; every page ends with a footer holding footerText() and "page X of Y".
 *
 * The whole document is laid out before anything is painted, so that every page knows the page
 * count. Writing needs a QGuiApplication (QPdfWriter and QPainter need the font database); on a
 * machine without a display, create it with the "offscreen" platform (docs/reports.md).
 * @code
 * QmsAudit::ReportDocument report("Audit trail events");
 * report.addSection(QmsAudit::ReportSection::keyValues({{"Scope", "all events"}}));
 * report.addSection(QmsAudit::ReportSection::table(table));
 * auto pages = report.savePdf("events.pdf"); // whole or not at all
 * @endcode
 */
class QMSAUDIT_REPORT_EXPORT ReportDocument
{
public:
    explicit ReportDocument(const QString &title = {});

    const QString &title() const { return m_title; }
    void setTitle(const QString &title) { m_title = title; }
    /// A line under the title on page 1, e.g. "QmsAudit evidence report".
    const QString &subtitle() const { return m_subtitle; }
    void setSubtitle(const QString &subtitle) { m_subtitle = subtitle; }
    /// The left part of every page's footer (the right part is "page X of Y").
    const QString &footerText() const { return m_footerText; }
    void setFooterText(const QString &text) { m_footerText = text; }
    /// Portrait by default; wide tables read better in landscape.
    QPageLayout::Orientation orientation() const { return m_orientation; }
    void setOrientation(QPageLayout::Orientation orientation) { m_orientation = orientation; }

    void addSection(const ReportSection &section);
    const QList<ReportSection> &sections() const { return m_sections; }

    /**
     * Lays the document out and writes it as PDF to @p device (open for writing). Returns the
     * number of pages. Fails without a QGuiApplication. QPdfWriter cannot tell whether the device
     * took every byte: write to a QSaveFile (savePdf()) or a QBuffer.
     */
    Result<int> writePdf(QIODevice &device) const;
    /**
     * Writes the PDF to @p path whole or not at all: beside it first, renamed when complete
     * (QSaveFile), so that a failure (disk full) leaves no partial file. An existing file is
     * replaced; callers that must not overwrite check first. Returns the number of pages.
     */
    Result<int> savePdf(const QString &path) const;

private:
    QString m_title;
    QString m_subtitle;
    QString m_footerText;
    QPageLayout::Orientation m_orientation = QPageLayout::Portrait;
    QList<ReportSection> m_sections;
};

} // namespace QmsAudit
