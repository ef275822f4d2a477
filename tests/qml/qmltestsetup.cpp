// SPDX-License-Identifier: LGPL-2.1-or-later
#include "qmltestsetup.h"

#include "sqlciphershell.h"

#include <qmsaudit/auditlog.h>
#include <qmsaudit/audittrail.h>
#include <qmsaudit/checkpointverifier.h>
#include <qmsaudit/eventjson.h>
#include <qmsaudit/eventreader.h>
#include <qmsaudit/eventsampler.h>
#include <qmsaudit/evidencepackarchive.h>
#include <qmsaudit/evidencepackverifier.h>
#include <qmsaudit/keyfileprovider.h>

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QQmlContext>
#include <QQmlEngine>

namespace {

QMutex warningsMutex;
QStringList warnings;
QtMessageHandler beforeEngine = nullptr;  // Qt's default handler
QtMessageHandler beforeTestLog = nullptr; // QTest's handler (it does not chain to the one before it)

void remember(QtMsgType type, const QString &message)
{
    if (type == QtDebugMsg || type == QtInfoMsg)
        return;
    const QMutexLocker lock(&warningsMutex);
    warnings.append(message);
}

/// Until QTest starts logging (engine set-up, component creation).
void recordEarlyWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    remember(type, message);
    beforeEngine(type, context, message);
}

/// In front of QTest's handler from initTestCase on. QTest's handler falls back to
/// recordEarlyWarnings once it stops logging, so the two never call each other in a loop.
void recordWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    remember(type, message);
    beforeTestLog(type, context, message);
}

} // namespace

QmlTestSetup::QmlTestSetup() = default;

QmlTestSetup::~QmlTestSetup()
{
    closeHostTrail();
}

void QmlTestSetup::applicationAvailable()
{
    if (!m_dir.isValid())
        qFatal("cannot create a temporary directory");
    m_logPath = m_dir.filePath(QStringLiteral("audit.qmslog"));
    m_keyFile = m_dir.filePath(QStringLiteral("audit.key"));
    if (auto generated = QmsAudit::KeyFileProvider::generateKeyFile(m_keyFile); !generated)
        qFatal("cannot write the key file: %s", qPrintable(generated.error().message()));
}

void QmlTestSetup::qmlEngineAvailable(QQmlEngine *engine)
{
    if (!beforeEngine)
        beforeEngine = qInstallMessageHandler(recordEarlyWarnings);
    engine->addImportPath(QStringLiteral(QMSAUDIT_QML_IMPORT_DIR));
    engine->rootContext()->setContextProperty(
        QStringLiteral("auditConfig"),
        QVariantMap{{QStringLiteral("log_path"), m_logPath},
                    {QStringLiteral("key_file"), m_keyFile},
                    {QStringLiteral("host"), QVariantMap{{QStringLiteral("app"), QStringLiteral("qmsaudit-qml-tests")},
                                                         {QStringLiteral("version"), QStringLiteral("1")}}}});
    engine->rootContext()->setContextProperty(QStringLiteral("auditHelper"), this);
}

void QmlTestSetup::cleanupTestCase()
{
    // The handlers stay until main() returns: warnings at engine teardown count too.
}

void QmlTestSetup::watchWarnings()
{
    // QTest installs its handler when the first TestCase starts, in front of recordEarlyWarnings.
    if (!beforeTestLog)
        beforeTestLog = qInstallMessageHandler(recordWarnings);
}

bool QmlTestSetup::openHostTrail()
{
    auto config = QmsAudit::AuditTrailConfig::defaults();
    config.logPath = m_logPath;
    config.keyFile = m_keyFile;
    config.host = {QStringLiteral("qmsaudit-qml-tests-host"), QStringLiteral("1"), {}};
    auto trail = std::make_unique<QmsAudit::AuditTrail>();
    if (!trail->open(config))
        return false;
    trail->setCurrentUser({QStringLiteral("host-user"), QStringLiteral("Host User"), {}});
    m_hostTrail = std::move(trail);
    QmsAudit::AuditTrail::setDefaultTrail(m_hostTrail.get());
    return true;
}

