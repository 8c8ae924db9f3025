package io.fleetcare.events;

/** What a {@link DeviceEvent} carries. */
public enum EventKind {
    /** Numeric readings in {@link DeviceEvent#metrics()}. */
    METRICS,
    /** A status change in {@link DeviceEvent#status()}. */
    STATUS,
    /** A discrete occurrence in {@link DeviceEvent#event()}, such as a reboot or an error. */
    EVENT,
    /** A liveness signal with no payload. */
    HEARTBEAT,
    /** The device connected or disconnected; {@link DeviceEvent#event()} names which. */
    CONNECTION
}
