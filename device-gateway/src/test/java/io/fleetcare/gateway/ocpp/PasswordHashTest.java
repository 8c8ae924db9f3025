package io.fleetcare.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    /** Written by Mosquitto 2's {@code mosquitto_passwd -b file CP-FILE file-charger-pw}. */
    static final String MOSQUITTO_HASH = "$7$101$XNXt17iMl0495ssD$iFFlR6ase90dy4yrn0Ur3tkDO5CEAk7lhMtZjaL9Bu"
            + "qCsJQqUX+rTwxodVk7VbhrWxZRt2woO8BuPhF+xkGBlg==";
    static final String MOSQUITTO_PASSWORD = "file-charger-pw";
    /** Written by {@code mosquitto_passwd} for a password outside ASCII, {@code pässwörd}. */
    private static final String MOSQUITTO_UTF8_HASH = "$7$101$ydd6AzLLtiGWVKlX$H8/+WQDACx9yJGz0Sbp4rcW3kvR2p5PYbLz"
            + "wUTAdPsZPu2IuuFsFnOD19zGfbtJs+6wugRlmkWb3fvhI6Wc/Sg==";

    @Test
    void mosquittoPbkdf2HashMatchesItsPasswordOnly() {
        assertThat(PasswordHash.matches(MOSQUITTO_PASSWORD, MOSQUITTO_HASH)).isTrue();
        assertThat(PasswordHash.matches("file-charger-pW", MOSQUITTO_HASH)).isFalse();
        assertThat(PasswordHash.matches("", MOSQUITTO_HASH)).isFalse();
    }

    @Test
    void mosquittoHashOfANonAsciiPasswordMatchesItsUtf8Bytes() {
        assertThat(PasswordHash.matches("pässwörd", MOSQUITTO_UTF8_HASH)).isTrue();
        assertThat(PasswordHash.matches("passwoerd", MOSQUITTO_UTF8_HASH)).isFalse();
    }

    @Test
    void bcryptHashesOfEveryPrefixMatchTheirPasswordOnly() {
        // given
        String hash = BcryptUtil.bcryptHash("cp-secret");

        // then
        for (String prefix : new String[] {"$2a$", "$2b$", "$2y$"}) {
            String variant = prefix + hash.substring(4);
            assertThat(PasswordHash.matches("cp-secret", variant)).as(variant).isTrue();
            assertThat(PasswordHash.matches("cp-secreT", variant)).as(variant).isFalse();
        }
    }

    @Test
    void damagedOrUnknownHashesAreRefused() {
        assertThat(PasswordHash.isSupported("plain-text")).isFalse();
        assertThat(PasswordHash.isSupported("$6$salt$hash")).isFalse();
        assertThatThrownBy(() -> PasswordHash.matches("x", "plain-text")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.matches("x", "$7$101$salt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.matches("x", "$7$many$c2FsdA==$aGFzaA=="))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.matches("x", "$7$0$c2FsdA==$aGFzaA=="))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordHash.matches("x", "$7$101$!!$aGFzaA=="))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
