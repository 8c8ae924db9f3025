package io.fleetcare.stream.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetrySchemaScriptsTest {

    @Test
    void splitsEveryLayoutScriptIntoStatementsWithoutComments() {
        List<String> plain = TelemetrySchema.statements("db/telemetry/" + StorageLayout.PLAIN_POSTGRESQL.layoutScript());
        List<String> timescale = TelemetrySchema.statements("db/telemetry/" + StorageLayout.TIMESCALEDB.layoutScript());

        assertThat(plain).hasSize(3).noneMatch(s -> s.contains("--") || s.endsWith(";"));
        assertThat(plain.get(0)).startsWith("CREATE INDEX IF NOT EXISTS reading_ts_brin");
        assertThat(timescale).anyMatch(s -> s.startsWith("SELECT create_hypertable('telemetry.reading'"))
                .anyMatch(s -> s.startsWith("SELECT add_compression_policy"))
                .anyMatch(s -> s.startsWith("SELECT add_retention_policy"))
                .anyMatch(s -> s.startsWith("CREATE MATERIALIZED VIEW IF NOT EXISTS telemetry.reading_minutely"))
                .anyMatch(s -> s.startsWith("CREATE MATERIALIZED VIEW IF NOT EXISTS telemetry.reading_hourly_stats"));
    }

    @Test
    void aMissingScriptFailsLoudly() {
        assertThatThrownBy(() -> TelemetrySchema.statements("db/telemetry/V9__nope.sql"))
                .hasMessage("missing schema script db/telemetry/V9__nope.sql");
    }
}
