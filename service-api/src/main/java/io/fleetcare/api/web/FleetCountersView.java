package io.fleetcare.api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fleetcare.events.DeviceType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How many devices of each kind are online, offline or faulted, for the NOC's counters.
 *
 * @param at           when counted; never null
 * @param offlineAfter a device not heard from for longer is offline; never null
 * @param kinds        one entry per {@link DeviceType}, also those with no device; never null
 */
public record FleetCountersView(Instant at, Duration offlineAfter, List<Kind> kinds) {

    /**
     * The counters of one device kind. Each device is in exactly one of the three.
     *
     * @param offline not heard from within {@code offlineAfter}, or never (registered only)
     * @param faulted heard from recently and with at least one RAISED alert
     * @param online  heard from recently and no RAISED alert
     */
    public record Kind(DeviceType deviceType, long online, long offline, long faulted) {

        @JsonProperty("total")
        public long total() {
            return online + offline + faulted;
        }
    }
}
