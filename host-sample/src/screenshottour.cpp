// SPDX-License-Identifier: LGPL-2.1-or-later
#include "screenshottour.h"

#include "hostapplication.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>

namespace {

// The trail's watch checks every retry interval (1 s by default); several of them are allowed.
constexpr int kTrailChangeMs = 15000;
// Views stream their first page, counts and charts on worker threads.
constexpr int kSettleMs = 120000;
constexpr int kTickMs = 20;

QString keyAway(const QString &key)
{
    return key + QStringLiteral(".away");
}

} // namespace

ScreenshotTour::ScreenshotTour(HostApplication &host, QQmlApplicationEngine &engine)
    : m_host(host)
    , m_engine(engine)
{
}

bool ScreenshotTour::fail(const QString &message)
{
    *m_out << "screenshots: " << message << '\n';
    m_out->flush();
    return false;
}

void ScreenshotTour::perform(const QString &what, std::function<bool()> action)
{
    m_steps.append({what, std::move(action)});
}

void ScreenshotTour::waitFor(const QString &what, std::function<bool()> condition, int timeoutMs, bool mayTimeOut)
{
    m_steps.append({what, std::move(condition), timeoutMs, mayTimeOut});
}

void ScreenshotTour::pause(int ms)
{
    waitFor(QStringLiteral("pause"), [] { return false; }, ms, true);
}

bool ScreenshotTour::call(const char *function, const QVariant &argument)
{
    const bool ok = argument.isValid() ? QMetaObject::invokeMethod(m_window, function, Q_ARG(QVariant, argument))
                                       : QMetaObject::invokeMethod(m_window, function);
    return ok || fail(QStringLiteral("Main.qml has no function %1").arg(QLatin1StringView(function)));
}

bool ScreenshotTour::login(const QString &role)
{
    const QStringList ids = m_host.users().withRole(role);
    if (ids.isEmpty())
        return fail(QStringLiteral("no user has the role %1").arg(role));
    DocumentService &desk = m_host.service();
    if (!desk.login(ids.constFirst(), UserDirectory::DemoPassword))
        return fail(QStringLiteral("cannot log in as %1: %2").arg(ids.constFirst(), desk.lastError()));
    return true;
}

QString ScreenshotTour::signedReleasedDocument() const
{
    QString best;
    qsizetype mostSignatures = 0;
    for (const QString &id : m_host.store().ids()) {
        const ControlledDocument d = m_host.store().document(id);
        if (d.state == QLatin1StringView("released") && d.signatures.size() > mostSignatures) {
            best = id;
            mostSignatures = d.signatures.size();
        }
    }
    return best;
}

QString ScreenshotTour::registerSearch() const
{
    // A title word shared by a dozen documents, some of them still in work: the picture then shows
    // the search and more than one state. Taken from the register, whatever history made it.
    const DocumentStore &store = m_host.store();
    QString best;
    int bestInWork = 0;
    for (const QString &id : store.ids()) {
        const ControlledDocument d = store.document(id);
        if (d.state == QLatin1StringView("released"))
            continue;
        for (const QString &word : d.title.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (word.size() < 6 || !word.at(0).isLetter())
                continue;
            int matches = 0;
            int inWork = 0;
            for (const QString &other : store.ids()) {
                const ControlledDocument o = store.document(other);
                if (o.title.contains(word, Qt::CaseInsensitive)) {
                    ++matches;
                    inWork += o.state != QLatin1StringView("released");
                }
            }
            if (matches >= 6 && matches <= 15 && inWork > bestInWork) {
                best = word;
                bestInWork = inWork;
            }
        }
    }
    return best;
}

QObject *ScreenshotTour::integrityCheck() const
{
    QObject *view = m_window->findChild<QObject *>(QStringLiteral("integrityView"));
    return view ? view->property("check").value<QObject *>() : nullptr;
}

