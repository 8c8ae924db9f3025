package io.fleetcare.api.device;

import io.fleetcare.events.DeviceType;

/**
 * Which devices to list.
 *
 * @param deviceType only this type; null for all
 * @param model      only this model; null for all
 * @param limit      at most this many, 1-1000
 */
public record DeviceFilter(DeviceType deviceType, String model, int limit) {
}
