// SPDX-License-Identifier: LGPL-2.1-or-later
// consumer-qml FILE.qml: loads a QML file the way any application does (no import path added
// here: only the QML engine's defaults and QML_IMPORT_PATH), prints its `result` property, and
// exits 0 only if the component was created without errors.
#include <QCoreApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QTextStream>
#include <QUrl>

#include <memory>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (app.arguments().size() != 2) {
        err << "usage: consumer-qml FILE.qml\n";
        return 1;
    }
    QQmlEngine engine;
    QQmlComponent component(&engine, QUrl::fromLocalFile(app.arguments().at(1)));
    std::unique_ptr<QObject> object(component.create());
    if (!object) {
        for (const QQmlError &error : component.errors())
            err << error.toString() << '\n';
        return 2;
    }
    out << object->property("result").toString() << '\n';
    return 0;
}
