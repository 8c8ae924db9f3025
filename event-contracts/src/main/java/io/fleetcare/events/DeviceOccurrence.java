package io.fleetcare.events;

/**
 * A discrete occurrence reported by a device, such as {@code REBOOT} or {@code ERROR}.
 *
 * @param name   what happened, e.g. {@code REBOOT}, {@code ERROR}, {@code CONNECTED}; never null
 * @param reason why, e.g. {@code WATCHDOG}; may be null
 * @param code   an error code, e.g. {@code DECODER_HANG}; may be null
 * @param detail free text from the device; may be null
 */
public record DeviceOccurrence(String name, String reason, String code, String detail) {
}
