// SPDX-License-Identifier: LGPL-2.1-or-later
#include "historygenerator.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace QmsAudit::Cli {
namespace {

constexpr qint64 kMicrosPerHour = 3'600'000'000;

struct WeightedAction {
    Action action;
    int weight; ///< per thousand events
};

// Mostly views, as in a real document system; the rest is changes, workflow and security.
constexpr WeightedAction kActionMix[] = {
    {Action::View, 620},        {Action::Print, 30},        {Action::Export, 10},    {Action::Download, 25},
    {Action::Search, 20},       {Action::Edit, 80},         {Action::Create, 10},    {Action::Revise, 12},
    {Action::Submit, 15},       {Action::Review, 20},       {Action::Approve, 12},   {Action::Reject, 4},
    {Action::Release, 6},       {Action::Sign, 14},         {Action::Obsolete, 1},   {Action::Login, 60},
    {Action::Logout, 45},       {Action::LoginFailed, 8},   {Action::AccessDenied, 8},
};

const QStringList kFirstNames = {u"Ada"_s,   u"Grace"_s, u"Alan"_s,  u"Marie"_s, u"Niels"_s, u"Emmy"_s,
                                 u"Karl"_s,  u"Lise"_s,  u"Paul"_s,  u"Rosa"_s,  u"Jonas"_s, u"Mia"_s,
                                 u"Lukas"_s, u"Sofia"_s, u"Felix"_s, u"Hanna"_s};
const QStringList kLastNames = {u"Lovelace"_s, u"Hopper"_s, u"Turing"_s, u"Curie"_s,   u"Bohr"_s,  u"Noether"_s,
                                u"Meier"_s,    u"Meitner"_s, u"Dirac"_s, u"Franklin"_s, u"Keller"_s, u"Weber"_s,
                                u"Schmid"_s,   u"Huber"_s,  u"Fischer"_s, u"Wagner"_s};
const QStringList kRoles = {u"operator"_s, u"engineer"_s, u"qa_reviewer"_s, u"qa_manager"_s, u"document_controller"_s,
                            u"production_manager"_s, u"auditor"_s};
const QStringList kSubjects = {u"Calibration"_s, u"Cleaning"_s,  u"Inspection"_s, u"Maintenance"_s, u"Validation"_s,
                               u"Qualification"_s, u"Handling"_s, u"Storage"_s,   u"Labelling"_s,   u"Sampling"_s,
                               u"Training"_s,    u"Release"_s,   u"Disposal"_s,   u"Review"_s,      u"Testing"_s};
const QStringList kObjects = {u"torque wrenches"_s, u"the filling line"_s,  u"balances"_s,       u"autoclaves"_s,
                              u"raw materials"_s,   u"the cleanroom"_s,     u"HPLC systems"_s,   u"packaging material"_s,
                              u"incoming goods"_s,  u"deviations"_s,        u"customer complaints"_s, u"suppliers"_s,
                              u"batch records"_s,   u"stability samples"_s, u"the water system"_s, u"temperature loggers"_s};
const QStringList kQualifiers = {QString(), QString(), u"in building 2"_s, u"for sterile products"_s, u"on line 3"_s,
                                 u"according to GMP"_s, u"at the Basel site"_s, u"(annual)"_s};
const std::pair<const char16_t *, const char16_t *> kDocumentTypes[] = {
    {u"procedure", u"SOP"},   {u"work_instruction", u"WI"}, {u"form", u"FRM"},   {u"specification", u"SPEC"},
    {u"calibration_record", u"CAL"}, {u"deviation", u"DEV"}, {u"capa", u"CAPA"}, {u"training_record", u"TR"},
    {u"batch_record", u"BR"}};
const QStringList kReasons = {u"Annual review"_s,          u"Typo correction"_s,         u"Update after CAPA"_s,
                              u"Align with revised standard"_s, u"Clarify responsibilities"_s, u"Correct a reference"_s,
                              u"Audit finding follow-up"_s, u"Process change request"_s};
const QStringList kFields = {u"interval_days"_s, u"owner"_s, u"scope"_s, u"review_period"_s, u"responsible_role"_s,
                             u"acceptance_criteria"_s, u"section_4_2"_s};
const QStringList kMeanings = {u"approved as author"_s, u"approved as reviewer"_s, u"approved by QA"_s,
                               u"released for production"_s};
const QStringList kSearchWords = {u"calibration"_s, u"cleaning"_s, u"deviation"_s, u"torque"_s, u"autoclave"_s,
                                  u"training"_s, u"supplier"_s};

/// Relative activity in one UTC hour: office hours on weekdays, little at night and at weekends.
double hourWeight(qint64 utcMicros)
{
    const qint64 hours = utcMicros / kMicrosPerHour;
    const int hourOfDay = int(hours % 24);
    const int weekday = int((hours / 24 + 4) % 7); // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday == 0 || weekday == 6)
        return hourOfDay >= 9 && hourOfDay < 17 ? 1.0 : 0.1;
    if (hourOfDay >= 8 && hourOfDay < 17)
        return 10.0;
    if (hourOfDay == 7 || hourOfDay == 17 || hourOfDay == 18)
        return 4.0;
    return 0.3;
}

QString padded(int number, int width)
{
    return QString::number(number).rightJustified(width, QLatin1Char('0'));
}

} // namespace

