// SPDX-License-Identifier: LGPL-2.1-or-later
#include "demohistory.h"

#include "controlleddocument.h"
#include "documentstore.h"
#include "userdirectory.h"
#include "workflow.h"

#include <qmsaudit/iaudittrailplugin.h>

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QEvent>
#include <QHash>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kSecond = 1'000'000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
/// The plugin's simulated clock moves only for a time more than this ahead of it (docs/recording.md).
constexpr qint64 kClockStep = 5 * kMinute;
constexpr int kNever = std::numeric_limits<int>::max();
/// Distinct documents a person opens in a day: below bulk_access's default 20 an hour, so that
/// only the planted bursts are flagged.
constexpr int kDaySetLimit = 16;
constexpr int kInitialDocuments = 340;
constexpr int kNewDocumentsPerMonth = 5;

enum Kind : int {
    Login, Logout, LoginFailed, View, Print, Export, Search, Denied,
    Create, Edit, Submit, SignReviewed, Reject, SignApproved, Approve, Release, Revise, Obsolete,
    KindCount
};

const char16_t *const kActionNames[KindCount] = {
    u"login",  u"logout", u"login_failed", u"view",   u"print",  u"export",  u"search",  u"access_denied", u"create",
    u"edit",   u"submit", u"sign",         u"reject", u"sign",   u"approve", u"release", u"revise",        u"obsolete",
};

enum class Stage { Unborn, Draft, InReview, Approved, Released, Obsolete };
enum class Fate { Idle, Revise, Obsolete };
enum Role : unsigned { Author = 1, Reviewer = 2, Approver = 4, Auditor = 8, Manager = 16, Admin = 32 };
enum SessionFlag : unsigned { Regular = 1, Fill = 2, Logged = 4 };
enum Denial : int { ExportDenied, EditDenied, AuditViewsDenied, DashboardDenied };
enum Planted : int { FailedLogins, NightExport, SelfApproval, MassViewing, ReleasedEdit, DeniedExports, PlantedCount };
/// Edit::detail of the planted change of a released document (the changed field is detail - this).
constexpr int kPlantedEdit = 100;

const QString kAction = u"action"_s;
const QString kActor = u"actor"_s;
const QString kObject = u"object"_s;
const QString kSession = u"session"_s;
const QString kHost = u"host"_s;
const QString kRecordedAt = u"recorded_at"_s;
const QString kReason = u"reason"_s;
const QString kChanges = u"changes"_s;
const QString kOutcome = u"outcome"_s;
const QString kMeaning = u"signature_meaning"_s;
const QString kAttributes = u"attributes"_s;

struct Person {
    QString id;
    QString name;
    QStringList roles;
    unsigned roleBits = 0;
    double activity = 1;
    QVariant actor; ///< the event "actor" map, built once
    QVariant host;  ///< the event "host" map with the person's workstation
};

/// A kind of controlled document: its id prefix and the three fields its content states.
struct DocKind {
    QString type;
    QString prefix;
    QString noun;
    QStringList labels;
    QList<QStringList> values;
};

struct Doc {
    int kind = 0;
    QString id;
    QString title;
    double popularity = 1;
    int createDay = 0;
    bool fromPaper = true; ///< taken over from the paper register
    bool quick = true;     ///< its first approval goes quickly: the text exists already
    // The plan: where the document stands after the steps planned so far.
    Stage stage = Stage::Unborn;
    int owner = 0;
    int nextDay = 0;
    int bornDay = kNever;
    int lastDay = -1;
    qint64 lastT = 0;
    int editsLeft = 0;
    bool reviewed = false;
    int rejections = 0;
    Fate fate = Fate::Idle;
    // What the log says so far: the register entry at the end.
    ControlledDocument entry;
    int values[3] = {0, 0, 0};
    QVariant object;
};

struct Session {
    int user = 0;
    qint64 start = 0;
    qint64 end = 0;
    unsigned flags = 0;
    QVariant id;
};

/// One event of the day being planned; contents (reasons, values) are chosen while recording.
struct Planned {
    qint64 t;
    int order;
    int kind;
    int user;
    int doc;
    int session;
    int detail;
    bool exact; ///< stamped on the trail's own five-minute rule (planted bursts: their spans matter)
};

struct DayInfo {
    QDate date;
    qint64 startUs = 0;
    bool workday = false;
    bool holiday = false;
    qint64 budget = 0;
    int weekendUser = -1;
    int weekendEvents = 0;
    bool overtime = false;
};

struct PlantedPlan {
    int what;
    int day;
};

double uniform(std::mt19937_64 &random)
{
    // 53 random bits: the same doubles on every platform.
    return double(random() >> 11) * 0x1.0p-53;
}

int below(std::mt19937_64 &random, int n)
{
    return n <= 1 ? 0 : int(random() % quint64(n));
}

int between(std::mt19937_64 &random, int low, int high)
{
    return low + below(random, high - low + 1);
}

qint64 wholeSecond(qint64 us)
{
    return us - us % kSecond;
}

/// "2026-11-05T10:12:03Z": the time format of the store (Qt::ISODate) and one the trail parses.
QString isoTime(qint64 us, qint64 &cachedDay, QString &cachedPrefix)
{
    const qint64 seconds = us / kSecond;
    const qint64 day = seconds / 86400;
    if (day != cachedDay) {
        cachedDay = day;
        cachedPrefix = QDate(1970, 1, 1).addDays(day).toString(u"yyyy-MM-dd"_s) + QLatin1Char('T');
    }
    const int s = int(seconds - day * 86400);
    const char16_t tail[9] = {char16_t(u'0' + s / 36000),     char16_t(u'0' + s / 3600 % 10), u':',
                              char16_t(u'0' + s / 600 % 6),   char16_t(u'0' + s / 60 % 10),   u':',
                              char16_t(u'0' + s % 60 / 10),   char16_t(u'0' + s % 10),        u'Z'};
    QString text;
    text.reserve(20);
    text.append(cachedPrefix);
    text.append(QStringView(tail, 9));
    return text;
}

