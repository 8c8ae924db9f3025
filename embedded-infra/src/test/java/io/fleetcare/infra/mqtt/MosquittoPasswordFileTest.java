package io.fleetcare.infra.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MosquittoPasswordFileTest {

    /** Written by {@code mosquitto_passwd} (Mosquitto 2) for the password {@code file-charger-pw}. */
    private static final String MOSQUITTO_HASH = "$7$101$XNXt17iMl0495ssD$iFFlR6ase90dy4yrn0Ur3tkDO5CEAk7lhMtZjaL9Bu"
            + "qCsJQqUX+rTwxodVk7VbhrWxZRt2woO8BuPhF+xkGBlg==";

    @Test
    void aHashWrittenByMosquittoPasswdMatchesOnlyItsPassword() {
        assertThat(MosquittoPasswordFile.matches("file-charger-pw", MOSQUITTO_HASH)).isTrue();
        assertThat(MosquittoPasswordFile.matches("file-charger-pw ", MOSQUITTO_HASH)).isFalse();
    }

    @Test
    void ourHashesMatchTheirPasswordAndRenderOneLinePerAccount() {
        // given
        String hash = MosquittoPasswordFile.hash("s3cret");

        // then
        assertThat(MosquittoPasswordFile.matches("s3cret", hash)).isTrue();
        assertThat(MosquittoPasswordFile.renderHashes(java.util.Map.of("b", hash, "a", MOSQUITTO_HASH)))
                .isEqualTo("a:" + MOSQUITTO_HASH + "\nb:" + hash + "\n");
    }

    @Test
    void malformedHashesAreRefused() {
        for (String bad : new String[] {"plain", "$6$101$abc$def", "$7$x$XNXt17iMl0495ssD$AAAA", "$7$101$$AAAA",
                "$7$101$XNXt17iMl0495ssD$AAAA", null}) {
            assertThatThrownBy(() -> MosquittoPasswordFile.requireWellFormed(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