HistoryGenerator::HistoryGenerator(quint64 seed, qint64 eventCount, qint64 fromUs, qint64 toUs)
    : m_random(seed)
    , m_eventCount(eventCount)
    , m_fromUs(fromUs)
{
    const qint64 hours = std::max<qint64>(1, (toUs - fromUs) / kMicrosPerHour);
    // About one transaction per hour of history, as a busy site would commit many small batches.
    m_batchSize = std::clamp<qint64>((eventCount + hours - 1) / hours, 25, 2000);
    m_batchCount = (eventCount + m_batchSize - 1) / m_batchSize;
    m_userCount = int(std::clamp<qint64>(eventCount / 300, 20, 3000));
    double total = 0;
    m_hourWeights.reserve(size_t(hours));
    for (qint64 h = 0; h < hours; ++h) {
        total += hourWeight(fromUs + h * kMicrosPerHour);
        m_hourWeights.push_back(total);
    }
    const int documentCount = int(std::clamp<qint64>(eventCount / 200, 50, 30000));
    m_documents.reserve(size_t(documentCount));
    for (int i = 0; i < documentCount; ++i) {
        const auto &[type, prefix] = kDocumentTypes[below(int(std::size(kDocumentTypes)))];
        Document document;
        document.type = QString::fromUtf16(type);
        document.id = QString::fromUtf16(prefix) + QLatin1Char('-') + padded(i + 1, 5);
        document.title = pick(kSubjects) + u" of "_s + pick(kObjects);
        if (const QString &qualifier = pick(kQualifiers); !qualifier.isEmpty())
            document.title += QLatin1Char(' ') + qualifier;
        document.revision = below(4);
        m_documents.push_back(std::move(document));
    }
}

qint64 HistoryGenerator::batchTime(qint64 index) const
{
    // The batch's quantile of the activity curve: busy hours get more batches than quiet ones.
    const double total = m_hourWeights.back();
    const double target = (double(index) + 0.5) / double(m_batchCount) * total;
    const auto it = std::lower_bound(m_hourWeights.begin(), m_hourWeights.end(), target);
    const qint64 hour = std::min<qint64>(it - m_hourWeights.begin(), qint64(m_hourWeights.size()) - 1);
    const double before = hour > 0 ? m_hourWeights[size_t(hour - 1)] : 0.0;
    const double fraction = std::clamp((target - before) / (m_hourWeights[size_t(hour)] - before), 0.0, 0.999999);
    return m_fromUs + hour * kMicrosPerHour + qint64(fraction * double(kMicrosPerHour));
}

QList<Event> HistoryGenerator::nextBatch()
{
    QList<Event> events;
    const qint64 n = std::min(m_batchSize, m_eventCount - m_produced);
    events.reserve(n);
    for (qint64 i = 0; i < n; ++i)
        events.append(nextEvent());
    m_produced += n;
    ++m_batchIndex;
    return events;
}