QString minuteText(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString clockText(qint64 us)
{
    return QDateTime::fromMSecsSinceEpoch(us / 1000, Qt::UTC).toString(u"HH:mm"_s);
}

QVariantMap change(const QString &field, const QString &oldValue, const QString &newValue)
{
    return {{u"field"_s, field}, {u"old"_s, oldValue}, {u"new"_s, newValue}};
}

const QList<DocKind> &docKinds()
{
    static const QList<DocKind> kinds = {
        {u"procedure"_s, u"SOP"_s, u"This procedure describes"_s,
         {u"Scope"_s, u"Responsible"_s, u"Review interval"_s},
         {{u"all GMP areas of the site"_s, u"production buildings 1 and 2"_s, u"the QC laboratory"_s, u"warehouse and distribution"_s,
           u"all employees and contractors"_s, u"packaging and labelling"_s},
          {u"Head of Quality Assurance"_s, u"Production manager"_s, u"Head of QC laboratory"_s, u"Engineering manager"_s,
           u"Warehouse manager"_s, u"Site quality head"_s, u"Validation lead"_s},
          {u"12 months"_s, u"24 months"_s, u"36 months"_s}}},
        {u"work_instruction"_s, u"WI"_s, u"This work instruction describes"_s,
         {u"Frequency"_s, u"Acceptance limit"_s, u"Protective equipment"_s},
         {{u"before each batch"_s, u"once per shift"_s, u"daily"_s, u"weekly"_s, u"after each product changeover"_s},
          {u"± 0.5 %"_s, u"± 1.0 %"_s, u"± 2 °C"_s, u"≤ 5 particles per m³"_s, u"± 0.05 pH"_s, u"± 0.1 mg"_s},
          {u"gloves and safety glasses"_s, u"cleanroom gown, gloves and mask"_s, u"hearing protection"_s, u"safety shoes and gloves"_s,
           u"lab coat and safety glasses"_s}}},
        {u"form"_s, u"FRM"_s, u"This form records"_s,
         {u"Retention"_s, u"Second signature"_s, u"Distribution"_s},
         {{u"5 years"_s, u"10 years"_s, u"15 years"_s, u"1 year after the expiry of the batch"_s},
          {u"required"_s, u"not required"_s},
          {u"QA and production"_s, u"QA only"_s, u"all departments"_s, u"QC laboratory"_s, u"warehouse"_s}}},
        {u"calibration_record"_s, u"CAL"_s, u"This record documents"_s,
         {u"Interval"_s, u"Tolerance"_s, u"Reference standard"_s},
         {{u"6 months"_s, u"12 months"_s, u"24 months"_s},
          {u"± 0.1 mg"_s, u"± 0.02 pH"_s, u"± 0.5 °C"_s, u"± 2 %"_s, u"± 4 %"_s, u"± 0.2 bar"_s},
          {u"E2 weight set WS-03"_s, u"buffer set pH 4/7/10"_s, u"reference thermometer RT-1"_s, u"dead-weight tester DW-2"_s,
           u"torque analyser TA-5"_s, u"gravimetric pipette check set"_s}}},
    };
    return kinds;
}

/// Titles of each kind, as many as asked for, all different.
QStringList titlesFor(int kind, int count, std::mt19937_64 &random)
{
    static const QStringList procedures = {
        u"Document control"_s, u"Change control"_s, u"Deviation management"_s, u"Corrective and preventive actions (CAPA)"_s,
        u"Internal audits"_s, u"Management review"_s, u"Supplier qualification"_s, u"Supplier audits"_s,
        u"Training and qualification of personnel"_s, u"Calibration management"_s, u"Preventive maintenance of equipment"_s,
        u"Cleaning and disinfection of production areas"_s, u"Handling of customer complaints"_s, u"Product recall"_s,
        u"Quality risk management"_s, u"Validation of computerised systems"_s, u"Process validation"_s, u"Cleaning validation"_s,
        u"Batch record review and release"_s, u"Environmental monitoring of cleanrooms"_s, u"Pest control"_s,
        u"Gowning for cleanroom grade C"_s, u"Incoming goods inspection"_s, u"Control of nonconforming product"_s,
        u"Label control and reconciliation"_s, u"Data integrity and good documentation practice"_s, u"Backup and restore of GMP data"_s,
        u"Retention of records"_s, u"Archiving of quality records"_s, u"Equipment qualification (IQ/OQ/PQ)"_s,
        u"Water system monitoring"_s, u"Temperature mapping of warehouses"_s, u"Storage and distribution"_s,
        u"Sampling of raw materials"_s, u"Stability testing"_s, u"Out-of-specification results"_s,
        u"Handling of reference standards"_s, u"Annual product quality review"_s, u"Self-inspection programme"_s,
        u"Hygiene rules for production staff"_s, u"Visitor and contractor access"_s, u"Line clearance"_s, u"Waste disposal"_s,
        u"Handling of returned goods"_s, u"Transport validation"_s, u"Qualification of service providers"_s,
        u"Periodic review of documents"_s, u"Electronic signatures"_s, u"Access control to GMP systems"_s, u"Audit trail review"_s,
        u"Contract manufacturing"_s, u"Emergency response in the laboratory"_s, u"Calibration of laboratory instruments"_s,
        u"Quality objectives and key figures"_s, u"Communication with authorities"_s, u"Handling of controlled substances"_s,
        u"Release of starting materials"_s, u"Packaging material control"_s, u"Qualification of analytical methods"_s,
        u"Change of suppliers"_s};
    static const QStringList tasks = {u"Operating"_s, u"Cleaning"_s, u"Setting up"_s, u"Daily check of"_s, u"Changeover of"_s,
                                      u"Troubleshooting"_s};
    static const QStringList equipment = {
        u"the HPLC system LC-03"_s,        u"the analytical balance BAL-014"_s, u"the autoclave AC-02"_s,
        u"filling line 3"_s,               u"the tablet press TP-200"_s,        u"the blister packaging machine BP-1"_s,
        u"the climate chamber KC-04"_s,    u"the label printer LP-7"_s,         u"the pH meter PH-03"_s,
        u"the dissolution tester DT-2"_s,  u"the purified water system PW-1"_s, u"the freeze dryer FD-1"_s,
        u"the isolator ISO-2"_s,           u"the checkweigher CW-5"_s,          u"the X-ray inspection unit XR-1"_s,
        u"the particle counter PC-9"_s,    u"the laminar flow cabinet LF-4"_s,  u"the torque wrench set TW-12"_s,
        u"the vial washer VW-1"_s,         u"the capping machine CM-3"_s,       u"the granulator GR-2"_s,
        u"the coating pan CP-1"_s};
    static const QStringList forms = {
        u"Deviation report"_s, u"Change request"_s, u"CAPA plan"_s, u"Training record"_s, u"Line clearance checklist"_s,
        u"Cleaning log"_s, u"Equipment logbook"_s, u"Incoming goods inspection checklist"_s, u"Supplier questionnaire"_s,
        u"Internal audit checklist"_s, u"Complaint intake form"_s, u"Batch release checklist"_s,
        u"Environmental monitoring sample sheet"_s, u"Calibration label request"_s, u"Visitor registration"_s,
        u"Access request for GMP systems"_s, u"Document change request"_s, u"Risk assessment template"_s,
        u"Validation protocol template"_s, u"Validation report template"_s, u"Temperature excursion report"_s,
        u"OOS investigation report"_s, u"Maintenance work order"_s, u"Pest control inspection sheet"_s,
        u"Gowning qualification record"_s, u"Reference standard log"_s, u"Sample receipt log"_s, u"Stability pull sheet"_s,
        u"Returned goods inspection"_s, u"Waste disposal record"_s, u"Label reconciliation sheet"_s,
        u"Transport temperature record"_s, u"Self-inspection report"_s, u"Management review minutes"_s,
        u"Quality objective tracking sheet"_s, u"Audit trail review record"_s, u"Periodic review record"_s,
        u"Product quality review template"_s, u"Supplier audit report"_s, u"Recall simulation record"_s,
        u"Emergency drill record"_s, u"Equipment decommissioning record"_s, u"Water sampling sheet"_s,
        u"Key handover record"_s, u"Balance daily check sheet"_s};
    static const QList<std::pair<QString, QString>> instruments = {
        {u"analytical balance"_s, u"BAL"_s}, {u"pH meter"_s, u"PH"_s},         {u"thermometer"_s, u"TH"_s},
        {u"pressure gauge"_s, u"PG"_s},      {u"pipette"_s, u"PIP"_s},         {u"torque wrench"_s, u"TW"_s},
        {u"temperature logger"_s, u"TL"_s},  {u"conductivity meter"_s, u"CM"_s}, {u"hygrometer"_s, u"HY"_s},
        {u"stopwatch"_s, u"SW"_s}};
    static const QStringList sites = {QString(), u" (Lyon site)"_s, u" (Porto site)"_s};

    QStringList titles;
    switch (kind) {
    case 0:
        for (int i = 0; titles.size() < count; ++i)
            titles.append(procedures[i % procedures.size()] + sites[(i / procedures.size()) % sites.size()]);
        break;
    case 1: {
        QList<QString> all;
        for (const QString &task : tasks)
            for (const QString &what : equipment)
                all.append(task + QLatin1Char(' ') + what);
        std::shuffle(all.begin(), all.end(), random);
        for (int i = 0; titles.size() < count; ++i)
            titles.append(all[i % all.size()] + sites[(i / all.size()) % sites.size()]);
        break;
    }
    case 2:
        for (int i = 0; titles.size() < count; ++i)
            titles.append(forms[i % forms.size()] + sites[(i / forms.size()) % sites.size()]);
        break;
    default:
        for (int i = 0; titles.size() < count; ++i) {
            const auto &[name, tag] = instruments[i % instruments.size()];
            titles.append(u"Calibration of the %1 %2-%3"_s.arg(name, tag).arg(101 + i / instruments.size() * 7 + below(random, 6), 3, 10,
                                                                             QLatin1Char('0')));
        }
        break;
    }
    std::shuffle(titles.begin(), titles.end(), random);
    return titles;
}

QString lowerFirst(const QString &title)
{
    // "Document control" reads "document control", but "HPLC …" and "CAPA plan" keep their capitals.
    if (title.size() > 1 && title[1].isLower())
        return title.front().toLower() + title.mid(1);
    return title;
}

QString contentOf(const DocKind &kind, const QString &title, const int values[3])
{
    QString text = kind.noun + QLatin1Char(' ') + lowerFirst(title) + u".\n"_s;
    for (int i = 0; i < 3; ++i)
        text += kind.labels[i] + u": "_s + kind.values[i][values[i]] + QLatin1Char('\n');
    return text;
}

} // namespace

struct DemoHistory::Simulation {
    explicit Simulation(quint64 seed)
        : random(seed)
        , detailRandom(seed ^ 0x9e3779b97f4a7c15ULL)
    {
    }

    std::mt19937_64 random;       ///< plans the history
    std::mt19937_64 detailRandom; ///< chooses reasons and values while recording
    qint64 startUs = 0;
    qint64 endUs = 0;
    qint64 clockUs = 0;  ///< the trail's simulated clock, followed here for the register's times
    qint64 windowUs = 0; ///< events within this of the clock are stamped with it: one commit each
    QVariant clockText;
    QString hostApp;
    QString hostVersion;

