// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <qmsaudit/checkpointsigner.h>
#include <qmsaudit/checkpointverifier.h>

#include <QByteArray>
#include <QString>

namespace QmsAudit::Test {

/**
 * Published test vectors of golang.org/x/mod/sumdb/note (note_test.go, TestSign and TestOpen):
 * the key PeterNeumann with its private seed, the key EnochRoot, and the note both signed.
 */
namespace GoNote {
inline constexpr char PeterVerifierKey[] = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
inline constexpr char PeterPrivateKey[] = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
inline constexpr char EnochVerifierKey[] = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
inline constexpr char Text[] = "If you think cryptography is the answer to your problem,\n"
                               "then you don't know what your problem is.\n";
inline constexpr char PeterSignatureLine[] =
    "\xe2\x80\x94 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
inline constexpr char EnochSignatureLine[] =
    "\xe2\x80\x94 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
} // namespace GoNote

/// A PKCS#8 PEM of the Ed25519 private key with this 32-byte seed (RFC 8410 fixes the DER prefix).
QByteArray ed25519PemFromSeed(const QByteArray &seed);
/// PeterNeumann's signer, from the seed in GoNote::PeterPrivateKey.
CheckpointSigner goPeterSigner();
CheckpointVerifier verifierFromKey(const char *verifierKey);
/// The bytes of tests/data/checkpoint/@p name.
QByteArray checkpointTestData(const char *name);
/// The signer of tests/data/checkpoint/test-ed25519.pem under @p keyName.
CheckpointSigner testSigner(const QString &keyName = QStringLiteral("qms.example/audit"));

} // namespace QmsAudit::Test
