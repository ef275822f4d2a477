// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/auditlog.h>
#include <qmsaudit/eventvalidator.h>

#include "testlog.h"

#include <gtest/gtest.h>

using namespace QmsAudit;

namespace {

const QSet<Action> kPolicy = LogPolicy::defaultPolicy().reasonRequiredActions;

ErrorCode check(const Event &e)
{
    return validateEvent(e, kPolicy).error().code();
}

} // namespace

TEST(EventValidator, SampleEventsAreValid)
{
    for (int i = 0; i < 20; ++i) {
        const auto r = validateEvent(QmsAudit::Test::sampleEvent(i), kPolicy);
        EXPECT_TRUE(r) << r.error().message().toStdString();
    }
}

TEST(EventValidator, ActorIdIsRequired)
{
    Event e = QmsAudit::Test::sampleEvent(0);
    e.actor.id = QStringLiteral("   ");
    const auto r = validateEvent(e, kPolicy);
    EXPECT_EQ(r.error().code(), ErrorCode::InvalidEvent);
    EXPECT_TRUE(r.error().message().contains(QStringLiteral("actor.id")));
}

TEST(EventValidator, AccessChangeAndWorkflowNeedAnObjectButLoginDoesNot)
{
    Event e = QmsAudit::Test::sampleEvent(0);
    e.object = {};
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);
    e.action = Action::Login;
    EXPECT_EQ(check(e), ErrorCode::None);
}

TEST(EventValidator, ChangeWithoutReasonIsRejectedUnderDefaultPolicy)
{
    Event e = QmsAudit::Test::sampleEvent(1); // edit
    e.reason.clear();
    EXPECT_EQ(check(e), ErrorCode::ReasonRequired);
    e.reason = QStringLiteral("  \n");
    EXPECT_EQ(check(e), ErrorCode::ReasonRequired);
    EXPECT_TRUE(validateEvent(e, {})); // a policy without required reasons accepts it
    e.action = Action::Delete;
    EXPECT_EQ(check(e), ErrorCode::ReasonRequired);
}

TEST(EventValidator, SignNeedsASignatureMeaning)
{
    Event e = QmsAudit::Test::sampleEvent(0);
    e.action = Action::Sign;
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);
    e.signatureMeaning = QStringLiteral("approved as reviewer");
    EXPECT_EQ(check(e), ErrorCode::None);
}

TEST(EventValidator, EveryLengthLimitIsEnforcedAtItsBoundary)
{
    using L = EventLimits;
    struct Case {
        int limit;
        void (*set)(Event &, const QString &);
    };
    const Case cases[] = {
        {L::ActorId, [](Event &e, const QString &v) { e.actor.id = v; }},
        {L::ActorName, [](Event &e, const QString &v) { e.actor.name = v; }},
        {L::ObjectType, [](Event &e, const QString &v) { e.object.type = v; }},
        {L::ObjectId, [](Event &e, const QString &v) { e.object.id = v; }},
        {L::ObjectVersion, [](Event &e, const QString &v) { e.object.version = v; }},
        {L::ObjectTitle, [](Event &e, const QString &v) { e.object.title = v; }},
        {L::Reason, [](Event &e, const QString &v) { e.reason = v; }},
        {L::SignatureMeaning, [](Event &e, const QString &v) { e.signatureMeaning = v; }},
        {L::Session, [](Event &e, const QString &v) { e.session = v; }},
        {L::HostApp, [](Event &e, const QString &v) { e.host.app = v; }},
        {L::HostVersion, [](Event &e, const QString &v) { e.host.version = v; }},
        {L::HostWorkstation, [](Event &e, const QString &v) { e.host.workstation = v; }},
        {L::Role, [](Event &e, const QString &v) { e.actor.roles = {v}; }},
        {L::ChangeField, [](Event &e, const QString &v) { e.changes = {{v, {}, {}}}; }},
        {L::ChangeValue, [](Event &e, const QString &v) { e.changes = {{QStringLiteral("f"), v, {}}}; }},
        {L::AttributeValue, [](Event &e, const QString &v) { e.attributes = {{QStringLiteral("k"), v}}; }},
    };
    for (const Case &c : cases) {
        Event atLimit = QmsAudit::Test::sampleEvent(0);
        c.set(atLimit, QString(c.limit, QLatin1Char('x')));
        EXPECT_EQ(check(atLimit), ErrorCode::None) << "limit " << c.limit;
        Event over = QmsAudit::Test::sampleEvent(0);
        c.set(over, QString(c.limit + 1, QLatin1Char('x')));
        EXPECT_EQ(check(over), ErrorCode::InvalidEvent) << "limit " << c.limit;
    }
}

TEST(EventValidator, CountLimitsAreEnforced)
{
    Event e = QmsAudit::Test::sampleEvent(0);
    for (int i = 0; i <= EventLimits::Roles; ++i)
        e.actor.roles.append(QStringLiteral("r%1").arg(i));
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);

    e = QmsAudit::Test::sampleEvent(0);
    for (int i = 0; i <= EventLimits::Attributes; ++i)
        e.attributes.insert(QStringLiteral("k%1").arg(i), QStringLiteral("v"));
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);

    e = QmsAudit::Test::sampleEvent(0);
    for (int i = 0; i <= EventLimits::Changes; ++i)
        e.changes.append({QStringLiteral("f%1").arg(i), {}, {}});
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);
}

TEST(EventValidator, ControlCharactersAndBrokenUnicodeAreRejected)
{
    Event e = QmsAudit::Test::sampleEvent(0);
    e.actor.id = QStringLiteral("u1\nadmin");
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);
    e = QmsAudit::Test::sampleEvent(0);
    e.object.title = QStringLiteral("bell") + QChar(0x07);
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);
    e = QmsAudit::Test::sampleEvent(0);
    e.reason = QStringLiteral("line one\nline two\ttabbed"); // allowed in free text
    EXPECT_EQ(check(e), ErrorCode::None);
    e = QmsAudit::Test::sampleEvent(0);
    e.object.title = QString(QChar(0xD800)); // lone surrogate
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);
}

TEST(EventValidator, AttributeKeysAreRestricted)
{
    Event e = QmsAudit::Test::sampleEvent(0);
    e.attributes = {{QStringLiteral("bad key"), QStringLiteral("v")}};
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);
    e.attributes = {{QString(), QStringLiteral("v")}};
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);
    e.attributes = {{QStringLiteral("ok.key_1-x"), QStringLiteral("v")}};
    EXPECT_EQ(check(e), ErrorCode::None);
}

TEST(EventValidator, NegativeOccurredAtIsRejected)
{
    Event e = QmsAudit::Test::sampleEvent(0);
    e.occurredAtUs = -1;
    EXPECT_EQ(check(e), ErrorCode::InvalidEvent);
}
