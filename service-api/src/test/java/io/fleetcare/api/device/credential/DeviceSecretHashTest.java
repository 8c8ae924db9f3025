package io.fleetcare.api.device.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeviceSecretHashTest {

    /** Written by {@code mosquitto_passwd} (Mosquitto 2) for the password {@code file-charger-pw}. */
    private static final String MOSQUITTO_HASH = "$7$101$XNXt17iMl0495ssD$iFFlR6ase90dy4yrn0Ur3tkDO5CEAk7lhMtZjaL9Bu"
            + "qCsJQqUX+rTwxodVk7VbhrWxZRt2woO8BuPhF+xkGBlg==";

    @Test
    void theHashIsTheOneMosquittoPasswdWritesForTheSameSaltAndIterations() {
        // given
        String[] parts = MOSQUITTO_HASH.split("\\$");

        // when
        String hash = DeviceSecretHash.of("file-charger-pw", Base64.getDecoder().decode(parts[3]), 101);

        // then
        assertThat(hash).isEqualTo(MOSQUITTO_HASH);
    }

    @Test
    void everyHashHasItsOwnSaltAndNeverContainsTheSecret() {
        // when
        String first = DeviceSecretHash.of("abcdefgh");
        String second = DeviceSecretHash.of("abcdefgh");

        // then
        assertThat(first).startsWith("$7$101$").doesNotContain("abcdefgh").isNotEqualTo(second);
    }
}
