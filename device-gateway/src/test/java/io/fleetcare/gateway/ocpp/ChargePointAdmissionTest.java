package io.fleetcare.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ChargePointAdmissionTest {

    @Test
    void basicCredentialsSplitAtTheFirstColonSoPasswordsMayContainColons() {
        // when
        String[] credentials = ChargePointAdmission.basicCredentials("Basic " + base64("CP-1:pa:ss")).orElseThrow();

        // then
        assertThat(credentials).containsExactly("CP-1", "pa:ss");
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(ChargePointAdmission.basicCredentials("basic " + base64("CP-1:x"))).isPresent();
    }

    @Test
    void otherSchemesGarbageAndMissingColonAreNoCredentials() {
        assertThat(ChargePointAdmission.basicCredentials(null)).isEmpty();
        assertThat(ChargePointAdmission.basicCredentials("Bearer abc")).isEmpty();
        assertThat(ChargePointAdmission.basicCredentials("Basic %%%")).isEmpty();
        assertThat(ChargePointAdmission.basicCredentials("Basic " + base64("no-colon"))).isEmpty();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
