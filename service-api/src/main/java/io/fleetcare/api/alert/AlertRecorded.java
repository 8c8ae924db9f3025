package io.fleetcare.api.alert;

import io.fleetcare.events.Alert;

/**
 * Fired synchronously by {@link AlertConsumer} once an alert transition from Kafka is stored (or was stored
 * before: replays fire again, so observers must be idempotent). An observer that throws makes the consumer try
 * again after its pauses and, failing that, stop with the record unacknowledged, as for a failed store.
 *
 * @param alert the validated alert; never null
 */
public record AlertRecorded(Alert alert) {
}
