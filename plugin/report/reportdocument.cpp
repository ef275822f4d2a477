// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/reportdocument.h>

#include "reportlayout_p.h"
#include "reportstyle_p.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace QmsAudit {
namespace {

/// Device units per inch: fine enough that rounding never shows, coarse enough for small files.
constexpr int kResolution = 300;

} // namespace

ReportDocument::ReportDocument(const QString &title) : m_title(title) { }

void ReportDocument::addSection(const ReportSection &section)
{
    m_sections.append(section);
}

Result<int> ReportDocument::writePdf(QIODevice &device) const
{
    // Without a QGuiApplication there is no font database: QPainter would abort the process.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error(ErrorCode::Internal, QStringLiteral("Writing a PDF report needs a QGuiApplication (for its fonts)."));
    if (!device.isWritable())
        return Error(ErrorCode::IoError, QStringLiteral("The device for the PDF report is not open for writing."));

    QPdfWriter writer(&device);
    writer.setResolution(kResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), m_orientation, QMarginsF()));
    writer.setTitle(m_title);
    writer.setCreator(QStringLiteral("QmsAudit " QMSAUDIT_VERSION_STRING));

    const ReportStyle style(writer);
    ReportLayout layout(style, QSizeF(writer.width(), writer.height()));
    const QList<ReportPage> pages = layout.layOut(*this);

    QPainter painter;
    if (!painter.begin(&writer))
        return Error(ErrorCode::IoError, QStringLiteral("Cannot start the PDF report."));
    painter.setRenderHint(QPainter::Antialiasing);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0 && !writer.newPage())
            return Error(ErrorCode::IoError, QStringLiteral("Cannot add page %1 to the PDF report.").arg(i + 1));
        pages[i].paint(painter, style);
    }
    if (!painter.end())
        return Error(ErrorCode::IoError, QStringLiteral("Cannot finish the PDF report."));
    return static_cast<int>(pages.size());
}

Result<int> ReportDocument::savePdf(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::IoError, QStringLiteral("Cannot create %1: %2.").arg(path, file.errorString()));
    auto pages = writePdf(file);
    if (!pages)
        return pages; // QSaveFile's destructor discards the partial file
    // QSaveFile remembers a failed write (disk full) and then refuses to commit.
    if (!file.commit())
        return Error(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    return pages;
}

} // namespace QmsAudit
