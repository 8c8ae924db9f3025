package io.fleetcare.api.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/tickets/{number}/transitions}.
 *
 * @param to               the status to move to
 * @param reason           why; required for ESCALATED, CANCELLED and a reopening (RESOLVED or CUSTOMER_CONFIRMED
 *                         -> ACKNOWLEDGED), optional otherwise
 * @param remoteResolution only with {@code to} RESOLVED: how the case was resolved without a repair record
 * @param confirmation     required with {@code to} CUSTOMER_CONFIRMED: how the customer confirmed
 */
public record TransitionRequest(@NotBlank String to, @Size(max = 2000) String reason,
        @Valid RemoteResolutionRequest remoteResolution, @Valid ConfirmationRequest confirmation) {

    /**
     * @param method   REMOTE_COMMAND, RESET, CONFIGURATION or ADVICE
     * @param workDone what was done
     */
    public record RemoteResolutionRequest(@NotBlank String method, @NotBlank @Size(max = 2000) String workDone) {
    }

    /**
     * @param method    SIGNATURE (on the case's repair record), CALL, EMAIL or SURVEY
     * @param contact   the customer's contact as told; optional for SIGNATURE (the signer on the record)
     * @param reference the customer's reference as told (call log id, mail subject, survey number); optional
     */
    public record ConfirmationRequest(@NotBlank String method, @Size(max = 200) String contact,
            @Size(max = 200) String reference) {
    }
}
