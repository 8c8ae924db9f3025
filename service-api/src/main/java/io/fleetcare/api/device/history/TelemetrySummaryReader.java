package io.fleetcare.api.device.history;

import io.fleetcare.api.ticket.sla.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Reads the telemetry summary of a device from the stream jobs' rollups in the same database. The rollups belong
 * to the stream jobs: when they are not there (the job never ran against this database) or cannot be read, the
 * summary says so and carries empty series.
 */
@ApplicationScoped
public class TelemetrySummaryReader {

    private static final Logger LOG = Logger.getLogger(TelemetrySummaryReader.class);

    @Inject
    DataSource dataSource;

    @Inject
    SlaConfig calendar;

    /**
     * @param deviceId never null
     * @param now      never null
     * @return never null
     */
    public TelemetrySummary summary(String deviceId, Instant now) {
        RollupSummaryQuery query = new RollupSummaryQuery(calendar.zone());
        try (Connection connection = dataSource.getConnection()) {
            if (!RollupSummaryQuery.rollupsExist(connection)) {
                return query.unavailable(now, "No telemetry rollups (" + RollupSummaryQuery.ROLLUPS
                        + ") in this database.");
            }
            return query.read(connection, deviceId, now);
        } catch (SQLException e) {
            LOG.warnf("Telemetry summary of device %s could not be read: %s", deviceId, e.getMessage());
            return query.unavailable(now, "The telemetry rollups could not be read.");
        }
    }
}
