package io.fleetcare.events;

/** What kind of device sent or concerns a message. */
public enum DeviceType {
    EV_CHARGER,
    SET_TOP_BOX,
    ENERGY_METER
}
