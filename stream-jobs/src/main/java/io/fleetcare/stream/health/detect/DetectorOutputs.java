package io.fleetcare.stream.health.detect;

import io.fleetcare.events.MaintenanceRequest;
import org.apache.flink.util.OutputTag;

/**
 * The outputs every detector shares: alerts go to the main output, maintenance requests to the
 * side output {@link #MAINTENANCE_REQUESTS}.
 */
public final class DetectorOutputs {

    /** Side output carrying the maintenance requests a detector opens. */
    public static final OutputTag<MaintenanceRequest> MAINTENANCE_REQUESTS =
            new OutputTag<>("maintenance-requests") { };

    private DetectorOutputs() {
    }
}
