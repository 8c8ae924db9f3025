package io.fleetcare.api.device.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealedSecretTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void aSealedSecretOpensForItsDeviceAndVersionAndHidesTheSecret() {
        // given
        SealedSecret sealer = new SealedSecret(KEY);

        // when
        String sealed = sealer.seal("s3cret-psk", "STB-1", 3);

        // then
        assertThat(sealed).startsWith("v1.").doesNotContain("s3cret");
        assertThat(sealer.open(sealed, "STB-1", 3)).isEqualTo("s3cret-psk");
        assertThat(sealer.seal("s3cret-psk", "STB-1", 3)).as("fresh nonce").isNotEqualTo(sealed);
    }

    @Test
    void aSealedSecretDoesNotOpenForAnotherDeviceVersionOrKeyNorWhenDamaged() {
        // given
        SealedSecret sealer = new SealedSecret(KEY);
        String sealed = sealer.seal("s3cret-psk", "STB-1", 3);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String damaged = "v1." + Base64.getEncoder().encodeToString(raw);

        // then
        assertThatThrownBy(() -> sealer.open(sealed, "STB-2", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open(sealed, "STB-1", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedSecret(OTHER_KEY).open(sealed, "STB-1", 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open(damaged, "STB-1", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.open("plain", "STB-1", 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysOtherThan256BitBase64AreRefused() {
        assertThatThrownBy(() -> new SealedSecret(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SealedSecret("not base64 !")).isInstanceOf(IllegalArgumentException.class);
    }
}
