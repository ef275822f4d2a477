// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventfilter.h>

namespace QmsAudit {

bool EventFilter::isEmpty() const
{
    return !fromUs && !toUs && !occurredFromUs && !occurredToUs && actorId.isEmpty() && actions.isEmpty() && objectId.isEmpty() && objectType.isEmpty()
        && !outcome && text.trimmed().isEmpty();
}

} // namespace QmsAudit