double HistoryGenerator::uniform()
{
    // 53 random bits: the same doubles on every platform, unlike std::uniform_real_distribution.
    return double(m_random() >> 11) * 0x1.0p-53;
}

int HistoryGenerator::below(int n)
{
    return int(m_random() % quint64(n));
}

int HistoryGenerator::skewed(int n)
{
    // u^3 piles up near 0: the busiest tenth of users or documents gets about half of the events.
    const double u = uniform();
    return std::min(n - 1, int(double(n) * u * u * u));
}

const QString &HistoryGenerator::pick(const QStringList &list)
{
    return list[below(int(list.size()))];
}

QString HistoryGenerator::actorName(int user) const
{
    return kFirstNames[user % kFirstNames.size()] + QLatin1Char(' ') + kLastNames[(user / kFirstNames.size()) % kLastNames.size()];
}

QStringList HistoryGenerator::actorRoles(int user) const
{
    QStringList roles{kRoles[user % kRoles.size()]};
    if (user % 5 == 0)
        roles.append(kRoles[(user / 5) % kRoles.size()]);
    roles.removeDuplicates();
    return roles;
}

Event HistoryGenerator::nextEvent()
{
    Event event;
    const int user = skewed(m_userCount);
    event.actor.id = u"u"_s + padded(user + 1, 5);
    event.actor.name = actorName(user);
    event.actor.roles = actorRoles(user);
    event.session = u"s"_s + QString::number(m_batchIndex / 8) + QLatin1Char('-') + QString::number(user + 1);
    event.host = {u"qms-desktop"_s, u"4.2.1"_s, u"ws-"_s + padded(user % 400 + 1, 3)};

    int roll = below(1000);
    for (const WeightedAction &entry : kActionMix) {
        if (roll < entry.weight) {
            event.action = entry.action;
            break;
        }
        roll -= entry.weight;
    }

    Document &document = m_documents[size_t(skewed(int(m_documents.size())))];
    const ActionCategory category = actionCategory(event.action);
    if (category == ActionCategory::Security && event.action != Action::AccessDenied) {
        event.object = {u"session"_s, event.session, QString(), QString()};
    } else if (event.action == Action::Search) {
        const QString &word = pick(kSearchWords);
        event.object = {u"search"_s, u"documents"_s, QString(), QString()};
        event.attributes.insert(u"query"_s, word);
    } else {
        if (event.action == Action::Revise || (event.action == Action::Create && document.revision == 0))
            ++document.revision;
        event.object = {document.type, document.id, u"v"_s + QString::number(std::max(1, document.revision)), document.title};
    }

    switch (event.action) {
    case Action::Edit: {
        event.reason = pick(kReasons);
        const int changes = 1 + below(3);
        for (int i = 0; i < changes; ++i) {
            const int value = below(400);
            event.changes.append({pick(kFields), QString::number(value), QString::number(value + 1 + below(30))});
        }
        break;
    }
    case Action::Create:
        event.reason = u"New document"_s;
        break;
    case Action::Revise:
        event.reason = pick(kReasons);
        event.changes.append({u"version"_s, u"v"_s + QString::number(std::max(1, document.revision - 1)),
                              u"v"_s + QString::number(document.revision)});
        break;
    case Action::Obsolete:
        event.reason = u"Superseded"_s;
        break;
    case Action::Reject:
        event.reason = pick(kReasons);
        break;
    case Action::Sign:
        event.signatureMeaning = pick(kMeanings);
        break;
    case Action::LoginFailed:
        event.outcome = Outcome::Failed;
        event.attributes.insert(u"cause"_s, u"bad_password"_s);
        break;
    case Action::AccessDenied:
        event.outcome = Outcome::Denied;
        event.attributes.insert(u"permission"_s, below(2) ? u"edit"_s : u"approve"_s);
        break;
    default:
        // Some ordinary attempts are refused by the host's permissions.
        if (category == ActionCategory::Access && below(100) < 2)
            event.outcome = Outcome::Denied;
        break;
    }
    return event;
}

} // namespace QmsAudit::Cli
