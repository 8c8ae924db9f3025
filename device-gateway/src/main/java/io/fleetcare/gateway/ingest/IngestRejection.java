package io.fleetcare.gateway.ingest;

import java.util.Locale;

/**
 * Why the gateway refused what a device sent. This is the gateway's one error model: every protocol
 * adapter raises it where it turns a library message into a {@code DeviceEvent}, and translates it
 * once into what its protocol can say back (an MQTT acknowledgement without forwarding, a CoAP
 * response code, an OCPP CALLERROR, later a Modbus exception).
 *
 * <p>A rejection never carries the payload, so its message is safe to log at WARN.
 */
public final class IngestRejection extends RuntimeException {

    /** The reasons a message is refused; the lower-case name is the {@code reason} metric tag. */
    public enum Reason {
        /** The body is empty, not JSON, or not the JSON structure the protocol frames messages in. */
        MALFORMED_PAYLOAD,
        /** The body is JSON but a field is missing or has the wrong type or value. */
        INVALID_FIELD,
        /** The body is larger than the configured limit. */
        PAYLOAD_TOO_LARGE,
        /** The message arrived on a topic or resource the gateway does not serve. */
        UNKNOWN_TOPIC,
        /** A field the protocol requires is absent, or a list has fewer or more entries than allowed. */
        MISSING_FIELD,
        /** A field has the right type but a value outside what the protocol allows (enum, length, range). */
        INVALID_VALUE,
        /** The body carries a field the protocol's message does not define. */
        UNKNOWN_FIELD,
        /** The device asked for an operation the protocol does not define. */
        UNKNOWN_ACTION,
        /** The device asked for an operation the protocol defines but the gateway does not accept from a device. */
        UNSUPPORTED_ACTION,
        /** The body is in an encoding the gateway does not read (a CoAP Content-Format other than JSON or CBOR). */
        UNSUPPORTED_FORMAT,
        /** The device is unknown, or its credentials do not entitle it to speak for the device id it names. */
        UNKNOWN_DEVICE;

        /** The value of the {@code reason} metric tag, e.g. {@code malformed_payload}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final String deviceId;

    /**
     * @param reason   why; never null
     * @param deviceId the device the message came from, or null when it cannot be told
     * @param detail   what was wrong, without payload content; never null
     */
    public IngestRejection(Reason reason, String deviceId, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
        this.deviceId = deviceId;
    }

    public Reason reason() {
        return reason;
    }

    /** The device the message came from, or null when the message did not say in a trusted place. */
    public String deviceId() {
        return deviceId;
    }
}
