// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantList>
#include <QVariantMap>

#include <memory>

namespace QmsAudit {
class AuditTrail;
}

class QQmlEngine;

/**
 * The Quick Test setup object: a temporary directory with a key file, the config map the tests
 * open the `AuditTrail` singleton with (context property `auditConfig`), and itself as
 * `auditHelper` to read the log back through the C++ API (AuditLog::open on a connection of its
 * own). Also records every warning: main() fails the run if there was any.
 */
class QmlTestSetup : public QObject
{
    Q_OBJECT

public:
    QmlTestSetup();
    ~QmlTestSetup() override;

    /**
     * Call from initTestCase(): puts the warning recorder in front of QTest's message handler,
     * which QTest installs only when the first TestCase starts (after qmlEngineAvailable()).
     */
    Q_INVOKABLE void watchWarnings();
    /// Opens a trail in C++ as a host would and makes it AuditTrail::defaultTrail(); false on failure.
    Q_INVOKABLE bool openHostTrail();
    /// Unsets the default trail and closes it.
    Q_INVOKABLE void closeHostTrail();
    /**
     * Creates the log with @p count events before any trail opens it: users u0…u4, documents
     * procedure SOP-0…SOP-6, actions cycling view, edit (with a change and a reason), print,
     * approve, access_denied. The oracle for the view tests is events().
     */
    Q_INVOKABLE bool fillLog(int count);
    /// The log's path and key file, for an AuditLogSource that opens the file itself.
    Q_INVOKABLE QString logPath() const { return m_logPath; }
    Q_INVOKABLE QString keyFile() const { return m_keyFile; }
    /// The environment variable @p name (the large-log tests get their fixture's log from CTest).
    Q_INVOKABLE QString environment(const QString &name) const { return qEnvironmentVariable(name.toUtf8().constData()); }
    /// Number of events in the log, read with AuditLog::open(); -1 if it cannot be opened.
    Q_INVOKABLE int countEvents() const;
    /// Every event in the log in the export form (eventToJson()), ascending by seq.
    Q_INVOKABLE QVariantList events() const;
    /**
     * The oracle for samples drawn in QML: EventSampler::draw() on a reader of its own, for
     * {actions: [names], size, seed (string), upToSeq, stratified, allDenied}. Returns {seqs,
     * targetedSeqs, upToSeq, populationSize, populationDigest (hex)}, or {error}.
     */
    Q_INVOKABLE QVariantMap drawSample(const QVariantMap &request) const;
    /// A path in the test's temporary directory (nothing is created).
    Q_INVOKABLE QString temporaryPath(const QString &name) const { return m_dir.filePath(name); }
    Q_INVOKABLE bool fileExists(const QString &path) const;
    /// The file's contents as UTF-8 text, and its SHA-256 (hex), for exports read back.
    Q_INVOKABLE QString readText(const QString &path) const;
    Q_INVOKABLE QString sha256Of(const QString &path) const;
    /// The text of a PDF as poppler's `pdftotext -layout` reads it (pages end with a form feed); empty if it cannot.
    Q_INVOKABLE QString pdfText(const QString &path) const;
    /**
     * Copies tests/data/checkpoint/@p name into the temporary directory, readable by its owner
     * only (as SigningKeyFileProvider wants a key file), and returns the copy's path.
     */
    Q_INVOKABLE QString checkpointKey(const QString &name) const;
    /**
     * Reads the evidence pack @p path (EvidencePackArchive) and checks it (EvidencePackVerifier)
     * against tests/data/checkpoint/test-ed25519.pub.pem. Returns {ok, trusted, findings (text),
     * eventCount, treeSize, origin, keyName, seqs (of events.jsonl), files (names)}, or {error}.
     */
    Q_INVOKABLE QVariantMap verifyPack(const QString &path) const;
    /**
     * Changes the actor of event @p seq behind the library's back, with the key, through the
     * sqlcipher shell: the log then fails verification. Returns the shell's error; empty if done.
     */
    Q_INVOKABLE QString tamperWithEvent(int seq) const;

    /// Warnings (and worse) seen while the QML engine was up.
    static QStringList unexpectedWarnings();

public Q_SLOTS:
    void applicationAvailable();
    void qmlEngineAvailable(QQmlEngine *engine);
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_logPath;
    QString m_keyFile;
    std::unique_ptr<QmsAudit::AuditTrail> m_hostTrail;
};
