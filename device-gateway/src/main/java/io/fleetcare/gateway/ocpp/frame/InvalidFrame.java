package io.fleetcare.gateway.ocpp.frame;

import io.fleetcare.gateway.ingest.IngestRejection;

/**
 * A frame the gateway refuses, with the message id to answer under: the frame's own id when it could
 * be read, otherwise {@link OcppFrame#UNKNOWN_MESSAGE_ID}.
 */
public final class InvalidFrame extends RuntimeException {

    private final String messageId;
    private final IngestRejection rejection;

    /**
     * @param messageId never null
     * @param rejection why; never null
     */
    public InvalidFrame(String messageId, IngestRejection rejection) {
        super(rejection.getMessage(), rejection, false, false);
        this.messageId = messageId;
        this.rejection = rejection;
    }

    public String messageId() {
        return messageId;
    }

    public IngestRejection rejection() {
        return rejection;
    }

    /** The CALLERROR that answers this frame. */
    public OcppFrame.CallError toCallError() {
        return new OcppFrame.CallError(messageId, CallErrorCode.of(rejection.reason()), rejection.getMessage());
    }
}