void QmlTestSetup::closeHostTrail()
{
    if (!m_hostTrail)
        return;
    if (QmsAudit::AuditTrail::defaultTrail() == m_hostTrail.get())
        QmsAudit::AuditTrail::setDefaultTrail(nullptr);
    m_hostTrail.reset();
}

bool QmlTestSetup::fillLog(int count)
{
    const QmsAudit::KeyFileProvider keys(m_keyFile);
    auto log = QmsAudit::AuditLog::create(m_logPath, keys);
    if (!log)
        return false;
    using QmsAudit::Action;
    const Action cycle[] = {Action::View, Action::Edit, Action::Print, Action::Approve, Action::AccessDenied};
    QList<QmsAudit::Event> events;
    for (int i = 0; i < count; ++i) {
        QmsAudit::Event event;
        event.actor = {QStringLiteral("u%1").arg(i % 5), QStringLiteral("User %1").arg(i % 5), {QStringLiteral("author")}};
        event.action = cycle[i % 5];
        event.object = {QStringLiteral("procedure"), QStringLiteral("SOP-%1").arg(i % 7), QStringLiteral("%1").arg(i / 100 + 1),
                        QStringLiteral("Calibration of torque wrenches %1").arg(i % 7)};
        if (event.action == Action::Edit) {
            event.changes = {{QStringLiteral("scope"), QStringLiteral("all torque wrenches in hall %1").arg(i), QStringLiteral("all torque wrenches in hall %1 and %2").arg(i, i + 1)}};
            event.reason = QStringLiteral("CAPA-%1 calibration interval").arg(i);
        }
        if (event.action == Action::AccessDenied)
            event.outcome = QmsAudit::Outcome::Denied;
        events.append(event);
    }
    return bool((*log)->appendAll(events));
}

int QmlTestSetup::countEvents() const
{
    const QmsAudit::KeyFileProvider keys(m_keyFile);
    auto log = QmsAudit::AuditLog::open(m_logPath, keys);
    if (!log)
        return -1;
    auto count = (*log)->count({});
    return count ? int(*count) : -1;
}

QVariantList QmlTestSetup::events() const
{
    const QmsAudit::KeyFileProvider keys(m_keyFile);
    auto log = QmsAudit::AuditLog::open(m_logPath, keys);
    if (!log)
        return {};
    QVariantList result;
    QmsAudit::PageRequest page;
    page.limit = QmsAudit::PageRequest::MaxLimit;
    for (;;) {
        auto events = (*log)->query({}, page);
        if (!events)
            return {};
        for (const QmsAudit::Event &event : events->events)
            result.append(QmsAudit::eventToJson(event).toVariantMap());
        if (!events->hasMore)
            return result;
        page.afterSeq = events->nextAfterSeq;
    }
}

QVariantMap QmlTestSetup::drawSample(const QVariantMap &request) const
{
    const QmsAudit::KeyFileProvider keys(m_keyFile);
    auto reader = QmsAudit::EventReader::open(m_logPath, keys);
    if (!reader)
        return {{QStringLiteral("error"), reader.error().message()}};
    QmsAudit::SampleRequest sampleRequest;
    for (const QString &name : request.value(QStringLiteral("actions")).toStringList()) {
        if (auto action = QmsAudit::actionFromName(name))
            sampleRequest.filter.actions.append(*action);
    }
    sampleRequest.size = request.value(QStringLiteral("size")).toInt();
    sampleRequest.seed = request.value(QStringLiteral("seed")).toString().toULongLong();
    sampleRequest.upToSeq = request.value(QStringLiteral("upToSeq")).toLongLong();
    sampleRequest.stratified = request.value(QStringLiteral("stratified")).toBool();
    sampleRequest.allDenied = request.value(QStringLiteral("allDenied")).toBool();
    auto sample = QmsAudit::EventSampler::draw(**reader, sampleRequest);
    if (!sample)
        return {{QStringLiteral("error"), sample.error().message()}};
    const auto list = [](const QList<qint64> &seqs) {
        QVariantList values;
        for (qint64 seq : seqs)
            values.append(seq);
        return values;
    };
    return {{QStringLiteral("seqs"), list(sample->seqs)},
            {QStringLiteral("targetedSeqs"), list(sample->targetedSeqs)},
            {QStringLiteral("upToSeq"), sample->request.upToSeq},
            {QStringLiteral("populationSize"), sample->populationSize},
            {QStringLiteral("populationDigest"), QString::fromLatin1(sample->populationDigest.toHex())}};
}

