package io.fleetcare.events;

/** What kind of device sent or concerns a message. */
public enum DeviceType {
    EV_CHARGER,
    SET_TOP_BOX,
    ENERGY_METER,
    /**
     * Not a device in the field but a part of the platform itself (e.g. the MQTT broker), named by its
     * {@code deviceId}. Only {@link Alert}s about the platform carry it (e.g. {@code platform.broker-messages-dropped}
     * from the gateway); device telemetry and the device registry never do.
     */
    PLATFORM_COMPONENT;

    /** Whether this is a device in the field (registered, sending telemetry), i.e. not {@link #PLATFORM_COMPONENT}. */
    public boolean isFieldDevice() {
        return this != PLATFORM_COMPONENT;
    }
}
