// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/signingkeyprovider.h>

namespace QmsAudit {

// Out of line so that the vtable is emitted once, in the library.
SigningKeyProvider::~SigningKeyProvider() = default;

} // namespace QmsAudit
