// SPDX-License-Identifier: LGPL-2.1-or-later
// The Qt plugin as a stranger's host sees it: QPluginLoader, the interface header and QtCore only.
#include <qmsaudit/iaudittrailplugin.h>

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QPluginLoader>
#include <QRandomGenerator>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>

namespace {

/// Receives the notifier's signals, connected by name as a host without QmsAudit headers would.
class SignalRecorder : public QObject
{
    Q_OBJECT

public:
    QList<qint64> recorded;
    QStringList failures;
    QList<bool> availability;

public Q_SLOTS:
    void onRecorded(qint64 seq) { recorded.append(seq); }
    void onRecordFailed(const QString &message) { failures.append(message); }
    void onAvailabilityChanged(bool available) { availability.append(available); }
};

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 5000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

QVariantMap object(const QString &id)
{
    return {{QStringLiteral("type"), QStringLiteral("procedure")},
            {QStringLiteral("id"), id},
            {QStringLiteral("version"), QStringLiteral("C")},
            {QStringLiteral("title"), QStringLiteral("Calibration of torque wrenches")}};
}

QVariantMap viewEvent(const QString &id)
{
    return {{QStringLiteral("action"), QStringLiteral("view")}, {QStringLiteral("object"), object(id)}};
}

QVariantMap editEvent(const QString &id, const QString &reason)
{
    return {{QStringLiteral("action"), QStringLiteral("edit")},
            {QStringLiteral("object"), object(id)},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("changes"), QVariantList{QVariantMap{{QStringLiteral("field"), QStringLiteral("interval_days")},
                                                                 {QStringLiteral("old"), QStringLiteral("365")},
                                                                 {QStringLiteral("new"), QStringLiteral("180")}}}}};
}

class PluginTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_logPath = m_dir.filePath(QStringLiteral("audit.qmslog"));
        m_keyFile = m_dir.filePath(QStringLiteral("audit.key"));
        // A raw key file as a host would write it: 64 hex characters, mode 0600.
        QFile key(m_keyFile);
        ASSERT_TRUE(key.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        ASSERT_TRUE(key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QByteArray bytes(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        ASSERT_EQ(key.write(bytes.toHex()), 64);
        key.close();

        m_loader.setFileName(QStringLiteral(QMSAUDIT_PLUGIN_FILE));
        QObject *instance = m_loader.instance();
        ASSERT_NE(instance, nullptr) << qPrintable(m_loader.errorString());
        m_audit = qobject_cast<QmsAudit::IAuditTrailPlugin *>(instance);
        ASSERT_NE(m_audit, nullptr);
    }

    void TearDown() override
    {
        if (m_audit)
            m_audit->close();
        QCoreApplication::processEvents(); // queued signals deliver (and may warn) inside the test
    }

    QVariantMap config(const QString &durability = QStringLiteral("durable")) const
    {
        return {{QStringLiteral("log_path"), m_logPath},
                {QStringLiteral("key_file"), m_keyFile},
                {QStringLiteral("durability"), durability},
                {QStringLiteral("host"), QVariantMap{{QStringLiteral("app"), QStringLiteral("plugin-test")},
                                                     {QStringLiteral("version"), QStringLiteral("1")}}}};
    }

    void openAsAda(const QString &durability = QStringLiteral("durable"))
    {
        QString error;
        ASSERT_TRUE(m_audit->open(config(durability), &error)) << qPrintable(error);
        m_audit->setCurrentUser({{QStringLiteral("id"), QStringLiteral("u42")},
                                 {QStringLiteral("name"), QStringLiteral("Ada Lovelace")},
                                 {QStringLiteral("roles"), QStringList{QStringLiteral("qa_manager")}}});
    }

    QTemporaryDir m_dir;
    QString m_logPath;
    QString m_keyFile;
    QPluginLoader m_loader;
    QmsAudit::IAuditTrailPlugin *m_audit = nullptr;
};

TEST_F(PluginTest, MetadataNamesTheInterfaceAndVersionWithoutLoading)
{
    QPluginLoader loader(QStringLiteral(QMSAUDIT_PLUGIN_FILE));
    const QJsonObject metaData = loader.metaData();
    EXPECT_EQ(metaData.value(QStringLiteral("IID")).toString(), QStringLiteral(QmsAudit_IAuditTrailPlugin_iid));
    EXPECT_EQ(metaData.value(QStringLiteral("className")).toString(), QStringLiteral("AuditTrailPlugin"));
    const QJsonObject custom = metaData.value(QStringLiteral("MetaData")).toObject();
    EXPECT_EQ(custom.value(QStringLiteral("name")).toString(), QStringLiteral("qmsaudit"));
    EXPECT_EQ(custom.value(QStringLiteral("version")).toString(), QStringLiteral(QMSAUDIT_VERSION_STRING));
    EXPECT_EQ(custom.value(QStringLiteral("iid")).toString(), QStringLiteral(QmsAudit_IAuditTrailPlugin_iid));
    EXPECT_FALSE(custom.value(QStringLiteral("description")).toString().isEmpty());
}

TEST_F(PluginTest, InstanceReportsItsVersionAndOffersNotifierSignalsByName)
{
    EXPECT_EQ(m_audit->pluginVersion(), QStringLiteral(QMSAUDIT_VERSION_STRING));
    QObject *notifier = m_audit->notifier();
    ASSERT_NE(notifier, nullptr);
    EXPECT_GE(notifier->metaObject()->indexOfSignal("recorded(qint64)"), 0);
    EXPECT_GE(notifier->metaObject()->indexOfSignal("recordFailed(QString)"), 0);
    EXPECT_GE(notifier->metaObject()->indexOfSignal("availabilityChanged(bool)"), 0);
    EXPECT_FALSE(m_audit->isAvailable()) << "available before open()";
}

TEST_F(PluginTest, RecordsViewAndEditAndRefusesAnEditWithoutReason)
{
    SignalRecorder spy;
    QObject *notifier = m_audit->notifier();
    ASSERT_TRUE(QObject::connect(notifier, SIGNAL(recorded(qint64)), &spy, SLOT(onRecorded(qint64))));
    ASSERT_TRUE(QObject::connect(notifier, SIGNAL(recordFailed(QString)), &spy, SLOT(onRecordFailed(QString))));
    ASSERT_TRUE(QObject::connect(notifier, SIGNAL(availabilityChanged(bool)), &spy, SLOT(onAvailabilityChanged(bool))));

    openAsAda();
    EXPECT_TRUE(m_audit->isAvailable());

    QString error;
    const qint64 view = m_audit->record(viewEvent(QStringLiteral("SOP-017")), &error);
    EXPECT_GT(view, 0) << qPrintable(error);
    const qint64 edit = m_audit->record(editEvent(QStringLiteral("SOP-017"), QStringLiteral("Annual review")), &error);
    EXPECT_EQ(edit, view + 1) << qPrintable(error);

    error.clear();
    EXPECT_EQ(m_audit->record(editEvent(QStringLiteral("SOP-017"), QString()), &error), -1);
    EXPECT_TRUE(error.contains(QStringLiteral("reason"), Qt::CaseInsensitive)) << qPrintable(error);
    EXPECT_TRUE(m_audit->isAvailable()) << "a refused event must not make the trail unavailable";

    // Durable: both seqs were on disk when record() returned; the signals follow via the event loop.
    EXPECT_TRUE(waitFor([&] { return spy.recorded.contains(view) && spy.recorded.contains(edit); }))
        << "recorded(qint64) not seen for " << view << " and " << edit;
    ASSERT_TRUE(waitFor([&] { return !spy.failures.isEmpty(); })) << "recordFailed(QString) not seen";
    EXPECT_EQ(spy.failures.constLast(), error);
    EXPECT_TRUE(m_audit->flush(5000));

    m_audit->close();
    EXPECT_TRUE(waitFor([&] { return spy.availability.contains(false); })) << "availabilityChanged(false) not seen on close";
}

TEST_F(PluginTest, RefusesEventsThatAreNotInTheExportFormat)
{
    openAsAda();
    QString error;
    QVariantMap typo = viewEvent(QStringLiteral("SOP-017"));
    typo.insert(QStringLiteral("reasn"), QStringLiteral("typo"));
    EXPECT_EQ(m_audit->record(typo, &error), -1);
    EXPECT_TRUE(error.contains(QStringLiteral("reasn"))) << qPrintable(error);

    error.clear();
    EXPECT_EQ(m_audit->record({{QStringLiteral("action"), QStringLiteral("peek")}, {QStringLiteral("object"), object(QStringLiteral("SOP-1"))}},
                              &error),
              -1);
    EXPECT_TRUE(error.contains(QStringLiteral("peek"))) << qPrintable(error);

    // The error pointer is optional.
    EXPECT_EQ(m_audit->record(typo, nullptr), -1);
}

TEST_F(PluginTest, ExplicitActorOverridesTheCurrentUser)
{
    openAsAda();
    QVariantMap event = viewEvent(QStringLiteral("WI-3"));
    event.insert(QStringLiteral("actor"), QVariantMap{{QStringLiteral("id"), QStringLiteral("u7")}, {QStringLiteral("name"), QStringLiteral("Grace")}});
    QString error;
    EXPECT_GT(m_audit->record(event, &error), 0) << qPrintable(error);
}

TEST_F(PluginTest, EventWithoutActorAndNoCurrentUserIsRefused)
{
    QString error;
    ASSERT_TRUE(m_audit->open(config(), &error)) << qPrintable(error);
    m_audit->setCurrentUser({});
    EXPECT_EQ(m_audit->record(viewEvent(QStringLiteral("SOP-017")), &error), -1);
    EXPECT_FALSE(error.isEmpty());
}

TEST_F(PluginTest, ReopenedLogContinuesTheSequence)
{
    openAsAda();
    QString error;
    qint64 last = 0;
    for (int i = 0; i < 3; ++i) {
        const qint64 seq = m_audit->record(viewEvent(QStringLiteral("SOP-%1").arg(i)), &error);
        ASSERT_GT(seq, last) << qPrintable(error);
        last = seq;
    }
    m_audit->close();
    m_audit->close(); // idempotent
    EXPECT_FALSE(m_audit->isAvailable());
    EXPECT_EQ(m_audit->record(viewEvent(QStringLiteral("SOP-9")), &error), -1) << "recorded while closed";
    EXPECT_FALSE(error.isEmpty());

    // Same file, same key: the chain continues after the events (and stopped/started) written before.
    openAsAda();
    const qint64 next = m_audit->record(viewEvent(QStringLiteral("SOP-4")), &error);
    EXPECT_GT(next, last + 1) << qPrintable(error);
    EXPECT_EQ(m_audit->record(editEvent(QStringLiteral("SOP-4"), QStringLiteral("CAPA-9")), &error), next + 1) << qPrintable(error);
}

TEST_F(PluginTest, BufferedRecordReturnsAtOnceAndFlushCommits)
{
    SignalRecorder spy;
    ASSERT_TRUE(QObject::connect(m_audit->notifier(), SIGNAL(recorded(qint64)), &spy, SLOT(onRecorded(qint64))));
    openAsAda(QStringLiteral("buffered"));
    QString error;
    for (int i = 0; i < 5; ++i)
        EXPECT_GE(m_audit->record(viewEvent(QStringLiteral("SOP-%1").arg(i)), &error), 0) << qPrintable(error);
    // Refused events still fail at once in buffered mode.
    EXPECT_EQ(m_audit->record(editEvent(QStringLiteral("SOP-1"), QString()), &error), -1);
    EXPECT_TRUE(m_audit->flush(5000));
    EXPECT_TRUE(waitFor([&] { return spy.recorded.size() >= 5; })) << spy.recorded.size() << " recorded signals";
}

TEST_F(PluginTest, OpenFailuresComeWithAMessage)
{
    QString error;
    QVariantMap unknownKey = config();
    unknownKey.insert(QStringLiteral("log_pth"), m_logPath);
    EXPECT_FALSE(m_audit->open(unknownKey, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("log_pth"))) << qPrintable(error);

    error.clear();
    QVariantMap missingKey = config();
    missingKey.insert(QStringLiteral("key_file"), m_dir.filePath(QStringLiteral("missing.key")));
    EXPECT_FALSE(m_audit->open(missingKey, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(m_audit->isAvailable());

    // Opening twice is refused; the first trail keeps working.
    openAsAda();
    EXPECT_FALSE(m_audit->open(config(), &error));
    EXPECT_GT(m_audit->record(viewEvent(QStringLiteral("SOP-017")), &error), 0) << qPrintable(error);
}

} // namespace

#include "plugin_test.moc"
