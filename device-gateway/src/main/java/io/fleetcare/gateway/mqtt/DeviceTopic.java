package io.fleetcare.gateway.mqtt;

import io.fleetcare.events.EventKind;
import io.fleetcare.gateway.ingest.IngestRejection;

/**
 * A topic a device publishes on, {@code devices/{deviceId}/{channel}}. The device id in the topic is
 * the device's identity: the broker only lets a device publish under its own id, so the topic is
 * trusted and the body is not. CoAP resources have the same shape ({@code /devices/{deviceId}/{channel}}).
 *
 * @param deviceId never null or blank
 * @param channel  never null
 */
public record DeviceTopic(String deviceId, Channel channel) {

    static final String ROOT = "devices";

    /** The device-to-platform channels this gateway serves. */
    public enum Channel {
        TELEMETRY("telemetry", EventKind.METRICS),
        EVENTS("events", EventKind.EVENT);

        private final String segment;
        private final EventKind kind;

        Channel(String segment, EventKind kind) {
            this.segment = segment;
            this.kind = kind;
        }

        /** The topic level or path segment, e.g. {@code telemetry}. */
        public String segment() {
            return segment;
        }

        EventKind kind() {
            return kind;
        }

        /** The shared-subscription filter that splits this channel of all devices across a group. */
        String sharedFilter(String group) {
            return "$share/" + group + "/" + ROOT + "/+/" + segment;
        }
    }

    /**
     * @throws IngestRejection with {@link IngestRejection.Reason#UNKNOWN_TOPIC} when the topic is not
     *                         {@code devices/{deviceId}/telemetry} or {@code devices/{deviceId}/events}
     */
    public static DeviceTopic parse(String topic) {
        String[] levels = topic == null ? new String[0] : topic.split("/", -1);
        String deviceId = levels.length >= 2 && ROOT.equals(levels[0]) && !levels[1].isBlank() ? levels[1] : null;
        if (levels.length == 3 && deviceId != null) {
            for (Channel channel : Channel.values()) {
                if (channel.segment.equals(levels[2])) {
                    return new DeviceTopic(deviceId, channel);
                }
            }
        }
        throw new IngestRejection(IngestRejection.Reason.UNKNOWN_TOPIC, deviceId, "unknown topic " + topic);
    }
}
