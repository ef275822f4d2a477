// SPDX-License-Identifier: LGPL-2.1-or-later
// SampleRandom: the numbers behind a re-drawable sample.
#include "query/samplerandom_p.h"

#include <gtest/gtest.h>

#include <vector>

using namespace QmsAudit;

TEST(SampleRandom, FollowsTheStandardsMt19937_64WithoutSkippingForAPowerOfTwo)
{
    // The C++ standard ([rand.predef]) fixes the 10000th output of a default-constructed
    // std::mt19937_64 (seed 5489) at 9981545732273789042. A power-of-two bound rejects nothing,
    // so the 10000th number below 2^62 is that output's low 62 bits: the same on every platform.
    SampleRandom random(5489);
    quint64 value = 0;
    for (int i = 0; i < 10000; ++i)
        value = random.below(quint64(1) << 62);
    EXPECT_EQ(value, 9981545732273789042ULL % (quint64(1) << 62));
}

TEST(SampleRandom, SameSeedSameNumbersAndEveryValueInRange)
{
    SampleRandom a(42);
    SampleRandom b(42);
    SampleRandom c(43);
    int differences = 0;
    for (int i = 0; i < 1000; ++i) {
        const quint64 bound = quint64(i % 97) + 1;
        const quint64 x = a.below(bound);
        EXPECT_LT(x, bound);
        EXPECT_EQ(x, b.below(bound));
        differences += x != c.below(bound);
    }
    EXPECT_GT(differences, 500);
}

TEST(SampleRandom, IsUniformAlsoWhereModuloWouldBeBiased)
{
    // 2^63 + 1: plain modulo would give the values below 2^63 - 1 twice the chance of the others
    // (half of all outputs are rejected instead). Split the range in two halves: equal shares.
    SampleRandom random(7);
    const quint64 bound = (quint64(1) << 63) + 1;
    int low = 0;
    constexpr int draws = 20000;
    for (int i = 0; i < draws; ++i)
        low += random.below(bound) < bound / 2;
    EXPECT_NEAR(double(low) / draws, 0.5, 0.02);
    // A small bound: each of 10 values about a tenth of the draws.
    std::vector<int> counts(10);
    for (int i = 0; i < 100000; ++i)
        ++counts[random.below(10)];
    for (int count : counts)
        EXPECT_NEAR(count, 10000, 400);
}
