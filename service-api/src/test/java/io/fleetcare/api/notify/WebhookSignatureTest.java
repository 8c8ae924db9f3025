package io.fleetcare.api.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureIsHmacSha256OfTheBodyInHex() {
        // RFC 4231 test case 2
        String signature = WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aChangedBodyOrAnotherSecretDoesNotVerify() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.sign("secret-of-16-chars", body);

        assertThat(WebhookSignature.verifies("secret-of-16-chars", body, signature)).isTrue();
        assertThat(WebhookSignature.verifies("secret-of-16-charz", body, signature)).isFalse();
        assertThat(WebhookSignature.verifies("secret-of-16-chars", "{\"a\":2}".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
        assertThat(WebhookSignature.verifies("secret-of-16-chars", body, null)).isFalse();
    }
}