bool QmlTestSetup::fileExists(const QString &path) const
{
    return QFile::exists(path);
}

QString QmlTestSetup::readText(const QString &path) const
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString QmlTestSetup::sha256Of(const QString &path) const
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

QString QmlTestSetup::pdfText(const QString &path) const
{
    // Read back as a stranger reads it, not through the library that wrote it.
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(60000) || pdftotext.exitStatus() != QProcess::NormalExit || pdftotext.exitCode() != 0)
        return {};
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

QString QmlTestSetup::checkpointKey(const QString &name) const
{
    const QString copy = m_dir.filePath(name);
    QFile::remove(copy);
    if (!QFile::copy(QStringLiteral(QMSAUDIT_TEST_DATA_DIR "/checkpoint/") + name, copy)
        || !QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return {};
    return copy;
}

QVariantMap QmlTestSetup::verifyPack(const QString &path) const
{
    auto files = QmsAudit::EvidencePackArchive::read(path);
    if (!files)
        return {{QStringLiteral("error"), files.error().message()}};
    QFile publicKey(QStringLiteral(QMSAUDIT_TEST_DATA_DIR "/checkpoint/test-ed25519.pub.pem"));
    if (!publicKey.open(QIODevice::ReadOnly))
        return {{QStringLiteral("error"), publicKey.errorString()}};
    auto trusted = QmsAudit::CheckpointVerifier::fromPem(QStringLiteral("trusted"), publicKey.readAll());
    if (!trusted)
        return {{QStringLiteral("error"), trusted.error().message()}};
    const QmsAudit::EvidencePackCheck check = QmsAudit::EvidencePackVerifier::verify(*files, trusted->publicKey());
    QStringList findings;
    for (const QmsAudit::EvidencePackFinding &finding : check.findings)
        findings.append(finding.describe());
    QVariantList seqs;
    for (const QByteArray &line : files->value(QmsAudit::EvidencePack::eventsName()).split('\n')) {
        if (!line.isEmpty())
            seqs.append(QJsonDocument::fromJson(line).object().value(QStringLiteral("seq")).toInteger());
    }
    return {{QStringLiteral("ok"), check.ok()},
            {QStringLiteral("trusted"), check.trusted},
            {QStringLiteral("findings"), findings},
            {QStringLiteral("eventCount"), check.eventCount},
            {QStringLiteral("treeSize"), check.treeSize},
            {QStringLiteral("origin"), check.origin},
            {QStringLiteral("keyName"), check.keyName},
            {QStringLiteral("seqs"), seqs},
            {QStringLiteral("files"), QStringList(files->keys())}};
}

QString QmlTestSetup::tamperWithEvent(int seq) const
{
    QFile key(m_keyFile);
    if (!key.open(QIODevice::ReadOnly))
        return key.errorString();
    const QmsAudit::Test::ShellResult shell = QmsAudit::Test::runSqlcipher(
        m_logPath, key.readAll().trimmed(),
        QStringLiteral("DROP TRIGGER events_no_update; UPDATE events SET actor_id = 'u9' WHERE seq = %1;").arg(seq));
    return shell.exitCode == 0 ? QString() : shell.err;
}

QStringList QmlTestSetup::unexpectedWarnings()
{
    const QMutexLocker lock(&warningsMutex);
    return warnings;
}
