// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace QmsAudit {
class IAuditTrailPlugin;
}
class DocumentStore;
class UserDirectory;

/**
 * `--demo-data MONTHS`: months of a site's life recorded into a NEW audit log through the Qt
 * plugin, the way the application itself records, so that the auditor views and the management
 * review have something real to show.
 *
 * About 40 people (UserDirectory, password UserDirectory::DemoPassword) work on about 400
 * controlled documents (SOP, WI, FRM, CAL): weekday sessions between 08:00 and 18:00 UTC with a
 * lunch gap, mostly views, some prints, exports and searches, and the workflow of the documents
 * (create, edit, submit, review signature, reject, approve with its signature, release, revise,
 * obsolete) with reasons and old/new values. The register (DocumentStore) ends exactly as the log
 * says: versions, earlier versions, signatures, states and owners, with the times the log stamped.
 * A few evenings and Saturdays of overtime give the occasional after-hours flag, as at a real site.
 *
 * A handful of anomalies are planted in the last weeks, each clearly beyond the default rules of
 * docs/anomalies.md; plantedAnomalies() describes them (date, person, document, rule).
 *
 * The same seed and options give the same history, except for its dates: it ends shortly before now.
 */
class DemoHistory : public QObject
{
    Q_OBJECT

public:
    struct Options {
        int months = 12;
        quint64 seed = 2026;
        /// Events per month; the working days share them (~3,800 a weekday for 83,000).
        double eventsPerMonth = 83'000;
        /// The resolution of recorded_at: events are stamped with the time that opened their
        /// window, one commit per window. 5 is the trail's own; 10 records ~1.5x faster.
        int stampMinutes = 10;
    };

    /**
     * @p trailConfig is the application's trail configuration (log_path, key_file, host, …); run()
     * adds what a history needs. The store and the directory are filled and saved by run(); the
     * store must be empty, since its documents must match the new log.
     */
    DemoHistory(QmsAudit::IAuditTrailPlugin &plugin, QVariantMap trailConfig, DocumentStore &store, UserDirectory &users,
                Options options, QObject *parent = nullptr);
    ~DemoHistory() override;

    /**
     * Opens the plugin's trail on a NEW log whose simulated clock starts `months` ago, records the
     * history in time order up to a few minutes before now (buffered, one commit per stampMinutes
     * of simulated time), saves the store and the users, and closes the trail; the caller opens it
     * again as usual. @p progress gets (events recorded, events planned). False and @p error on any
     * failure: an event the trail refuses or fails to write ends the run, it is never skipped.
     *
     * Call it on the thread that loaded the plugin: the plugin's signals are delivered there.
     */
    bool run(const std::function<void(qint64 done, qint64 total)> &progress, QString *error);

    /// The events run() recorded (the trail's own started/stopped not counted).
    qint64 recordedEvents() const { return m_recorded; }
    /// One line per planted anomaly: when, who, what, and the rule that flags it.
    QStringList plantedAnomalies() const { return m_planted; }

private Q_SLOTS:
    void onRecordFailed(const QString &message);

private:
    struct Simulation; // people, documents, days and the day being planned: demohistory.cpp

    void createPeople();
    void createCalendar();
    void createDocuments();
    void createBudgets();
    void scheduleAnomalies();
    qint64 plannedTotal() const;

    void planDay(int day);
    void planSessions(int day);
    void planDocument(int doc, int day);
    void planAnomalies(int day);
    void planAccess(int day);
    int addSession(int user, qint64 start, qint64 end, unsigned flags);
    qint64 findSlot(int user, qint64 after, int *session);
    void push(qint64 t, int kind, int user, int doc, int session, int detail = 0);

    bool recordDay(const std::function<void(qint64, qint64)> &progress, QString *error);
    bool recordEvent(int index, QString *error);
    bool drainSignals(QString *error);
    bool finishRegister(QString *error);

    QmsAudit::IAuditTrailPlugin &m_plugin;
    QVariantMap m_config;
    DocumentStore &m_store;
    UserDirectory &m_users;
    Options m_options;
    std::unique_ptr<Simulation> d;
    qint64 m_recorded = 0;
    QStringList m_planted;
    QString m_asyncError;
};
