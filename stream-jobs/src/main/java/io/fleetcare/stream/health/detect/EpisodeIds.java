package io.fleetcare.stream.health.detect;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic ids of an alert episode: name-based UUIDs of device, rule and episode start, so
 * that replaying the same telemetry yields the same alert and request ids and downstream
 * consumers can upsert instead of opening a second ticket.
 */
public final class EpisodeIds {

    private EpisodeIds() {
    }

    /** Id shared by the RAISED and CLEARED alerts of one episode. */
    public static String alertId(String deviceId, String ruleId, Instant episodeStart) {
        return nameBased("alert", deviceId, ruleId, episodeStart);
    }

    /** Id of the maintenance request an episode opens. */
    public static String requestId(String deviceId, String ruleId, Instant episodeStart) {
        return nameBased("maintenance-request", deviceId, ruleId, episodeStart);
    }

    /**
     * Id shared by the RAISED and CLEARED alerts of one episode of a rule that keeps several
     * episodes per device at once, told apart by {@code subject} (e.g. connector and error code).
     */
    public static String alertId(String deviceId, String ruleId, String subject, Instant episodeStart) {
        return nameBased("alert", deviceId, ruleId + "\n" + subject, episodeStart);
    }

    /** Id of the maintenance request of an episode identified as in {@link #alertId(String, String, String, Instant)}. */
    public static String requestId(String deviceId, String ruleId, String subject, Instant episodeStart) {
        return nameBased("maintenance-request", deviceId, ruleId + "\n" + subject, episodeStart);
    }

    private static String nameBased(String kind, String deviceId, String ruleId, Instant episodeStart) {
        // Newlines never occur in ids, so the joined name is unambiguous.
        String name = String.join("\n", kind, deviceId, ruleId, episodeStart.toString());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