    QList<Person> people;
    QList<int> authors, reviewers, approvers, releasers, rejecters, weekenders;
    QList<Doc> docs;
    QList<DayInfo> days;
    QList<PlantedPlan> planted;
    int firstOrdinaryDay = 0; ///< the first day after the paper register was taken over
    qint64 total = 0;

    // The day being planned.
    int day = 0;
    QList<Session> sessions;
    QList<QList<int>> userSessions; ///< regular sessions per person
    QList<QList<int>> touched;      ///< documents a person works on today
    QList<QList<int>> daySets;      ///< documents a person opens today (empty until needed)
    QList<bool> forced;             ///< must be at work today (a planted anomaly needs them)
    QList<bool> morningOnly;
    QList<int> existing;            ///< documents created before today
    QList<double> existingWeights;  ///< their cumulative weights for picking what people open
    QList<Planned> planned;
    int order = 0;

    // Built once: what every event shares.
    QVariant actions[KindCount];
    QVariant searchObject;
    QVariantList searchAttributes;
    QVariant exportAttributes;
    QVariant denied;
    QVariant kioskHost;
    QVariant trailObjects[2];
    qint64 cachedDay = -1;
    QString cachedPrefix;
};

DemoHistory::DemoHistory(QmsAudit::IAuditTrailPlugin &plugin, QVariantMap trailConfig, DocumentStore &store, UserDirectory &users,
                         Options options, QObject *parent)
    : QObject(parent)
    , m_plugin(plugin)
    , m_config(std::move(trailConfig))
    , m_store(store)
    , m_users(users)
    , m_options(options)
{
}

DemoHistory::~DemoHistory() = default;

void DemoHistory::onRecordFailed(const QString &message)
{
    if (m_asyncError.isEmpty())
        m_asyncError = message;
}

