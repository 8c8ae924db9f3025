package io.fleetcare.api.ticket;

/**
 * How a case reached the service (DOMAIN.md "Service case": phone, e-mail, web, and telemetry for the
 * cases the platform opens on its own).
 */
public enum TicketChannel {
    TELEMETRY,
    PHONE,
    EMAIL,
    WEB
}
