// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QByteArrayView>

#include <array>
#include <cstdint>

struct evp_md_ctx_st;
struct evp_md_st;

namespace QmsAudit {

/**
 * SHA-256 through OpenSSL's EVP interface with one reusable context: the verifier hashes millions
 * of records, and OpenSSL's assembler (SHA extensions, AVX2) is several times faster than
 * QCryptographicHash and allocates nothing per record. Same digest as HashChain::link().
 */
class Sha256
{
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    /// false if OpenSSL could not provide SHA-256 (then every link() fails).
    bool isValid() const { return m_context && m_md; }
    /// SHA-256(previous || data) into @p out; false on an OpenSSL error.
    bool link(QByteArrayView previous, QByteArrayView data, Digest &out);

private:
    evp_md_ctx_st *m_context = nullptr;
    evp_md_st *m_md = nullptr;
};

} // namespace QmsAudit
