// SPDX-License-Identifier: LGPL-2.1-or-later
#include "query/samplerandom_p.h"

namespace QmsAudit {

SampleRandom::SampleRandom(quint64 seed)
    : m_engine(seed)
{
}

quint64 SampleRandom::below(quint64 bound)
{
    // 2^64 mod bound values at the bottom would make the low results likelier: skip them.
    const quint64 rejected = (0 - bound) % bound;
    while (true) {
        const quint64 value = m_engine();
        if (value >= rejected)
            return value % bound;
    }
}

} // namespace QmsAudit
