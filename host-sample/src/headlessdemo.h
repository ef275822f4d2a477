// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QString>
#include <QVariantMap>

class HostApplication;
class QTextStream;

/**
 * `--headless-demo`: a scripted working session through the same DocumentService calls the
 * pages make (failed and good logins, a new procedure written, edited with a reason, submitted,
 * reviewed, approved with an e-signature and released, printed and exported, an author turned
 * away from the auditor views), then the evidence an auditor and a manager would take away,
 * made with the QmsAudit QML module offscreen (HeadlessOutputs.qml). Everything lands in a new
 * folder under the data folder's outputs/, and the paths are printed.
 */
class HeadlessDemo
{
public:
    HeadlessDemo(HostApplication &host, QTextStream &out);

    /// The exit code: 0 done and the log verified; 3 it did not verify; 4 a step failed.
    int run();

private:
    bool step(bool ok, const QString &what);
    QString userWithRole(const QString &role) const;
    bool loginAs(const QString &role);
    /// Runs HeadlessOutputs.qml's @p phase ("runAuditor"/"runManager") for @p viewer; its results.
    bool makeEvidence(const char *phase, const QVariantMap &settings, QVariantMap *results);
    bool writeVerification(const QString &path, const QVariantMap &results);

    HostApplication &m_host;
    QTextStream &m_out;
    QString m_failure;
};
