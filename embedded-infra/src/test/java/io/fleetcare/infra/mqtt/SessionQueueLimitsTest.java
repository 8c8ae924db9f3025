package io.fleetcare.infra.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionQueueLimitsTest {

    @Test
    void oneGatewaySessionAbsorbsTheBacklogOfItsShareOfThePeakRate() {
        SessionQueueLimits limits = SessionQueueLimits.forGatewaySession(10_000, 1, Duration.ofSeconds(60), 256, 1_000,
                Duration.ofSeconds(2));

        assertThat(limits.maxQueuedMessages()).isEqualTo(600_000);
        assertThat(limits.maxQueuedBytes()).isEqualTo(153_600_000L);
        assertThat(limits.maxInflightMessages()).isEqualTo(1_000);
        assertThat(limits.memoryWhenFullBytes(256)).isEqualTo(600_000L * (256 + 32 + 300));
        assertThat(SessionQueueLimits.EMBEDDED).isEqualTo(limits);
    }

    @Test
    void moreInstancesInTheSharedGroupNeedSmallerQueuesEach() {
        SessionQueueLimits one = SessionQueueLimits.forGatewaySession(10_000, 1, Duration.ofSeconds(60), 256, 1_000,
                Duration.ofSeconds(2));
        SessionQueueLimits three = SessionQueueLimits.forGatewaySession(10_000, 3, Duration.ofSeconds(60), 256, 1_000,
                Duration.ofSeconds(2));

        assertThat(three.maxQueuedMessages()).isEqualTo(200_000);
        assertThat(three.maxQueuedMessages() * 3L).isEqualTo(one.maxQueuedMessages());
    }

    @Test
    void largerBodiesThanPlannedAreBoundedByTheBytesLimit() {
        SessionQueueLimits limits = SessionQueueLimits.EMBEDDED;

        assertThat(limits.memoryWhenFullBytes(4_096)).isLessThan(limits.maxQueuedMessages() * 4_096L);
    }

    @Test
    void writesMosquittosConfigurationLines() {
        SessionQueueLimits limits = new SessionQueueLimits(10, 5_000, 20, Duration.ofSeconds(1));

        assertThat(limits.mosquittoConfig()).isEqualTo("""
                max_queued_messages 10
                max_queued_bytes 5000
                max_inflight_messages 20
                sys_interval 1
                """);
    }

    @Test
    void refusesLimitsThatWouldMeanNoLimitOrNoCounters() {
        assertThatThrownBy(() -> new SessionQueueLimits(0, 5_000, 20, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SessionQueueLimits(10, 5_000, 20, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionQueueLimits.forGatewaySession(0, 1, Duration.ofSeconds(1), 256, 1_000,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