void ScreenshotTour::shoot(const QString &name)
{
    waitFor(name + QStringLiteral(": the view did not settle; taken as it is"),
            [this] { return m_window->property("settled").toBool(); }, kSettleMs, true);
    // The last change must be painted, and a view's layout may still move once after its data.
    pause(600);
    perform(name, [this, name] { return grab(name); });
}

bool ScreenshotTour::grab(const QString &name)
{
    const QString file = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    const QImage image = m_window->grabWindow();
    if (image.isNull() || !image.save(file))
        return fail(QStringLiteral("cannot save %1").arg(file));
    *m_out << file << '\n';
    m_out->flush();
    return true;
}

QString ScreenshotTour::documentToApprove() const
{
    const QStringList approvers = m_host.users().withRole(QStringLiteral("approver"));
    const QString approver = approvers.value(0);
    for (const QString &id : m_host.store().ids()) {
        const ControlledDocument d = m_host.store().document(id);
        if (d.state == QLatin1StringView("in_review") && d.owner != approver)
            return id;
    }
    return {};
}

void ScreenshotTour::plan()
{
    waitFor(QStringLiteral("the audit trail is not available"), [this] { return m_host.audit().isAvailable(); }, kTrailChangeMs);

    // The login, the register (searched for documents in several states) and a signed document
    // as an approver sees them.
    shoot(QStringLiteral("host-login"));
    perform(QStringLiteral("login"), [this] {
        m_host.service().documents()->setProperty("filterText", registerSearch());
        return login(QStringLiteral("approver"));
    });
    shoot(QStringLiteral("host-register"));
    perform(QStringLiteral("document"), [this] {
        m_host.service().documents()->setProperty("filterText", QString());
        return call("showDocument", m_document);
    });
    shoot(QStringLiteral("host-document"));
    // The signature dialog of a document in review that the approver did not write (the dialog
    // only: it is cancelled, nothing is signed).
    perform(QStringLiteral("sign"), [this] {
        const QString id = documentToApprove();
        if (id.isEmpty()) {
            *m_out << "screenshots: no document in review to approve; host-sign.png is left out\n";
            m_skipSign = true;
            return true;
        }
        return call("showDocument", id);
    });
    pause(300);
    perform(QStringLiteral("sign dialog"), [this] {
        if (m_skipSign)
            return true;
        // The page's own handler of the approve button (its Repeater's buttons are not findChild's).
        QObject *page = m_window->findChild<QObject *>(QStringLiteral("documentPage"));
        const QVariantMap approve{{QStringLiteral("action"), QStringLiteral("approve")},
                                  {QStringLiteral("needsReason"), false},
                                  {QStringLiteral("needsSignature"), true}};
        return (page && QMetaObject::invokeMethod(page, "takeStep", Q_ARG(QVariant, approve)))
            || fail(QStringLiteral("the document page cannot take the approve step"));
    });
    waitFor(QStringLiteral("the signature dialog did not open"), [this] {
        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("signatureDialog"));
        return m_skipSign || (dialog && dialog->property("opened").toBool());
    }, kTrailChangeMs);
    pause(400);
    perform(QStringLiteral("host-sign"), [this] { return m_skipSign || grab(QStringLiteral("host-sign")); });
    perform(QStringLiteral("cancel"), [this] {
        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("signatureDialog"));
        return m_skipSign || QMetaObject::invokeMethod(dialog, "reject");
    });

    // The auditor's view of the trail, embedded from the QmsAudit module; then the auditor verifies
    // the log, which the management review reports.
    perform(QStringLiteral("auditor"), [this] { return login(QStringLiteral("auditor")) && call("showAudit", 0); });
    shoot(QStringLiteral("host-auditor-view"));
    perform(QStringLiteral("integrity"), [this] { return call("showAudit", 3); });
    waitFor(QStringLiteral("the integrity view did not open"), [this] { return integrityCheck() != nullptr; }, kSettleMs);
    perform(QStringLiteral("verify"), [this] { return QMetaObject::invokeMethod(integrityCheck(), "start"); });
    waitFor(QStringLiteral("the verification did not finish"), [this] {
        QObject *check = integrityCheck();
        return check && check->property("finished").toBool() && !check->property("running").toBool();
    }, kSettleMs);

    // The trail goes down under an open document: the key file disappears, the trail's watch
    // closes the trail, and the page locks. Then the key comes back, and so does the document.
    perform(QStringLiteral("document"), [this] { return login(QStringLiteral("approver")) && call("showDocument", m_document); });
    pause(300);
    perform(QStringLiteral("key away"), [this] {
        const QString key = m_host.folder().keyFile();
        QFile::remove(keyAway(key));
        return QFile::rename(key, keyAway(key)) || fail(QStringLiteral("cannot move %1 away").arg(key));
    });
    waitFor(QStringLiteral("the trail did not go down without its key file"), [this] { return !m_host.audit().isAvailable(); }, kTrailChangeMs);
    shoot(QStringLiteral("host-trail-down"));
    perform(QStringLiteral("key back"), [this] {
        const QString key = m_host.folder().keyFile();
        return QFile::rename(keyAway(key), key) || fail(QStringLiteral("cannot put the key file back: it is %1").arg(keyAway(key)));
    });
    waitFor(QStringLiteral("the trail did not come back"), [this] { return m_host.audit().isAvailable(); }, kTrailChangeMs);

    // The management review of this month beside the last, as a manager sees it: a month is
    // covered even by the shortest demonstration history.
    perform(QStringLiteral("review"), [this] {
        const QString month = QDateTime::currentDateTimeUtc().date().toString(QStringLiteral("yyyy-MM"));
        return login(QStringLiteral("manager")) && call("showReview", month);
    });
    shoot(QStringLiteral("host-management-review"));
    perform(QStringLiteral("logout"), [this] {
        m_host.service().logout();
        return true;
    });
}

