// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/// Reads a log the way an inspector would, with the installed `qms-audit` (the application under
/// test links nothing that could read it).
class TrailReader
{
public:
    TrailReader(QString logPath, QString keyFile);

    /// The events with @p actions (comma-separated names; empty: all), oldest first.
    QList<QJsonObject> events(const QString &actions = {}) const;
    /// `qms-audit verify`: true when the log verifies; its first line in @p summary.
    bool verify(QString *summary = nullptr) const;

private:
    QString run(const QStringList &arguments, int *exitCode) const;

    QString m_logPath;
    QString m_keyFile;
};
