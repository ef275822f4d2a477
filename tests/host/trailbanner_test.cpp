// SPDX-License-Identifier: LGPL-2.1-or-later
// The window as a user sees it when the trail goes down under fail_closed: the banner says why,
// the document's content and its actions are gone, and all comes back with the trail.
#include "hosttest.h"

#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtTest/QTest>

#include <gtest/gtest.h>

namespace {

class TrailBannerTest : public HostTest
{
protected:
    void SetUp() override
    {
        HostTest::SetUp();
        if (HasFatalFailure())
            return;
        host->exposeTo(engine);
        engine.load(QUrl(QStringLiteral("qrc:/qmsdemo/Main.qml")));
        ASSERT_FALSE(engine.rootObjects().isEmpty());
        window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        ASSERT_TRUE(window);
    }

    QQuickItem *item(const char *name) const { return window->findChild<QQuickItem *>(QString::fromLatin1(name)); }

    /// Waits until @p condition holds (the bridge checks every 50 ms here, the window redraws after).
    static bool eventually(const std::function<bool()> &condition)
    {
        for (int i = 0; i < 150; ++i) {
            if (condition())
                return true;
            QTest::qWait(20);
        }
        return condition();
    }

    QQmlApplicationEngine engine;
    QQuickWindow *window = nullptr;
};

TEST_F(TrailBannerTest, TheBannerLocksTheOpenDocumentWhileTheKeyFileIsGoneAndGoesWhenItIsBack)
{
    DocumentService &desk = host->service();
    ASSERT_TRUE(desk.login(QStringLiteral("u-anna"), UserDirectory::DemoPassword));
    const QString id = desk.create(QStringLiteral("procedure"), QStringLiteral("Gauge control"), QStringLiteral("Check gauges weekly."),
                                   QStringLiteral("new"));
    ASSERT_FALSE(id.isEmpty());
    ASSERT_TRUE(QMetaObject::invokeMethod(window, "showDocument", Q_ARG(QVariant, id)));
    QQuickItem *banner = item("trailBanner");
    ASSERT_TRUE(banner);
    // The page rebuilds its body on every load and trail change: look its items up each time.
    const auto content = [this] { return item("documentContent"); };
    const auto editEnabled = [this] { return item("editButton") && item("editButton")->isEnabled(); };
    ASSERT_TRUE(eventually([&] { return content() && content()->isVisible(); }));
    EXPECT_FALSE(banner->isVisible());
    EXPECT_TRUE(editEnabled());
    EXPECT_TRUE(content()->property("text").toString().contains(QStringLiteral("Check gauges weekly.")));

    const QString key = host->folder().keyFile();
    ASSERT_TRUE(QFile::rename(key, key + QStringLiteral(".away")));
    ASSERT_TRUE(eventually([&] { return banner->isVisible(); })) << "no banner while the trail is down";
    EXPECT_FALSE(editEnabled());
    EXPECT_TRUE(!content() || !content()->isVisible() || !content()->property("text").toString().contains(QStringLiteral("Check gauges")))
        << "controlled content stays hidden while nothing records who sees it";

    ASSERT_TRUE(QFile::rename(key + QStringLiteral(".away"), key));
    ASSERT_TRUE(eventually([&] { return !banner->isVisible(); })) << "the banner stays after the trail is back";
    EXPECT_TRUE(eventually(editEnabled));
    EXPECT_TRUE(eventually([&] { return content() && content()->isVisible()
                                        && content()->property("text").toString().contains(QStringLiteral("Check gauges weekly.")); }));
}

} // namespace
