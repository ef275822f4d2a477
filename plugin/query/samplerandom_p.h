// SPDX-License-Identifier: LGPL-2.1-or-later
#pragma once

#include <QtGlobal>

#include <random>

namespace QmsAudit {

/**
 * The random numbers of a sample: std::mt19937_64, whose output for a seed the C++ standard
 * fixes, reduced to a range by rejection, which we write ourselves because
 * std::uniform_int_distribution is implemented differently by each standard library. The same
 * seed gives the same numbers with any compiler, library or version: a sample can be re-drawn.
 */
class SampleRandom
{
public:
    explicit SampleRandom(quint64 seed);
    /// Uniform in [0, bound), bound > 0, without modulo bias.
    quint64 below(quint64 bound);

private:
    std::mt19937_64 m_engine;
};

} // namespace QmsAudit
