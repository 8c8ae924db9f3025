package io.fleetcare.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void percentilesAreNearestRankOverTheSortedSamples() {
        LatencySamples samples = new LatencySamples();
        for (long v = 100; v >= 1; v--) {
            samples.add(v);
        }

        LatencySamples.Summary summary = samples.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.percentile(50)).isEqualTo(50);
        assertThat(summary.percentile(99)).isEqualTo(99);
        assertThat(summary.percentile(99.5)).isEqualTo(100);
        assertThat(summary.percentile(100)).isEqualTo(100);
        assertThat(summary.max()).isEqualTo(100);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        LatencySamples samples = new LatencySamples();
        samples.add(7);

        assertThat(samples.summary().percentile(1)).isEqualTo(7);
        assertThat(samples.summary().percentile(99)).isEqualTo(7);
    }

    @Test
    void withoutSamplesEveryPercentileIsMinusOne() {
        LatencySamples.Summary summary = new LatencySamples().summary();

        assertThat(summary.percentile(50)).isEqualTo(-1);
        assertThat(summary.max()).isEqualTo(-1);
    }

    @Test
    void growsBeyondItsFirstCapacity() {
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < 10_000; i++) {
            samples.add(i);
        }

        assertThat(samples.count()).isEqualTo(10_000);
        assertThat(samples.summary().percentile(99)).isEqualTo(9_899);
    }
}
