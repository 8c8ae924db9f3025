package io.fleetcare.events;

/** The device-facing protocol a {@link DeviceEvent} arrived over. */
public enum Protocol {
    OCPP16,
    OCPP201,
    MQTT,
    COAP,
    MODBUS
}
