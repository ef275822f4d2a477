// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/eventexportwriter.h>
#include <qmsaudit/eventfilter.h>
#include <qmsaudit/eventsampler.h>
#include <qmsaudit/qmsaudit_export.h>

#include <QByteArray>
#include <QMap>
#include <QString>

#include <optional>

namespace QmsAudit {

/**
 * What a trail_exported event states about an export, the same from `qms-audit export` and
 * from the views (docs/cli.md, docs/auditor-views.md): which events (the filter, or a drawn
 * sample's definition), in which format, into which file, and the file's SHA-256, so that the
 * evidence handed over can be checked against the trail later.
 */
struct QMSAUDIT_EXPORT TrailExportRecord {
    EventFilter filter;
    QString format;             ///< formatName(), "pdf" or "pack"
    QString fileName;           ///< the file's name, without its directory
    QByteArray sha256;          ///< of the file as written (EventExportFile::sha256()); empty until then
    qint64 eventCount = 0;
    QString report;             ///< PDF: "events", "document" or "management_review"
    std::optional<bool> verified; ///< PDF: whether the log passed the verification the report states
    std::optional<EventSample> sample; ///< an export of a drawn sample: its definition is recorded too
    std::optional<qint64> treeSize; ///< evidence pack: the tree size its checkpoint signs
    QString origin;             ///< evidence pack: its checkpoint's origin

    /// jsonl, csv or csv-spreadsheet-safe: the "format" attribute of JSON Lines and CSV exports.
    static QString formatName(EventExportWriter::Format format, CsvCells cells);
    /**
     * The event's attributes: "filter", "format", "file", "event_count", and when known "sha256",
     * "report", "verification" (ok/failed), "tree_size", "origin"; for a sample also its definition
     * (EventSample::recordedAttributes(), whose filter is the sample's).
     */
    QMap<QString, QString> attributes() const;
};

} // namespace QmsAudit
