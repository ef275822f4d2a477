// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/checkpointsink.h>

namespace QmsAudit {

CheckpointSink::~CheckpointSink() = default;

} // namespace QmsAudit