void ScreenshotTour::tick()
{
    while (m_next < m_steps.size()) {
        const Step &step = m_steps.at(m_next);
        if (step.timeoutMs == 0) {
            if (!step.done())
                return m_loop->exit(1);
        } else if (!step.done()) {
            if (m_stepTimer.elapsed() < step.timeoutMs)
                return; // polled again on the next tick
            if (!step.mayTimeOut) {
                fail(step.what);
                return m_loop->exit(1);
            }
            if (step.what != QLatin1StringView("pause"))
                fail(step.what);
        }
        ++m_next;
        m_stepTimer.restart();
        if (step.timeoutMs > 0)
            return; // a wait ended: let the loop run before the next step
    }
    m_loop->exit(0);
}

bool ScreenshotTour::run(const QString &dir, QTextStream &out)
{
    m_out = &out;
    m_dir = dir;
    if (!QDir().mkpath(dir))
        return fail(QStringLiteral("cannot create %1").arg(dir));
    m_document = signedReleasedDocument();
    if (m_document.isEmpty())
        return fail(QStringLiteral("the register has no released document with signatures"));
    m_engine.load(QUrl(QStringLiteral("qrc:/qmsdemo/Main.qml")));
    if (m_engine.rootObjects().isEmpty())
        return fail(QStringLiteral("Main.qml did not load"));
    m_window = qobject_cast<QQuickWindow *>(m_engine.rootObjects().constFirst());
    if (!m_window)
        return fail(QStringLiteral("Main.qml is not a window"));

    plan();
    QEventLoop loop;
    m_loop = &loop;
    QTimer ticker;
    ticker.setInterval(kTickMs);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [this] { tick(); });
    m_stepTimer.start();
    ticker.start();
    const bool ok = loop.exec() == 0;
    ticker.stop();
    m_loop = nullptr;

    // Whatever happened, the key file is where the application expects it.
    const QString key = m_host.folder().keyFile();
    if (!QFile::exists(key) && QFile::exists(keyAway(key)))
        QFile::rename(keyAway(key), key);
    return ok;
}
