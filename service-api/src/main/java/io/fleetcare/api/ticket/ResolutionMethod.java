package io.fleetcare.api.ticket;

/**
 * How a case was resolved without a repair record: by remote troubleshooting before anybody was sent, or by what
 * the engineer did on site without filing a record (seed 001 §三(二)2: the technical support engineer first tells the
 * customer simple troubleshooting steps, "告知客戶一些簡單的故障排查方法"; in this platform also remote diagnostics).
 */
public enum ResolutionMethod {
    /** A remote diagnostics command sent to the device (see {@code /api/devices/{id}/commands}). */
    REMOTE_COMMAND,
    /** The device was reset or restarted, remotely or by the customer as told. */
    RESET,
    /** A configuration was changed. */
    CONFIGURATION,
    /** The customer was advised how to use or set up the product. */
    ADVICE
}
