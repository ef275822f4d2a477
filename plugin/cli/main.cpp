// SPDX-License-Identifier: LGPL-2.1-or-later
// qms-audit: command line access to QmsAudit logs (init, record, import, query, verify, stats, rekey).

#include "cliapplication.h"

#include <Poco/AutoPtr.h>

int main(int argc, char **argv)
{
    Poco::AutoPtr<QmsAudit::Cli::CliApplication> app(new QmsAudit::Cli::CliApplication);
    return app->execute(argc, argv);
}
