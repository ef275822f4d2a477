// SPDX-License-Identifier: LGPL-2.1-or-later
#include "checkpointcommand.h"

#include "anchoroptions.h"
#include "console.h"
#include "exitstatus.h"

#include <qmsaudit/checkpointpublisher.h>
#include <qmsaudit/signingkeyfileprovider.h>

#include <iostream>

namespace QmsAudit::Cli {

int CheckpointCommand::run(const CommandOptions &options)
{
    auto signingKey = options.requiredValue("signing-key");
    if (!signingKey)
        return Console::fail(signingKey.error());
    auto opened = options.openLog();
    if (!opened)
        return Console::fail(opened.error());
    const QString origin = AnchorOptions::origin(options, opened->log->logId());
    const SigningKeyFileProvider signing(*signingKey, AnchorOptions::keyName(options, origin));
    CheckpointPublisher publisher(signing, AnchorOptions::sinks(options));
    publisher.setOrigin(origin);
    auto published = publisher.publish(*opened->log);
    if (!published)
        return Console::fail(published.error());
    std::cout << published->note.toStdString();
    std::cout.flush();
    return toInt(ExitStatus::Ok);
}

} // namespace QmsAudit::Cli
