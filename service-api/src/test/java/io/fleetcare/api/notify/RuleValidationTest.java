package io.fleetcare.api.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleValidationTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:00:00Z");

    private static NotificationRuleRequest.Level level(int after, NotificationRuleRequest.Target... targets) {
        return new NotificationRuleRequest.Level(after, List.of(targets));
    }

    private static NotificationRuleRequest.Target email(String address) {
        return new NotificationRuleRequest.Target("EMAIL", address, null);
    }

    @Test
    void aValidAlertRuleBecomesARuleWithItsChain() {
        NotificationRuleRequest request = new NotificationRuleRequest("major faults", "ALERT", "major", null,
                "EV_CHARGER", null, new NotificationRuleRequest.QuietHours("22:00", "07:00"), 30,
                List.of(level(0, email("noc@example.com")), level(15, new NotificationRuleRequest.Target("WEBHOOK",
                        "https://hooks.example.com/fc", "0123456789abcdef"), new NotificationRuleRequest.Target(
                        "IN_APP", "lead", null))));

        NotificationRule rule = RuleValidation.validate(request, Duration.ofMinutes(1), "boss", NOW);

        assertThat(rule.levels()).extracting(EscalationLevel::afterMinutes).containsExactly(0, 15);
        assertThat(rule.levels().get(1).targets()).extracting(NotificationTarget::channel)
                .containsExactly(NotificationChannel.WEBHOOK, NotificationChannel.IN_APP);
        assertThat(rule.quietAt(java.time.LocalTime.of(23, 0))).isTrue();
        assertThat(rule.quietAt(java.time.LocalTime.of(12, 0))).isFalse();
    }

    @Test
    void everyProblemIsListedAtOnce() {
        NotificationRuleRequest request = new NotificationRuleRequest("bad", "ALERT", null, null, null, null, null,
                null, List.of(level(0, new NotificationRuleRequest.Target("PAGER", "123", null)),
                        level(0, email("not an address"))));

        InvalidRuleException e = catchThrowableOfType(InvalidRuleException.class,
                () -> RuleValidation.validate(request, Duration.ofMinutes(5), "boss", NOW));

        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).contains("levels[0].targets[0].channel 'PAGER' is unknown");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("levels[1].afterMinutes 0 is below the "
                + "minimum delay of 5"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("'not an address' is no valid e-mail"));
        assertThat(e.status()).isEqualTo(400);
    }

    @Test
    void anSlaRuleNeedsItsShareAndAWebhookItsSecret() {
        NotificationRuleRequest request = new NotificationRuleRequest("sla", "SLA", null, null, null, null, null,
                null, List.of(level(0, new NotificationRuleRequest.Target("WEBHOOK", "ftp://x", null))));

        InvalidRuleException e = catchThrowableOfType(InvalidRuleException.class,
                () -> RuleValidation.validate(request, Duration.ofMinutes(1), "boss", NOW));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("slaWarnPercent is required"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("'ftp://x' is no valid http(s) URL"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("secret is required for a webhook"));
    }
}
