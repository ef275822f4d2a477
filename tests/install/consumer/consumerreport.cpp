// SPDX-License-Identifier: LGPL-2.1-or-later
// consumer-report LOG KEY_FILE OUT.pdf: the events report of a whole log, written with the installed
// QmsAudit::Report; prints "pages <n>: <verification>" and exits 0 only if the log verified.
#include <qmsaudit/eventreader.h>
#include <qmsaudit/eventsreport.h>
#include <qmsaudit/keyfileprovider.h>

#include <QDateTime>
#include <QGuiApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // the report's fonts; run with QT_QPA_PLATFORM=offscreen
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        err << "usage: consumer-report LOG KEY_FILE OUT.pdf\n";
        return 1;
    }
    QmsAudit::KeyFileProvider keys(args.at(2));
    auto reader = QmsAudit::EventReader::open(args.at(1), keys);
    if (!reader) {
        err << "open: " << reader.error().message() << '\n';
        return 2;
    }
    QmsAudit::EvidenceHeader header;
    header.generatedBy = QStringLiteral("consumer-report");
    header.generatedAtUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    auto report = QmsAudit::EventsReport::build(**reader, {}, header);
    if (!report) {
        err << "report: " << report.error().message() << '\n';
        return 4;
    }
    auto pages = report->document.savePdf(args.at(3));
    if (!pages) {
        err << "save: " << pages.error().message() << '\n';
        return 4;
    }
    out << "pages " << *pages << ": " << report->header.verificationLines().join(QLatin1Char('\n')) << '\n';
    return report->header.verification.ok ? 0 : 3;
}
