package io.fleetcare.stream.health.detect;

import io.fleetcare.events.DeviceType;
import java.time.Instant;

/**
 * Keyed state of {@link HeartbeatLossDetector} for one device. Public only so that Flink
 * serializes it as a POJO.
 *
 * @param ruleId      the offline rule that watches the device; never null
 * @param deviceType  never null
 * @param model       may be null
 * @param lastMessage newest device time heard from the device; never null
 * @param lastKind    what the newest message was, for evidence; never null
 * @param deadline    processing time at which the device counts as offline; meaningless while offline
 * @param offline     whether the offline alert is raised
 */
public record Liveness(String ruleId, DeviceType deviceType, String model, Instant lastMessage, String lastKind,
                       long deadline, boolean offline) {
}
