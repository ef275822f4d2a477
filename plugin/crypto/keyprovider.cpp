// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/keyprovider.h>

namespace QmsAudit {

KeyProvider::~KeyProvider() = default;

} // namespace QmsAudit