bool DemoHistory::run(const std::function<void(qint64, qint64)> &progress, QString *error)
{
    if (m_options.months < 1 || m_options.months > 120 || m_options.eventsPerMonth < 0 || m_options.stampMinutes < 5
        || m_options.stampMinutes > 60) {
        *error = u"A demonstration history spans 1 to 120 months, stamped in steps of 5 to 60 minutes."_s;
        return false;
    }
    if (!m_store.isEmpty()) {
        *error = u"%1 already holds documents; a demonstration history fills a new register beside a new log."_s.arg(m_store.path());
        return false;
    }
    d = std::make_unique<Simulation>(m_options.seed);
    m_recorded = 0;
    m_planted.clear();
    m_asyncError.clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    d->startUs = wholeSecond(now.addMonths(-m_options.months).toMSecsSinceEpoch() * 1000);
    // A little before now: the trail refuses simulated times in the future.
    d->endUs = wholeSecond(now.toMSecsSinceEpoch() * 1000 - 10 * kMinute);
    d->clockUs = d->startUs;
    d->clockText = isoTime(d->clockUs, d->cachedDay, d->cachedPrefix);
    d->windowUs = m_options.stampMinutes * kMinute;
    const QVariantMap host = m_config.value(kHost).toMap();
    d->hostApp = host.value(u"app"_s).toString();
    d->hostVersion = host.value(u"version"_s).toString();

    createPeople();
    createCalendar();
    createDocuments();
    createBudgets();
    scheduleAnomalies();
    d->total = plannedTotal();
    for (const Person &p : std::as_const(d->people))
        m_users.add(p.id, p.name, p.roles, UserDirectory::DemoPassword);

    QVariantMap config = m_config;
    config.insert(u"simulated_clock_start"_s, QDateTime::fromMSecsSinceEpoch(d->startUs / 1000, Qt::UTC).toString(Qt::ISODate));
    config.insert(u"create_if_missing"_s, true);
    // Buffered with a deep queue: the trail commits once per stamp window (a flush) anyway.
    config.insert(u"durability"_s, u"buffered"_s);
    config.insert(u"back_pressure"_s, u"block"_s);
    config.insert(u"queue_capacity"_s, 200'000);
    config.insert(u"max_batch"_s, 20'000);
    config.insert(u"block_timeout_ms"_s, 600'000);
    config.insert(u"flush_interval_ms"_s, 1'000);

    // Failures of buffered events arrive as the notifier's signal, which drainSignals() delivers.
    QObject *notifier = m_plugin.notifier();
    if (notifier)
        connect(notifier, SIGNAL(recordFailed(QString)), this, SLOT(onRecordFailed(QString)), Qt::DirectConnection);
    QString message;
    if (!m_plugin.open(config, &message)) {
        if (notifier)
            disconnect(notifier, nullptr, this, nullptr);
        *error = u"Cannot open a new audit log for the demonstration history: %1"_s.arg(message);
        return false;
    }
    bool ok = true;
    if (progress)
        progress(0, d->total);
    for (int day = 0; ok && day < d->days.size(); ++day) {
        planDay(day);
        ok = recordDay(progress, error);
    }
    if (ok && !m_plugin.flush(600'000)) {
        *error = u"The audit trail did not finish writing the demonstration history within 10 minutes."_s;
        ok = false;
    }
    ok = ok && drainSignals(error);
    if (ok && !m_plugin.isAvailable()) {
        *error = u"The audit trail became unavailable while recording the demonstration history."_s;
        ok = false;
    }
    ok = ok && finishRegister(error);
    m_plugin.close();
    if (ok && !drainSignals(error))
        ok = false;
    if (notifier)
        disconnect(notifier, nullptr, this, nullptr);
    if (!ok) {
        *error += u" The log %1 and the register do not match now: remove the data folder to start again."_s.arg(
            m_config.value(u"log_path"_s).toString());
        return false;
    }
    if (progress)
        progress(m_recorded, m_recorded);
    return true;
}

void DemoHistory::createPeople()
{
    const struct {
        const char16_t *id;
        const char16_t *name;
        unsigned roles;
    } people[] = {
        {u"u-anna", u"Anna Berger", Author},           {u"u-tobias", u"Tobias Klein", Author},
        {u"u-sarah", u"Sarah Meier", Author},          {u"u-lukas", u"Lukas Brunner", Author},
        {u"u-elena", u"Elena Rossi", Author},          {u"u-david", u"David Fischer", Author},
        {u"u-laura", u"Laura Schmid", Author},         {u"u-jonas", u"Jonas Weber", Author},
        {u"u-nina", u"Nina Keller", Author},           {u"u-marco", u"Marco Bianchi", Author},
        {u"u-katharina", u"Katharina Vogel", Author},  {u"u-daniel", u"Daniel Huber", Author},
        {u"u-sophie", u"Sophie Lang", Author},         {u"u-felix", u"Felix Baumann", Author},
        {u"u-stefan", u"Stefan Hoffmann", Author | Approver},
        {u"u-julia", u"Julia Wolf", Reviewer},         {u"u-kevin", u"Kevin Schulz", Reviewer},
        {u"u-miriam", u"Miriam Frei", Reviewer},       {u"u-patrick", u"Patrick Roth", Reviewer},
        {u"u-claudia", u"Claudia Steiner", Reviewer},  {u"u-simon", u"Simon Graf", Reviewer},
        {u"u-lea", u"Lea Zimmermann", Reviewer},       {u"u-martin", u"Martin Koch", Reviewer},
        {u"u-olivia", u"Olivia Brown", Reviewer},      {u"u-aylin", u"Aylin Demir", Reviewer},
        {u"u-thomas", u"Thomas Müller", Approver},     {u"u-sabine", u"Sabine Wagner", Approver},
        {u"u-christian", u"Christian Bauer", Approver}, {u"u-eva", u"Eva Lehmann", Approver},
        {u"u-michael", u"Michael Schneider", Approver}, {u"u-andrea", u"Andrea Moser", Approver},
        {u"u-ingrid", u"Ingrid Nilsson", Auditor},     {u"u-rafael", u"Rafael Santos", Auditor},
        {u"u-hannah", u"Hannah Becker", Auditor},      {u"u-markus", u"Markus Frank", Manager},
        {u"u-petra", u"Petra Schwarz", Manager},       {u"u-robert", u"Robert Kaiser", Manager},
        {u"u-monika", u"Monika Hartmann", Manager},    {u"u-peter", u"Peter Brandt", Admin},
        {u"u-sven", u"Sven Lindqvist", Admin},
    };
    const struct {
        Role role;
        const char16_t *name;
        const char16_t *workstation;
        double activity;
    } roleInfo[] = {{Author, u"author", u"WS-DOC", 1.3},    {Reviewer, u"reviewer", u"WS-QA", 1.0},
                    {Approver, u"approver", u"WS-QA", 0.9}, {Auditor, u"auditor", u"WS-AUD", 0.8},
                    {Manager, u"manager", u"WS-MGT", 0.6},  {Admin, u"admin", u"WS-IT", 0.5}};
    QHash<QString, int> stations;
    for (const auto &entry : people) {
        Person p;
        p.id = QString::fromUtf16(entry.id);
        p.name = QString::fromUtf16(entry.name);
        p.roleBits = entry.roles;
        QString station;
        for (const auto &info : roleInfo) {
            if (!(entry.roles & info.role))
                continue;
            p.roles.append(QString::fromUtf16(info.name));
            if (station.isEmpty()) {
                station = QString::fromUtf16(info.workstation);
                p.activity = info.activity * (0.75 + 0.5 * uniform(d->random));
            }
        }
        const int number = ++stations[station];
        p.actor = QVariantMap{{u"id"_s, p.id}, {u"name"_s, p.name}, {u"roles"_s, p.roles}};
        p.host = QVariantMap{{u"app"_s, d->hostApp}, {u"version"_s, d->hostVersion},
                             {u"workstation"_s, u"%1-%2"_s.arg(station).arg(number, 2, 10, QLatin1Char('0'))}};
        const int index = int(d->people.size());
        // Approvals and review signatures come from people who write no documents: the second person.
        if (p.roleBits & Author)
            d->authors.append(index);
        if (p.roleBits == Reviewer)
            d->reviewers.append(index);
        if (p.roleBits == Approver)
            d->approvers.append(index);
        if (p.roleBits == Approver || p.roleBits == Admin)
            d->releasers.append(index);
        if (p.roleBits == Approver || p.roleBits == Reviewer)
            d->rejecters.append(index);
        if (p.roleBits & (Author | Manager))
            d->weekenders.append(index);
        d->people.append(p);
    }
    const qsizetype n = d->people.size();
    d->userSessions.resize(n);
    d->touched.resize(n);
    d->daySets.resize(n);
    d->forced.resize(n);
    d->morningOnly.resize(n);

    for (int k = 0; k < KindCount; ++k)
        d->actions[k] = QString::fromUtf16(kActionNames[k]);
    d->searchObject = QVariantMap{{u"type"_s, u"search"_s}, {u"id"_s, u"documents"_s}, {u"title"_s, u"Document register"_s}};
    for (const QString &word : {u"calibration"_s, u"cleaning"_s, u"deviation"_s, u"torque"_s, u"autoclave"_s, u"training"_s,
                                u"supplier"_s, u"HPLC"_s, u"balance"_s, u"CAPA"_s, u"change control"_s, u"gowning"_s, u"label"_s,
                                u"recall"_s, u"stability"_s, u"OOS"_s, u"water system"_s, u"pest control"_s})
        d->searchAttributes.append(QVariantMap{{u"query"_s, word}});
    d->exportAttributes = QVariantMap{{u"format"_s, u"json"_s}};
    d->denied = u"denied"_s;
    d->kioskHost = QVariantMap{{u"app"_s, d->hostApp}, {u"version"_s, d->hostVersion}, {u"workstation"_s, u"KIOSK-LOBBY"_s}};
    // As the application names the trail's own views when it refuses them.
    d->trailObjects[0] = QVariantMap{{u"type"_s, u"audit_trail"_s}, {u"id"_s, u"audit_views"_s}, {u"title"_s, u"the auditor views"_s}};
    d->trailObjects[1] = QVariantMap{{u"type"_s, u"audit_trail"_s}, {u"id"_s, u"dashboard"_s},
                                     {u"title"_s, u"the management-review dashboard"_s}};
}

void DemoHistory::createCalendar()
{
    const QDate first = QDateTime::fromMSecsSinceEpoch(d->startUs / 1000, Qt::UTC).date().addDays(1);
    const QDate last = QDateTime::fromMSecsSinceEpoch(d->endUs / 1000, Qt::UTC).date();
    for (QDate date = first; date <= last; date = date.addDays(1)) {
        DayInfo info;
        info.date = date;
        info.startUs = QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1000;
        info.workday = date.dayOfWeek() <= 5;
        info.holiday = (date.month() == 12 && date.day() >= 24) || (date.month() == 1 && date.day() == 1);
        d->days.append(info);
    }
}

void DemoHistory::createDocuments()
{
    auto &random = d->random;
    QList<int> workdays;
    for (int i = 0; i < d->days.size(); ++i) {
        if (d->days[i].workday && !d->days[i].holiday)
            workdays.append(i);
    }
    if (workdays.isEmpty())
        workdays.append(0);
    // The paper register moves in during the first weeks; new documents come all year.
    const int takeover = std::clamp(int(workdays.size() / 20), 2, 12);
    const int total = kInitialDocuments + kNewDocumentsPerMonth * m_options.months;
    const double shares[] = {0.35, 0.30, 0.225, 0.125};
    QList<int> kinds;
    for (int k = 0; k < 4; ++k) {
        const int count = k < 3 ? int(std::lround(total * shares[k])) : total - int(kinds.size());
        kinds.append(QList<int>(count, k));
    }
    std::shuffle(kinds.begin(), kinds.end(), random);
    QList<QStringList> titles;
    QList<int> nextTitle(4, 0);
    for (int k = 0; k < 4; ++k)
        titles.append(titlesFor(k, int(std::count(kinds.cbegin(), kinds.cend(), k)), random));
    QList<double> ownerWeights;
    double ownerTotal = 0;
    for (int a : std::as_const(d->authors)) {
        ownerTotal += d->people[a].roleBits & Approver ? 0.4 : 0.6 + uniform(random);
        ownerWeights.append(ownerTotal);
    }
    const int lastNew = std::max(takeover + 1, int(workdays.size()) - 3);
    const int firstNew = std::min(takeover + 5, lastNew);
    for (int i = 0; i < total; ++i) {
        Doc doc;
        doc.kind = kinds[i];
        doc.title = titles[doc.kind][nextTitle[doc.kind]++];
        doc.fromPaper = doc.quick = i < kInitialDocuments;
        const int slot = doc.fromPaper ? below(random, takeover) : between(random, firstNew, lastNew);
        doc.createDay = workdays[std::min(slot, int(workdays.size()) - 1)];
        doc.nextDay = doc.createDay;
        const double pick = uniform(random) * ownerTotal;
        doc.owner = d->authors[int(std::lower_bound(ownerWeights.cbegin(), ownerWeights.cend(), pick) - ownerWeights.cbegin())];
        for (int v = 0; v < 3; ++v)
            doc.values[v] = below(random, int(docKinds()[doc.kind].values[v].size()));
        d->docs.append(doc);
    }
    // Numbers in the order the documents enter the register; a few are read far more than the rest.
    std::stable_sort(d->docs.begin(), d->docs.end(), [](const Doc &a, const Doc &b) { return a.createDay < b.createDay; });
    QList<int> numbers(4, 0);
    QList<int> ranks(total);
    std::iota(ranks.begin(), ranks.end(), 0);
    std::shuffle(ranks.begin(), ranks.end(), random);
    const double kindFactor[] = {1.5, 1.0, 0.8, 0.5};
    for (int i = 0; i < total; ++i) {
        Doc &doc = d->docs[i];
        doc.id = u"%1-%2"_s.arg(docKinds()[doc.kind].prefix).arg(++numbers[doc.kind], 4, 10, QLatin1Char('0'));
        doc.popularity = kindFactor[doc.kind] / std::pow(double(ranks[i] + 8), 0.9);
    }
    d->firstOrdinaryDay = workdays[std::min(takeover, int(workdays.size()) - 1)];
}

void DemoHistory::createBudgets()
{
    auto &random = d->random;
    // The day budgets: weekdays share the events; the first days are quiet while the register fills.
    auto &days = d->days;
    QList<int> bornBy(days.size() + 1, 0);
    for (const Doc &doc : std::as_const(d->docs))
        ++bornBy[doc.createDay + 1];
    for (int i = 1; i < bornBy.size(); ++i)
        bornBy[i] += bornBy[i - 1];
    const double perWeekday = m_options.eventsPerMonth * 12.0 / (365.25 * 5.0 / 7.0);
    const double weekdayFactor[] = {1.0, 1.06, 1.04, 1.0, 1.0, 0.9}; // [1] Monday … [5] Friday
    for (int i = 0; i < days.size(); ++i) {
        DayInfo &info = days[i];
        if (!info.workday) {
            // Now and then someone catches up on a Saturday or Sunday morning.
            if (!info.holiday && uniform(random) < 0.2 && !d->weekenders.isEmpty()) {
                info.weekendUser = d->weekenders[below(random, int(d->weekenders.size()))];
                info.weekendEvents = between(random, 20, 45);
                info.budget = info.weekendEvents + 2;
            }
            continue;
        }
        const double existing = std::clamp(double(bornBy[i]) / 150.0, 0.05, 1.0);
        double budget = perWeekday * weekdayFactor[info.date.dayOfWeek()] * (0.9 + 0.2 * uniform(random)) * existing;
        if (info.holiday)
            budget *= 0.25;
        // Today ends now: only the part of the working day that has passed.
        const qint64 workStart = info.startUs + 8 * kHour;
        if (d->endUs < workStart + 10 * kHour)
            budget *= std::clamp(double(d->endUs - workStart) / double(10 * kHour), 0.0, 1.0);
        info.budget = std::llround(budget);
        info.overtime = !info.holiday && uniform(random) < 0.08;
    }
    // Holidays and the quiet first days would fall short of what was asked: the other weekdays make it up.
    qint64 weekdays = 0;
    qint64 weekends = 0;
    for (const DayInfo &info : std::as_const(days))
        (info.workday ? weekdays : weekends) += info.budget;
    const double wanted = m_options.eventsPerMonth * m_options.months - double(weekends);
    if (weekdays > 0 && wanted > 0) {
        const double factor = wanted / double(weekdays);
        for (DayInfo &info : days) {
            if (info.workday)
                info.budget = std::llround(double(info.budget) * factor);
        }
    }
}

void DemoHistory::scheduleAnomalies()
{
    // In the last weeks, on complete weekdays after the register moved in: a month's demo has them all.
    const int count = int(d->days.size());
    const int low = std::max({count - 30, int(count * 0.55), d->firstOrdinaryDay + 5});
    QList<int> candidates;
    for (int i = low; i <= count - 2; ++i) {
        if (d->days[i].workday && !d->days[i].holiday)
            candidates.append(i);
    }
    if (candidates.isEmpty())
        return;
    const int order[PlantedCount] = {FailedLogins, NightExport, SelfApproval, MassViewing, ReleasedEdit, DeniedExports};
    for (int k = 0; k < PlantedCount; ++k)
        d->planted.append({order[k], candidates[int(k * (candidates.size() - 1) / (PlantedCount - 1))]});
}

qint64 DemoHistory::plannedTotal() const
{
    qint64 total = 0;
    for (const DayInfo &info : std::as_const(d->days))
        total += info.budget;
    return total;
}

int DemoHistory::addSession(int user, qint64 start, qint64 end, unsigned flags)
{
    auto &random = d->random;
    // A version-4 UUID like the application's (QUuid), from the history's own generator.
    const quint64 high = random();
    const quint64 low = random();
    const QString hex = u"%1%2"_s.arg(high, 16, 16, QLatin1Char('0')).arg(low, 16, 16, QLatin1Char('0'));
    const QString id = hex.mid(0, 8) + QLatin1Char('-') + hex.mid(8, 4) + u"-4"_s + hex.mid(13, 3) + QLatin1Char('-')
                       + QChar(u"89ab"[low % 4]) + hex.mid(17, 3) + QLatin1Char('-') + hex.mid(20, 12);
    const int index = int(d->sessions.size());
    d->sessions.append({user, start, end, flags, id});
    if (flags & Regular)
        d->userSessions[user].append(index);
    if (flags & Logged) {
        // Now and then the first attempt is a mistyped password, under a session id of its own.
        if ((flags & Regular) && uniform(random) < 0.02)
            push(start - between(random, 15, 40) * kSecond, LoginFailed, user, -1, addSession(user, start, start, 0));
        push(start, Login, user, -1, index);
        push(end, Logout, user, -1, index);
    }
    return index;
}

void DemoHistory::push(qint64 t, int kind, int user, int doc, int session, int detail)
{
    d->planned.append({wholeSecond(t), d->order++, kind, user, doc, session, detail, false});
}

qint64 DemoHistory::findSlot(int user, qint64 after, int *session)
{
    for (int s : std::as_const(d->userSessions[user])) {
        const Session &candidate = d->sessions[s];
        const qint64 low = std::max(candidate.start + 2 * kMinute, after);
        const qint64 high = candidate.end - 4 * kMinute;
        if (low > high)
            continue;
        *session = s;
        return wholeSecond(low + qint64(uniform(d->random) * double(std::min(high - low, 90 * kMinute))));
    }
    return -1;
}

void DemoHistory::planDay(int day)
{
    d->day = day;
    d->sessions.clear();
    d->planned.clear();
    d->order = 0;
    for (qsizetype u = 0; u < d->people.size(); ++u) {
        d->userSessions[u].clear();
        d->touched[u].clear();
        d->daySets[u].clear();
        d->forced[u] = false;
        d->morningOnly[u] = false;
    }
    // What people may open today: the documents that exist since an earlier day.
    d->existing.clear();
    d->existingWeights.clear();
    double cumulative = 0;
    for (int i = 0; i < d->docs.size(); ++i) {
        const Doc &doc = d->docs[i];
        if (doc.bornDay >= day)
            continue;
        const double factor = doc.stage == Stage::Released ? 1.0 : doc.stage == Stage::Obsolete ? 0.04 : 0.35;
        cumulative += doc.popularity * factor;
        d->existing.append(i);
        d->existingWeights.append(cumulative);
    }
    for (const PlantedPlan &plan : std::as_const(d->planted)) {
        if (plan.day != day)
            continue;
        static const char16_t *const actors[PlantedCount] = {nullptr, u"u-tobias", u"u-stefan", u"u-julia", u"u-peter", u"u-kevin"};
        for (int u = 0; u < d->people.size(); ++u) {
            if (actors[plan.what] && d->people[u].id == QStringView(actors[plan.what])) {
                d->forced[u] = true;
                d->morningOnly[u] = plan.what == MassViewing; // her burst is a session of its own
            }
        }
    }
    planSessions(day);
    if (d->days[day].workday) {
        for (int i = 0; i < d->docs.size(); ++i) {
            if (d->docs[i].nextDay <= day)
                planDocument(i, day);
        }
    }
    planAnomalies(day);
    planAccess(day);
    std::sort(d->planned.begin(), d->planned.end(),
              [](const Planned &a, const Planned &b) { return a.t != b.t ? a.t < b.t : a.order < b.order; });
}

void DemoHistory::planSessions(int day)
{
    auto &random = d->random;
    const DayInfo &info = d->days[day];
    const auto at = [&](int hour, int minute, int second = 0) { return info.startUs + hour * kHour + minute * kMinute + second * kSecond; };
    if (!info.workday) {
        if (info.weekendUser >= 0) {
            const qint64 start = at(9, 30) + between(random, 0, 3600) * kSecond;
            addSession(info.weekendUser, start, start + between(random, 60, 120) * kMinute, Fill | Logged);
        }
        return;
    }
    const double presence = info.holiday ? 0.25 : 0.9;
    QList<int> present;
    for (int u = 0; u < d->people.size(); ++u) {
        if (!d->forced[u] && uniform(random) >= presence)
            continue;
        present.append(u);
        // From 08:02 at the earliest: a login at 07:59 would stamp the next minutes outside working hours.
        const qint64 morningStart = at(8, 2) + between(random, 0, 70 * 60) * kSecond;
        const qint64 morningEnd = at(11, 40) + between(random, 0, 45 * 60) * kSecond;
        const qint64 afternoonStart = std::max(morningEnd + 25 * kMinute, at(12, 35) + between(random, 0, 55 * 60) * kSecond);
        const qint64 afternoonEnd = at(16, 0) + between(random, 0, 115 * 60) * kSecond;
        const double shape = d->morningOnly[u] ? 0.0 : uniform(random);
        if (shape < 0.08) { // part time, mornings
            addSession(u, morningStart, morningEnd, Regular | Fill | Logged);
        } else if (shape < 0.14) { // part time, afternoons
            addSession(u, afternoonStart, afternoonEnd, Regular | Fill | Logged);
        } else if (shape < 0.35) { // a meeting splits the afternoon
            addSession(u, morningStart, morningEnd, Regular | Fill | Logged);
            const qint64 middle = afternoonStart + (afternoonEnd - afternoonStart) / 2;
            addSession(u, afternoonStart, middle - between(random, 10, 20) * kMinute, Regular | Fill | Logged);
            addSession(u, middle + between(random, 10, 30) * kMinute, afternoonEnd, Regular | Fill | Logged);
        } else {
            addSession(u, morningStart, morningEnd, Regular | Fill | Logged);
            addSession(u, afternoonStart, afternoonEnd, Regular | Fill | Logged);
        }
    }
    if (info.overtime && !present.isEmpty()) {
        // Someone stays late: the ordinary after-hours flag of a real site.
        const int u = present[below(random, int(present.size()))];
        if (!d->forced[u]) {
            const qint64 start = at(18, 3) + between(random, 0, 600) * kSecond;
            addSession(u, start, start + between(random, 25, 50) * kMinute, Fill | Logged);
        }
    }
}

void DemoHistory::planDocument(int index, int day)
{
    auto &random = d->random;
    Doc &doc = d->docs[index];
    const auto someAuthor = [&] { return d->authors[below(random, int(d->authors.size()))]; };
    for (int steps = 0; steps < 8 && doc.nextDay <= day; ++steps) {
        int kind = -1;
        QList<int> candidates;
        switch (doc.stage) {
        case Stage::Unborn:
            kind = Create;
            candidates = {doc.owner};
            break;
        case Stage::Draft:
            kind = doc.editsLeft > 0 ? Edit : Submit;
            candidates = {doc.owner};
            if (kind == Edit && uniform(random) < 0.15)
                candidates.prepend(someAuthor()); // a colleague helps with the text
            break;
        case Stage::InReview:
            if (!doc.reviewed && uniform(random) < 0.7) {
                kind = SignReviewed;
                candidates = d->reviewers;
            } else if (doc.rejections < 2 && uniform(random) < 0.13) {
                kind = Reject;
                candidates = d->rejecters;
            } else {
                kind = Approve;
                candidates = d->approvers;
            }
            break;
        case Stage::Approved:
            kind = Release;
            candidates = d->releasers;
            break;
        case Stage::Released:
            if (doc.fate == Fate::Obsolete) {
                kind = Obsolete;
                candidates = d->releasers;
            } else {
                kind = Revise;
                candidates = {doc.owner};
                if (uniform(random) < 0.2)
                    candidates.prepend(someAuthor());
            }
            break;
        case Stage::Obsolete:
            return;
        }
        if (candidates.size() > 2) // whoever of the role has time, not always the same person first
            std::rotate(candidates.begin(), candidates.begin() + below(random, int(candidates.size())), candidates.end());
        const qint64 after = doc.lastDay == day ? doc.lastT + between(random, 3, 25) * kMinute : 0;
        int session = -1;
        int actor = -1;
        qint64 t = -1;
        for (int candidate : std::as_const(candidates)) {
            t = findSlot(candidate, after, &session);
            if (t >= 0) {
                actor = candidate;
                break;
            }
        }
        if (t < 0) { // nobody at work who could: tomorrow
            doc.nextDay = day + 1;
            return;
        }
        if (kind == Approve) {
            push(t, SignApproved, actor, index, session); // the signature first, as the application records it
            t += between(random, 30, 90) * kSecond;
        }
        push(t, kind, actor, index, session);
        if (doc.bornDay < day)
            d->touched[actor].append(index);
        doc.lastDay = day;
        doc.lastT = t;
        const bool quick = doc.quick;
        int delay = 0;
        switch (kind) {
        case Create:
            doc.stage = Stage::Draft;
            doc.bornDay = day;
            doc.editsLeft = quick ? below(random, 2) : between(random, 1, 4);
            delay = quick ? below(random, 2) : between(random, 0, 2);
            break;
        case Edit:
            --doc.editsLeft;
            delay = uniform(random) < 0.35 ? 0 : quick ? below(random, 2) : between(random, 1, 3);
            break;
        case Submit:
            doc.stage = Stage::InReview;
            doc.reviewed = false;
            delay = quick ? between(random, 0, 2) : between(random, 1, 4);
            break;
        case SignReviewed:
            doc.reviewed = true;
            delay = between(random, 0, 2);
            break;
        case Reject:
            doc.stage = Stage::Draft;
            doc.editsLeft = between(random, 1, 2);
            ++doc.rejections;
            delay = between(random, 1, 3);
            break;
        case Approve:
            doc.stage = Stage::Approved;
            delay = quick ? below(random, 2) : between(random, 0, 3);
            break;
        case Release: {
            doc.stage = Stage::Released;
            doc.quick = false;
            const double fate = uniform(random);
            doc.fate = fate < 0.05 ? Fate::Obsolete : fate < 0.6 ? Fate::Revise : Fate::Idle;
            delay = doc.fate == Fate::Obsolete ? between(random, 30, 250) : doc.fate == Fate::Revise ? between(random, 60, 420) : kNever;
            break;
        }
        case Revise:
            doc.stage = Stage::Draft;
            doc.owner = actor; // the application makes the reviser the owner
            doc.editsLeft = between(random, 1, 3);
            doc.reviewed = false;
            doc.rejections = 0;
            delay = below(random, 2);
            break;
        case Obsolete:
            doc.stage = Stage::Obsolete;
            delay = kNever;
            break;
        }
        doc.nextDay = delay == kNever ? kNever : day + delay;
    }
}

void DemoHistory::planAnomalies(int day)
{
    auto &random = d->random;
    const DayInfo &info = d->days[day];
    const auto at = [&](int hour, int minute) { return info.startUs + hour * kHour + minute * kMinute; };
    const auto person = [&](const char16_t *id) {
        for (int u = 0; u < d->people.size(); ++u) {
            if (d->people[u].id == QStringView(id))
                return u;
        }
        return 0;
    };
    const auto who = [&](int u) { return u"%1 (%2)"_s.arg(d->people[u].name, d->people[u].id); };
    // Distinct documents that exist, the released ones first, as someone collecting them would.
    const auto collect = [&](int count) {
        QList<int> released, others;
        for (int i : std::as_const(d->existing))
            (d->docs[i].stage == Stage::Released ? released : others).append(i);
        std::shuffle(released.begin(), released.end(), random);
        std::shuffle(others.begin(), others.end(), random);
        released += others;
        return released.mid(0, count);
    };
    // A released document nobody is working on, of the preferred kinds if there is one.
    const auto idleReleased = [&](std::initializer_list<int> kinds, int notOwnedBy) {
        int fallback = -1;
        for (int i : std::as_const(d->existing)) {
            const Doc &doc = d->docs[i];
            if (doc.stage != Stage::Released || doc.nextDay <= day + 10 || doc.lastDay >= day || doc.owner == notOwnedBy
                || d->userSessions[doc.owner].isEmpty())
                continue;
            if (std::find(kinds.begin(), kinds.end(), doc.kind) != kinds.end())
                return i;
            if (fallback < 0)
                fallback = i;
        }
        return fallback;
    };

    for (PlantedPlan &plan : d->planted) {
        if (plan.day != day)
            continue;
        const qsizetype first = d->planned.size();
        bool placed = true;
        switch (plan.what) {
        case FailedLogins: {
            const int u = person(u"u-martin");
            const qint64 t0 = at(19, 42) + between(random, 0, 240) * kSecond;
            for (int k = 0; k < 9; ++k) {
                const qint64 t = t0 + k * (22 * kSecond);
                push(t, LoginFailed, u, -1, addSession(u, t, t, 0), 1);
            }
            m_planted.append(u"%1-%2 UTC: 9 failed logins to the account of %3 within 3 minutes, from KIOSK-LOBBY, in the evening "
                             "(denied_burst)"_s.arg(minuteText(t0), clockText(t0 + 8 * (22 * kSecond)), who(u)));
            break;
        }
        case NightExport: {
            const int u = person(u"u-tobias");
            const QList<int> docs = collect(80);
            const qint64 start = at(2, 4) + between(random, 0, 50) * kSecond;
            const qint64 first = at(2, 6);
            const qint64 last = first + (docs.size() - 1) * 30 * kSecond;
            const int s = addSession(u, start, last + 4 * kMinute, Logged);
            for (int k = 0; k < docs.size(); ++k)
                push(first + k * (30 * kSecond) + between(random, 0, 9) * kSecond, Export, u, docs[k], s);
            m_planted.append(u"%1-%2 UTC: %3 logged in at night and exported %4 documents (after_hours, bulk_access)"_s.arg(
                minuteText(first), clockText(last), who(u)).arg(docs.size()));
            break;
        }
        case SelfApproval: {
            // The application stops an owner approving their own document, not a co-author: here
            // Stefan edits a colleague's revision and then approves and signs it himself.
            const int stefan = person(u"u-stefan");
            const int index = idleReleased({0}, stefan);
            if (index < 0) {
                placed = false;
                break;
            }
            Doc &doc = d->docs[index];
            const int owner = doc.owner;
            const struct {
                int kind;
                int user;
            } script[] = {{Revise, owner}, {Edit, owner}, {Edit, stefan}, {Submit, owner}, {SignApproved, stefan}, {Approve, stefan}};
            QList<Planned> steps;
            qint64 t = 0;
            for (const auto &step : script) {
                int session = -1;
                t = step.kind == Approve ? t + between(random, 30, 90) * kSecond
                                         : findSlot(step.user, t == 0 ? 0 : t + between(random, 5, 30) * kMinute, &session);
                if (t < 0)
                    break;
                steps.append({t, 0, step.kind, step.user, index, step.kind == Approve ? steps.last().session : session, 0, false});
            }
            if (t < 0) {
                placed = false;
                break;
            }
            for (const Planned &step : std::as_const(steps))
                push(step.t, step.kind, step.user, step.doc, step.session);
            doc.stage = Stage::Approved; // released tomorrow by someone else, as usual
            doc.nextDay = day + 1;
            doc.lastDay = day;
            doc.lastT = t;
            doc.fate = Fate::Idle;
            m_planted.append(u"%1 UTC: %2 edited %3 \"%4\" (a revision by %5) and then approved and signed it himself "
                             "(self_approval)"_s.arg(minuteText(steps.last().t), who(stefan), doc.id, doc.title, who(owner)));
            break;
        }
        case MassViewing: {
            const int u = person(u"u-julia");
            const QList<int> docs = collect(140);
            const qint64 first = at(15, 6) + between(random, 0, 60) * kSecond;
            const qint64 last = first + (docs.size() - 1) * 19 * kSecond;
            const int s = addSession(u, first - 2 * kMinute, last + 2 * kMinute, Logged);
            for (int k = 0; k < docs.size(); ++k)
                push(first + k * (19 * kSecond), View, u, docs[k], s);
            m_planted.append(u"%1-%2 UTC: %3 opened %4 different documents within the hour, several times her usual "
                             "(bulk_access)"_s.arg(minuteText(first), clockText(last), who(u)).arg(docs.size()));
            break;
        }
        case ReleasedEdit: {
            const int peter = person(u"u-peter");
            const int index = idleReleased({1, 3}, -1);
            int session = -1;
            const qint64 t = index < 0 ? -1 : findSlot(peter, 0, &session);
            if (t < 0) {
                placed = false;
                break;
            }
            Doc &doc = d->docs[index];
            push(t, Edit, peter, index, session, kPlantedEdit + 1);
            doc.lastDay = day;
            doc.lastT = t;
            m_planted.append(u"%1 UTC: %2 changed the %3 of the released %4 \"%5\" without a new revision (released_edit)"_s.arg(
                minuteText(t), who(peter), docKinds()[doc.kind].labels[1].toLower(), doc.id, doc.title));
            break;
        }
        case DeniedExports: {
            const int u = person(u"u-kevin");
            const QList<int> docs = collect(7);
            int session = -1;
            const qint64 t0 = findSlot(u, 0, &session);
            if (t0 < 0 || docs.size() < 7) {
                placed = false;
                break;
            }
            for (int k = 0; k < docs.size(); ++k)
                push(t0 + k * (30 * kSecond), Denied, u, docs[k], session, ExportDenied);
            m_planted.append(u"%1-%2 UTC: %3, a reviewer, tried to export %4 documents within 3 minutes and was refused each time "
                             "(denied_burst)"_s.arg(minuteText(t0), clockText(t0 + 6 * (30 * kSecond)), who(u)).arg(docs.size()));
            break;
        }
        }
        for (qsizetype i = first; i < d->planned.size(); ++i)
            d->planned[i].exact = true;
        if (!placed) { // the next weekday that is not the last, if there is one
            int next = day + 1;
            while (next < d->days.size() - 1 && !d->days[next].workday)
                ++next;
            plan.day = next < d->days.size() - 1 ? next : -1;
        }
    }
}

void DemoHistory::planAccess(int day)
{
    auto &random = d->random;
    const qint64 fill = std::max<qint64>(0, d->days[day].budget - d->planned.size());
    double weightTotal = 0;
    QList<double> weights(d->sessions.size(), 0.0);
    for (int s = 0; s < d->sessions.size(); ++s) {
        const Session &session = d->sessions[s];
        if (session.flags & Fill) {
            weights[s] = double(session.end - session.start) / double(kMinute) * d->people[session.user].activity;
            weightTotal += weights[s];
        }
    }
    if (weightTotal <= 0 || fill == 0)
        return;
    QList<qint64> counts(d->sessions.size(), 0);
    qint64 assigned = 0;
    for (int s = 0; s < d->sessions.size(); ++s) {
        counts[s] = qint64(double(fill) * weights[s] / weightTotal);
        assigned += counts[s];
    }
    while (assigned < fill) { // the remainder to sessions drawn by weight
        double pick = uniform(random) * weightTotal;
        int s = 0;
        while (s < d->sessions.size() - 1 && (weights[s] <= 0 || pick >= weights[s])) {
            pick -= weights[s];
            ++s;
        }
        if (weights[s] > 0) {
            ++counts[s];
            ++assigned;
        }
    }

    const auto daySet = [&](int u) -> const QList<int> & {
        QList<int> &set = d->daySets[u];
        if (!set.isEmpty() || d->existing.isEmpty())
            return set;
        const unsigned roles = d->people[u].roleBits;
        for (int i : std::as_const(d->touched[u])) {
            if (set.size() < 5 && !set.contains(i))
                set.append(i);
        }
        // What their role brings to their desk: documents in review, their own drafts.
        for (int tries = 0; tries < 30 && set.size() < 7; ++tries) {
            const int i = d->existing[below(random, int(d->existing.size()))];
            const Doc &doc = d->docs[i];
            const bool toReview = (roles & Reviewer) && doc.stage == Stage::InReview;
            const bool ownDraft = (roles & Author) && doc.owner == u && doc.stage == Stage::Draft;
            if ((toReview || ownDraft) && !set.contains(i))
                set.append(i);
        }
        const int more = (roles & Auditor) ? between(random, 8, 12) : between(random, 4, 10);
        const int wanted = std::min<int>(kDaySetLimit, int(set.size()) + more);
        for (int tries = 0; tries < 60 && set.size() < wanted; ++tries) {
            const double pick = uniform(random) * d->existingWeights.last();
            const int i = d->existing[int(std::lower_bound(d->existingWeights.cbegin(), d->existingWeights.cend(), pick)
                                          - d->existingWeights.cbegin())];
            if (!set.contains(i))
                set.append(i);
        }
        return set;
    };

    for (int s = 0; s < d->sessions.size(); ++s) {
        if (counts[s] == 0)
            continue;
        const Session &session = d->sessions[s];
        const int u = session.user;
        const unsigned roles = d->people[u].roleBits;
        const bool mayExport = Workflow::allows(d->people[u].roles, u"export"_s);
        const QList<int> &set = daySet(u);
        const qint64 span = std::max<qint64>(kMinute, session.end - session.start - kMinute);
        for (qint64 k = 0; k < counts[s]; ++k) {
            const qint64 t = session.start + 30 * kSecond + qint64(uniform(random) * double(span));
            const double roll = uniform(random);
            if (set.isEmpty() || roll < 0.055) {
                push(t, Search, u, -1, s, below(random, int(d->searchAttributes.size())));
                continue;
            }
            const double skew = uniform(random);
            const int doc = set[int(double(set.size()) * skew * skew)];
            if (roll > 0.9985) { // now and then a refusal for want of a role
                if (!mayExport)
                    push(t, Denied, u, doc, s, ExportDenied);
                else if (!(roles & Author))
                    push(t, Denied, u, doc, s, EditDenied);
                else
                    push(t, Denied, u, -1, s, uniform(random) < 0.5 ? AuditViewsDenied : DashboardDenied);
                continue;
            }
            const int kind = roll < 0.09 ? Print : roll < 0.10 && mayExport ? Export : View;
            push(t, kind, u, doc, s);
        }
    }
}

bool DemoHistory::recordDay(const std::function<void(qint64, qint64)> &progress, QString *error)
{
    for (int i = 0; i < d->planned.size(); ++i) {
        if (d->planned[i].t >= d->endUs) // today ends now
            break;
        if (!recordEvent(i, error))
            return false;
        if (m_recorded % 2048 == 0) {
            if (!drainSignals(error))
                return false;
            if (progress)
                progress(m_recorded, std::max(m_recorded, d->total));
        }
    }
    return true;
}

bool DemoHistory::recordEvent(int index, QString *error)
{
    const Planned &p = d->planned[index];
    const Person &person = d->people[p.user];
    auto &random = d->detailRandom;
    // The trail's clock moves to an event's time only when that lies more than five minutes ahead,
    // committing what is queued first; every event is stamped with the clock. Asking for the clock's
    // own time within a wider window makes fewer, larger commits, which is where the time goes.
    // The register takes its times from here, so they are the log's to the microsecond.
    if (p.t > d->clockUs + (p.exact ? kClockStep : d->windowUs)) {
        d->clockUs = p.t;
        d->clockText = isoTime(d->clockUs, d->cachedDay, d->cachedPrefix);
    }
    const int year = d->days[d->day].date.year();

    QVariantMap event;
    event.insert(kAction, d->actions[p.kind]);
    event.insert(kActor, person.actor);
    event.insert(kHost, p.kind == LoginFailed && p.detail == 1 ? d->kioskHost : person.host);
    event.insert(kRecordedAt, d->clockText);
    if (p.session >= 0)
        event.insert(kSession, d->sessions[p.session].id);

    Doc *doc = p.doc >= 0 ? &d->docs[p.doc] : nullptr;
    ControlledDocument *entry = doc ? &doc->entry : nullptr;
    const auto stamped = [&] { return d->clockText.toString(); };
    const auto pick = [&](const QStringList &list) { return list[below(random, int(list.size()))]; };
    const auto numbered = [&](const QString &pattern) { return pattern.arg(year).arg(between(random, 1, 240), 3, 10, QLatin1Char('0')); };
    const auto stateChange = [&](const QString &to) {
        event.insert(kChanges, QVariantList{change(u"state"_s, entry->state, to)});
        entry->state = to;
        entry->updatedAt = stamped();
    };
    const auto sign = [&](const QString &meaning) {
        event.insert(kMeaning, meaning);
        entry->signatures.append({person.id, person.name, meaning, stamped(), entry->version});
    };

    switch (p.kind) {
    case Login:
    case Logout:
        break;
    case LoginFailed:
        event.insert(kOutcome, d->denied);
        event.insert(kReason, u"wrong password"_s);
        break;
    case View:
    case Print:
        event.insert(kObject, doc->object);
        break;
    case Export:
        event.insert(kObject, doc->object);
        event.insert(kAttributes, d->exportAttributes);
        break;
    case Search:
        event.insert(kObject, d->searchObject);
        event.insert(kAttributes, d->searchAttributes[p.detail]);
        break;
    case Denied: {
        // The application's own words for each refusal (DocumentService).
        static const QString why[] = {u"exporting needs the author, approver, auditor, manager or admin role"_s,
                                      u"editing needs the author role"_s, u"the auditor views need the auditor or manager role"_s,
                                      u"the management-review dashboard need the manager or auditor role"_s};
        event.insert(kObject, p.detail == AuditViewsDenied  ? d->trailObjects[0]
                              : p.detail == DashboardDenied ? d->trailObjects[1]
                                                            : doc->object);
        event.insert(kOutcome, d->denied);
        event.insert(kReason, why[p.detail]);
        break;
    }
    case Create: {
        const DocKind &kind = docKinds()[doc->kind];
        entry->id = doc->id;
        entry->type = kind.type;
        entry->title = doc->title;
        entry->content = contentOf(kind, doc->title, doc->values);
        entry->version = u"1"_s;
        entry->state = u"draft"_s;
        entry->owner = person.id;
        entry->updatedAt = stamped();
        doc->object = entry->auditObject();
        event.insert(kObject, doc->object);
        if (doc->fromPaper)
            event.insert(kReason, pick({u"Transfer of the paper register into QMS Desk"_s,
                                        u"Existing document taken over from the paper register"_s}));
        else
            event.insert(kReason, pick({numbered(u"New document requested in change request CR-%1-%2"_s), u"New equipment installed"_s,
                                        u"New process introduced"_s, numbered(u"Gap found in internal audit IA-%1-%2"_s)}));
        event.insert(kChanges, QVariantList{change(u"title"_s, QString(), entry->title), change(u"content"_s, QString(), entry->content)});
        break;
    }
    case Edit: {
        const DocKind &kind = docKinds()[doc->kind];
        const int field = p.detail >= kPlantedEdit ? p.detail - kPlantedEdit : below(random, 3);
        const int choices = int(kind.values[field].size());
        doc->values[field] = (doc->values[field] + 1 + below(random, choices - 1)) % choices;
        const QString before = entry->content;
        entry->content = contentOf(kind, entry->title, doc->values);
        entry->updatedAt = stamped();
        event.insert(kObject, doc->object);
        if (p.detail >= kPlantedEdit)
            event.insert(kReason, u"Obvious typo corrected directly in the released version"_s);
        else
            event.insert(kReason, pick({u"Review comments incorporated"_s, u"Clarified responsibilities after the internal audit"_s,
                                        u"Aligned with ISO 9001:2015 clause 7.5"_s, numbered(u"CAPA-%1-%2: limit corrected"_s),
                                        u"Typo corrected"_s, numbered(u"Updated after change request CR-%1-%2"_s),
                                        u"Added a missing step reported by production"_s, u"Harmonised with the Lyon site"_s}));
        event.insert(kChanges, QVariantList{change(u"content"_s, before, entry->content)});
        break;
    }
    case Submit:
        event.insert(kObject, doc->object);
        stateChange(u"in_review"_s);
        break;
    case SignReviewed:
        event.insert(kObject, doc->object);
        sign(Workflow::signatureMeaning(u"review"_s));
        break;
    case Reject:
        event.insert(kObject, doc->object);
        event.insert(kReason, pick({u"Responsibilities unclear: please name the role"_s,
                                    u"Acceptance limit contradicts the specification"_s, u"Refers to a superseded form"_s,
                                    u"Safety instructions missing"_s, u"Please add the training requirement"_s}));
        stateChange(u"draft"_s);
        break;
    case SignApproved:
        event.insert(kObject, doc->object);
        sign(Workflow::signatureMeaning(u"approve"_s));
        break;
    case Approve:
        event.insert(kObject, doc->object);
        stateChange(u"approved"_s);
        break;
    case Release:
        event.insert(kObject, doc->object);
        event.insert(kReason, pick({u"Training completed; effective from today"_s, u"Released for use after approval"_s,
                                    u"Effective date reached"_s}));
        stateChange(u"released"_s);
        break;
    case Revise: {
        event.insert(kObject, doc->object);
        event.insert(kReason, pick({u"Periodic review due"_s, numbered(u"Change request CR-%1-%2"_s), numbered(u"CAPA-%1-%2"_s),
                                    numbered(u"Finding of internal audit IA-%1-%2"_s), u"New version of the equipment"_s}));
        const QString next = QString::number(entry->version.toInt() + 1);
        event.insert(kChanges, QVariantList{change(u"state"_s, entry->state, u"draft"_s), change(u"version"_s, entry->version, next)});
        entry->history.append({entry->version, entry->title, entry->content, entry->state, entry->updatedAt});
        entry->version = next;
        entry->signatures.clear(); // the new version is signed anew
        entry->owner = person.id;
        entry->state = u"draft"_s;
        entry->updatedAt = stamped();
        doc->object = entry->auditObject();
        break;
    }
    case Obsolete: {
        event.insert(kObject, doc->object);
        QString successor;
        for (int tries = 0; tries < 20 && successor.isEmpty(); ++tries) {
            const Doc &other = d->docs[below(random, int(d->docs.size()))];
            if (other.kind == doc->kind && &other != doc && other.entry.state == u"released"_s)
                successor = other.id;
        }
        event.insert(kReason, successor.isEmpty() ? pick({u"Process discontinued"_s, u"Equipment decommissioned"_s})
                                                  : u"Superseded by %1"_s.arg(successor));
        stateChange(u"obsolete"_s);
        break;
    }
    }

    QString message;
    if (m_plugin.record(event, &message) < 0) {
        *error = u"The audit trail refused event %1 of the demonstration history (%2 by %3 at %4): %5"_s.arg(
            QString::number(m_recorded + 1), d->actions[p.kind].toString(), person.id, event.value(kRecordedAt).toString(), message);
        return false;
    }
    ++m_recorded;
    return true;
}

bool DemoHistory::drainSignals(QString *error)
{
    // The plugin queues recorded() and recordFailed() to this thread for every event: deliver
    // them now (a failure among them ends the run), instead of a million waiting for an event loop.
    QObject *notifier = m_plugin.notifier();
    if (notifier && QCoreApplication::instance() && notifier->thread() == QThread::currentThread())
        QCoreApplication::sendPostedEvents(notifier, QEvent::MetaCall);
    if (!m_asyncError.isEmpty()) {
        *error = u"The audit trail could not record the demonstration history: %1"_s.arg(m_asyncError);
        return false;
    }
    return true;
}

bool DemoHistory::finishRegister(QString *error)
{
    QList<const Doc *> documents;
    for (const Doc &doc : std::as_const(d->docs)) {
        if (!doc.entry.id.isEmpty())
            documents.append(&doc);
    }
    std::sort(documents.begin(), documents.end(),
              [](const Doc *a, const Doc *b) { return a->kind != b->kind ? a->kind < b->kind : a->id < b->id; });
    for (const Doc *doc : std::as_const(documents))
        m_store.put(doc->entry);
    return m_store.save(error) && m_users.save(error);
}
