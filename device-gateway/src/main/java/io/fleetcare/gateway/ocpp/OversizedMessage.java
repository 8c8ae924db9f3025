package io.fleetcare.gateway.ocpp;

/**
 * Tells Vert.x's "message past the maximum size" failure apart from other {@link IllegalStateException}s.
 * Vert.x 4 has no dedicated exception type for it: its frame aggregator throws an
 * {@code IllegalStateException} whose message names the "max message size" (checked against Vert.x
 * 4.5.x by {@code OcppOversizedMessageIT}, which fails if the wording changes).
 */
final class OversizedMessage {

    private OversizedMessage() {
    }

    /** @param failure the failure Vert.x reported on a connection; may be null */
    static boolean isAggregatorLimit(Throwable failure) {
        return failure instanceof IllegalStateException
                && failure.getMessage() != null
                && failure.getMessage().contains("max message size");
    }
}
