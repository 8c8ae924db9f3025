package io.fleetcare.api.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveCipherTest {

    private static final byte[] KEY_2025 = key(1);
    private static final byte[] KEY_2026 = key(2);

    @Test
    void aSealedValueNamesItsKeyHidesTheTextAndOpensAgain() {
        // given
        ArchiveCipher cipher = new ArchiveCipher(Map.of("k2025", KEY_2025), "k2025");

        // when
        String sealed = cipher.seal("+86 574 1234 5678");

        // then
        assertThat(sealed).startsWith("fc1:k2025:").doesNotContain("1234");
        assertThat(cipher.open(sealed)).isEqualTo("+86 574 1234 5678");
        assertThat(ArchiveCipher.keyIdOf(sealed)).contains("k2025");
    }

    @Test
    void sealingTheSameTextTwiceGivesDifferentValues() {
        // given
        ArchiveCipher cipher = new ArchiveCipher(Map.of("k2025", KEY_2025), "k2025");

        // when / then
        assertThat(cipher.seal("same")).isNotEqualTo(cipher.seal("same"));
    }

    @Test
    void afterRotationOldValuesOpenAndNewOnesAreSealedUnderTheNewKey() {
        // given
        String sealedBefore = new ArchiveCipher(Map.of("k2025", KEY_2025), "k2025").seal("Harbour Road 12");
        ArchiveCipher rotated = new ArchiveCipher(Map.of("k2025", KEY_2025, "k2026", KEY_2026), "k2026");

        // when
        String sealedAfter = rotated.seal("Harbour Road 12");

        // then
        assertThat(rotated.open(sealedBefore)).isEqualTo("Harbour Road 12");
        assertThat(sealedAfter).startsWith("fc1:k2026:");
        assertThat(rotated.open(sealedAfter)).isEqualTo("Harbour Road 12");
    }

    @Test
    void aValueWhoseKeyIsGoneOrThatWasAlteredOrIsClearTextDoesNotOpen() {
        // given
        String sealed = new ArchiveCipher(Map.of("k2025", KEY_2025), "k2025").seal("Harbour Road 12");
        ArchiveCipher withoutOldKey = new ArchiveCipher(Map.of("k2026", KEY_2026), "k2026");
        ArchiveCipher cipher = new ArchiveCipher(Map.of("k2025", KEY_2025), "k2025");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("fc1:k2025:".length()));
        raw[raw.length - 1] ^= 1;
        String altered = "fc1:k2025:" + Base64.getEncoder().encodeToString(raw);

        // when / then
        assertThatThrownBy(() -> withoutOldKey.open(sealed)).isInstanceOf(ArchiveSealException.class)
                .hasMessageContaining("k2025");
        assertThatThrownBy(() -> cipher.open(altered)).isInstanceOf(ArchiveSealException.class);
        assertThatThrownBy(() -> cipher.open("Harbour Road 12")).isInstanceOf(ArchiveSealException.class);
    }

    @Test
    void keysOfTheWrongSizeOrAMissingActiveKeyAreRefused() {
        // when / then
        assertThatThrownBy(() -> new ArchiveCipher(Map.of("short", new byte[16]), "short"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchiveCipher(Map.of("k2025", KEY_2025), "k2026"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchiveCipher(Map.of("bad:id", KEY_2025), "bad:id"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
