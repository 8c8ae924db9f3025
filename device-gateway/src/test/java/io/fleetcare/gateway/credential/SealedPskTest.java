package io.fleetcare.gateway.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealedPskTest {

    private static final String TRANSPORT_KEY = "dHJhbnNwb3J0LWtleS1vZi10aGUtdGVzdHMtMzJieXQ=";
    /** Sealed by the service API's {@code SealedSecret} for device STB-7, version 3, under {@link #TRANSPORT_KEY}. */
    private static final String SEALED_BY_THE_API = "v1.6JlUwxjC/eNCZ9X0t53CbWh0O43iXQ1Hthch+FlBETHCJwngkocdVA==";

    @Test
    void aKeySealedByTheServiceApiOpensForItsDeviceAndVersion() {
        // when
        byte[] psk = new SealedPsk(TRANSPORT_KEY).open(SEALED_BY_THE_API, "STB-7", 3);

        // then
        assertThat(new String(psk, StandardCharsets.UTF_8)).isEqualTo("psk-of-stb-7");
    }

    @Test
    void itDoesNotOpenForAnotherDeviceOrVersionNorUnderAnotherKey() {
        SealedPsk sealed = new SealedPsk(TRANSPORT_KEY);
        assertThatThrownBy(() -> sealed.open(SEALED_BY_THE_API, "STB-8", 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealed.open(SEALED_BY_THE_API, "STB-7", 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedPsk("c3RvcmFnZS1rZXktb2YtdGhlLXRlc3RzLTMyYnl0ZXM=")
                .open(SEALED_BY_THE_API, "STB-7", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealed.open("not-sealed", "STB-7", 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
