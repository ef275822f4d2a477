// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/evidencepackarchive.h>

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <sstream>

#include <unistd.h>

namespace QmsAudit {

Result<EvidencePack::Files> EvidencePackArchive::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError, QStringLiteral("Cannot read the evidence pack %1: %2.").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    // Poco reads anything without a zip's local file header as an empty archive.
    if (!bytes.startsWith(QByteArrayLiteral("PK\x03\x04")))
        return Error(ErrorCode::IoError, QStringLiteral("The evidence pack %1 is not a zip file.").arg(path));
    try {
        std::istringstream in(bytes.toStdString());
        const Poco::Zip::ZipArchive archive(in);
        EvidencePack::Files files;
        for (auto header = archive.headerBegin(); header != archive.headerEnd(); ++header) {
            const QString name = QString::fromStdString(header->first);
            if (header->second.isDirectory() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
                return Error(ErrorCode::IoError, QStringLiteral("The evidence pack %1 holds %2, which is not a file of a pack.").arg(path, name));
            in.clear();
            Poco::Zip::ZipInputStream entry(in, header->second, true);
            std::string data;
            Poco::StreamCopier::copyToString(entry, data);
            files.insert(name, QByteArray::fromStdString(data));
        }
        return files;
    } catch (const Poco::Exception &exception) {
        return Error(ErrorCode::IoError,
                     QStringLiteral("Cannot read the evidence pack %1 as a zip file: %2.").arg(path, QString::fromStdString(exception.displayText())));
    } catch (const std::exception &exception) {
        return Error(ErrorCode::IoError,
                     QStringLiteral("Cannot read the evidence pack %1 as a zip file: %2.").arg(path, QString::fromLocal8Bit(exception.what())));
    }
}

Result<void> EvidencePackArchive::write(const QString &path, const EvidencePack::Files &files)
{
    std::stringstream zip;
    try {
        Poco::Zip::Compress compress(zip, true);
        const Poco::DateTime now;
        for (auto file = files.cbegin(); file != files.cend(); ++file) {
            std::istringstream data(file.value().toStdString());
            compress.addFile(data, now, Poco::Path(file.key().toStdString(), Poco::Path::PATH_UNIX),
                             file.value().isEmpty() ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE);
        }
        compress.close();
    } catch (const Poco::Exception &exception) {
        return Error(ErrorCode::Internal, QStringLiteral("Cannot make the zip file: %1.").arg(QString::fromStdString(exception.displayText())));
    }
    const std::string bytes = zip.str();

    // Written beside the target, then hard-linked to its name: link() never replaces a file, so a
    // pack that appeared meanwhile is kept, and the name shows only a complete pack.
    const QFileInfo target(path);
    QTemporaryFile partial(target.absoluteDir().filePath(QStringLiteral(".%1.partial-XXXXXX").arg(target.fileName())));
    if (!partial.open())
        return Error(ErrorCode::IoError, QStringLiteral("Cannot write beside %1: %2.").arg(path, partial.errorString()));
    if (partial.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) || !partial.flush() || ::fsync(partial.handle()) != 0)
        return Error(ErrorCode::IoError, QStringLiteral("Cannot write %1: %2.").arg(path, partial.errorString()));
    partial.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (::link(QFile::encodeName(partial.fileName()).constData(), QFile::encodeName(path).constData()) != 0) {
        const int error = errno;
        if (error == EEXIST)
            return Error(ErrorCode::AlreadyExists, QStringLiteral("%1 exists; export never overwrites a file.").arg(path));
        return Error(ErrorCode::IoError, QStringLiteral("Cannot create %1: %2.").arg(path, QString::fromLocal8Bit(std::strerror(error))));
    }
    return {}; // the temporary name is removed with `partial`
}

} // namespace QmsAudit
