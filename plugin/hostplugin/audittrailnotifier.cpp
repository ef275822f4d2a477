// SPDX-License-Identifier: LGPL-2.1-or-later
#include "audittrailnotifier.h"

#include <qmsaudit/audittrail.h>

namespace QmsAudit {

AuditTrailNotifier::AuditTrailNotifier(AuditTrail *trail, QObject *parent)
    : QObject(parent)
{
    // `this` as the context object: queued into the notifier's thread when the trail emits from
    // its writer thread, and disconnected automatically when either side goes away.
    connect(trail, &AuditTrail::recorded, this, &AuditTrailNotifier::recorded);
    connect(trail, &AuditTrail::recordFailed, this, [this](const Error &error) { Q_EMIT recordFailed(error.message()); });
    connect(trail, &AuditTrail::availabilityChanged, this, &AuditTrailNotifier::availabilityChanged);
}

AuditTrailNotifier::~AuditTrailNotifier() = default;

} // namespace QmsAudit
