// SPDX-License-Identifier: LGPL-2.1-or-later
#include "integrity/sha256_p.h"

#include <openssl/evp.h>

namespace QmsAudit {

Sha256::Sha256()
    : m_context(EVP_MD_CTX_new())
    , m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr)) // fetched once, not per record
{
}

Sha256::~Sha256()
{
    EVP_MD_free(m_md);
    EVP_MD_CTX_free(m_context);
}

bool Sha256::link(QByteArrayView previous, QByteArrayView data, Digest &out)
{
    unsigned int length = 0;
    return isValid() && EVP_DigestInit_ex2(m_context, m_md, nullptr) == 1
        && EVP_DigestUpdate(m_context, previous.data(), size_t(previous.size())) == 1
        && EVP_DigestUpdate(m_context, data.data(), size_t(data.size())) == 1
        && EVP_DigestFinal_ex(m_context, out.data(), &length) == 1 && length == out.size();
}

} // namespace QmsAudit
