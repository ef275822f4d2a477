// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include "pdfprobe.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/event.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/evidenceheader.h>
#include <qmsaudit/reportdocument.h>
#include <qmsaudit/statickeyprovider.h>

#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace QmsAudit::Test {

/// A new log under a temporary directory, with an in-memory key, for reports to read.
class ReportTestLog
{
public:
    ReportTestLog();

    AuditLog &log() { return *m_log; }
    const EventReader &reader() const { return *m_reader; }
    /// A path for an output file inside the temporary directory.
    QString path(const QString &name) const { return m_dir.filePath(name); }
    /// Appends @p events in one transaction; fails the test if it cannot.
    void append(const QList<Event> &events);
    /// The log's raw key in hex, for the sqlcipher shell (runSqlcipher()) that tampers with it.
    const QByteArray &keyHex() const { return m_keyHex; }

    /// The header a caller fills before building a report.
    static EvidenceHeader header();

private:
    QTemporaryDir m_dir;
    QByteArray m_keyHex; // before m_keys: the constructor fills it while making the key
    StaticKeyProvider m_keys;
    std::unique_ptr<AuditLog> m_log;
    std::shared_ptr<const EventReader> m_reader;
};

/// A valid event: @p i varies actor, action and document (DOC-0 … DOC-6).
Event reportEvent(int i);
/// @p words words of text, "w0001 w0002 …", starting at @p first: long text whose every part is checkable.
QString numberedWords(int words, int first = 1);

// The running header and the footer, in points from the top and the bottom edge of a page: table
// columns are read between them (PdfProbe::columnText()).
constexpr qreal kRunningHeader = 40;
constexpr qreal kFooter = 40;

/// Saves @p document to @p path and reads it back; checks savePdf()'s page count against pdfinfo's.
PdfProbe savedPdf(const ReportDocument &document, const QString &path);
/// Every page says "page X of Y" and, unless @p titles is empty, matches @p titles (the column titles in one line).
void expectNumberedPagesWithTitles(const PdfProbe &pdf, const QString &titles);

} // namespace QmsAudit::Test
