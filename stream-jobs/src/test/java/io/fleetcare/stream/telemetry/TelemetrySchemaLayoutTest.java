package io.fleetcare.stream.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.stream.telemetry.TelemetrySchema.Timescale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which storage layout a new telemetry schema gets, from what the database offers of TimescaleDB. */
class TelemetrySchemaLayoutTest {

    private final AtomicInteger creations = new AtomicInteger();

    @Test
    void usesTheTimescaleLayoutWhenTheExtensionIsAlreadyCreated() {
        assertThat(TelemetrySchema.chooseLayout(Timescale.INSTALLED, creation(true)))
                .isEqualTo(StorageLayout.TIMESCALEDB);
        assertThat(creations).hasValue(0);
    }

    @Test
    void createsAnAvailableExtensionAndUsesTheTimescaleLayout() {
        assertThat(TelemetrySchema.chooseLayout(Timescale.AVAILABLE, creation(true)))
                .isEqualTo(StorageLayout.TIMESCALEDB);
        assertThat(creations).hasValue(1);
    }

    @Test
    void fallsBackToPlainPostgresqlWhenAnAvailableExtensionCannotBeCreated() {
        assertThat(TelemetrySchema.chooseLayout(Timescale.AVAILABLE, creation(false)))
                .isEqualTo(StorageLayout.PLAIN_POSTGRESQL);
        assertThat(creations).hasValue(1);
    }

    @Test
    void usesPlainPostgresqlWithoutTryingWhenTheServerHasNoTimescale() {
        assertThat(TelemetrySchema.chooseLayout(Timescale.ABSENT, creation(true)))
                .isEqualTo(StorageLayout.PLAIN_POSTGRESQL);
        assertThat(creations).hasValue(0);
    }

    private TelemetrySchema.ExtensionCreation creation(boolean succeeds) {
        return () -> {
            creations.incrementAndGet();
            return succeeds;
        };
    }
}
