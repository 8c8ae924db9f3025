package io.fleetcare.api.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One message the platform sent, or tried to send: who, what, when, through which channel, with what outcome.
 *
 * @param deliveryId  never null
 * @param ruleId      the rule that asked for it; null for an appointment notice
 * @param subjectKind ALERT or TICKET
 * @param subjectId   the alert id or ticket number
 * @param reason      ALERT_RAISED, ESCALATION, REPEAT, SLA_WARNING, SLA_BREACH or APPOINTMENT
 * @param level       the level of the on-call chain; null when the message is no escalation step
 * @param channel     EMAIL, WEBHOOK or IN_APP
 * @param recipient   the address, URL or username; a customer's contact only masked
 * @param title       the subject line
 * @param status      PENDING (waiting for its next attempt), SENT, DEAD_LETTER (every attempt failed), FAILED
 *                    (not retried), WITHHELD (not sent: e.g. no contact the platform may read)
 * @param attempts    how many times sending was tried
 * @param lastError   the last failure; null when none
 * @param createdAt   when it was decided
 * @param sentAt      when it went out; null unless SENT
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(long deliveryId, Long ruleId, String subjectKind, String subjectId, String reason,
        Integer level, String channel, String recipient, String title, String status, int attempts, String lastError,
        Instant createdAt, Instant sentAt) {
}
