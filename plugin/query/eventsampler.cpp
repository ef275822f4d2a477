// SPDX-License-Identifier: LGPL-2.1-or-later
#include <qmsaudit/eventsampler.h>

#include <qmsaudit/eventreader.h>

#include "query/samplerandom_p.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>
#include <array>

namespace QmsAudit {
namespace {

/// Algorithm R: after n offers, a uniformly random subset of min(n, capacity) of them.
class Reservoir
{
public:
    explicit Reservoir(int capacity)
        : m_capacity(capacity)
    {
    }
    void offer(qint64 seq, SampleRandom &random)
    {
        ++m_offered;
        if (m_kept.size() < m_capacity) {
            m_kept.append(seq);
            return;
        }
        const quint64 slot = random.below(quint64(m_offered));
        if (slot < quint64(m_capacity))
            m_kept[qsizetype(slot)] = seq;
    }
    qint64 offered() const { return m_offered; }
    /// @p count of the kept ones, chosen uniformly (a partial Fisher–Yates shuffle).
    QList<qint64> take(int count, SampleRandom &random)
    {
        count = std::min<qsizetype>(count, m_kept.size());
        for (int i = 0; i < count; ++i)
            std::swap(m_kept[i], m_kept[qsizetype(i + random.below(quint64(m_kept.size() - i)))]);
        return m_kept.first(count);
    }

private:
    int m_capacity;
    qint64 m_offered = 0;
    QList<qint64> m_kept;
};

// Indexed by the enum's value, which actionCategory() returns.
constexpr std::array kCategories = {ActionCategory::Access, ActionCategory::Change, ActionCategory::Workflow,
                                     ActionCategory::Security, ActionCategory::Audit, ActionCategory::System};
static_assert(size_t(ActionCategory::System) == kCategories.size() - 1);

/// Largest-remainder shares of @p size in proportion to @p counts (ties: the earlier group).
std::array<int, kCategories.size()> allocate(int size, const std::array<qint64, kCategories.size()> &counts, qint64 total)
{
    std::array<int, kCategories.size()> shares{};
    std::array<std::pair<qint64, size_t>, kCategories.size()> remainders{};
    int given = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        // size × count / total in integers: exact, and the same everywhere.
        const qint64 product = qint64(size) * counts[i];
        shares[i] = int(product / total);
        given += shares[i];
        remainders[i] = {product % total, i};
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t i = 0; given < size && i < remainders.size(); ++i, ++given)
        ++shares[remainders[i].second];
    return shares;
}

} // namespace

QMap<QString, QString> EventSample::recordedAttributes() const
{
    return {{QStringLiteral("filter"), request.filter.describe()},
            {QStringLiteral("sample_up_to_seq"), QString::number(request.upToSeq)},
            {QStringLiteral("sample_seed"), QString::number(request.seed)},
            {QStringLiteral("sample_size"), QString::number(request.size)},
            {QStringLiteral("sample_stratified"), request.stratified ? QStringLiteral("yes") : QStringLiteral("no")},
            {QStringLiteral("sample_targeted"), request.allDenied ? QStringLiteral("denied") : QStringLiteral("none")},
            {QStringLiteral("population"), QString::number(populationSize)},
            {QStringLiteral("population_sha256"), QString::fromLatin1(populationDigest.toHex())},
            {QStringLiteral("event_count"), QString::number(seqs.size() + targetedSeqs.size())}};
}

Result<EventSample> EventSampler::draw(const EventReader &reader, const SampleRequest &request)
{
    if (request.size < 1 || request.size > SampleRequest::MaxSize)
        return Error(ErrorCode::InvalidArgument, QStringLiteral("A sample takes 1 to %1 events, not %2.").arg(SampleRequest::MaxSize).arg(request.size));
    auto head = reader.head();
    if (!head)
        return head.error();
    if (request.upToSeq < 0 || request.upToSeq > head->seq)
        return Error(ErrorCode::InvalidArgument,
                     QStringLiteral("The population cannot end at seq %1: the log ends at seq %2.").arg(request.upToSeq).arg(head->seq));

    EventSample sample;
    sample.request = request;
    if (sample.request.upToSeq == 0)
        sample.request.upToSeq = head->seq;
    const qint64 upToSeq = sample.request.upToSeq;

    SampleRandom random(request.seed);
    QCryptographicHash digest(QCryptographicHash::Sha256);
    // One reservoir, or one per action group that can hold the whole sample (its share is known
    // only at the end).
    std::vector<Reservoir> reservoirs(request.stratified ? kCategories.size() : 1, Reservoir(request.size));
    auto visited = reader.forEach(request.filter, [&](const Event &event) {
        if (event.seq > upToSeq)
            return false; // ascending: the rest came after the population
        std::array<char, 8> seq{};
        qToBigEndian(quint64(event.seq), seq.data());
        digest.addData(QByteArrayView(seq.data(), seq.size()));
        digest.addData(event.hash);
        ++sample.populationSize;
        const size_t group = request.stratified ? size_t(actionCategory(event.action)) : 0;
        reservoirs[group].offer(event.seq, random);
        if (request.allDenied && event.outcome == Outcome::Denied)
            sample.targetedSeqs.append(event.seq);
        return true;
    });
    if (!visited)
        return visited.error();
    sample.populationDigest = digest.result();

    if (!request.stratified) {
        sample.seqs = reservoirs.front().take(request.size, random);
    } else {
        std::array<qint64, kCategories.size()> counts{};
        for (size_t i = 0; i < kCategories.size(); ++i) {
            counts[i] = reservoirs[i].offered();
            if (counts[i] > 0)
                sample.strata.insert(kCategories[i], counts[i]);
        }
        if (sample.populationSize > 0) {
            const auto shares = allocate(int(std::min<qint64>(request.size, sample.populationSize)), counts, sample.populationSize);
            for (size_t i = 0; i < kCategories.size(); ++i)
                sample.seqs.append(reservoirs[i].take(shares[i], random));
        }
    }
    std::sort(sample.seqs.begin(), sample.seqs.end());
    return sample;
}

} // namespace QmsAudit
