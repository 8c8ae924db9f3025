package io.fleetcare.gateway.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceType;
import org.junit.jupiter.api.Test;

class IssuedCredentialsTest {

    private final IssuedCredentials credentials = new IssuedCredentials();

    @Test
    void aNewerVersionReplacesTheKnownOneAndAnOlderOrEqualOneIsIgnored() {
        // given
        credentials.apply(credential("CP-1", 2, "$7$two"));

        // when
        boolean older = credentials.apply(credential("CP-1", 1, "$7$one"));
        boolean same = credentials.apply(credential("CP-1", 2, "$7$other-two"));
        boolean newer = credentials.apply(credential("CP-1", 3, "$7$three"));

        // then
        assertThat(older).isFalse();
        assertThat(same).isFalse();
        assertThat(newer).isTrue();
        assertThat(credentials.find("CP-1")).get().extracting(IssuedCredential::secretHash).isEqualTo("$7$three");
    }

    @Test
    void devicesWithoutAnIssuedCredentialAndNullIdsAreNotFound() {
        assertThat(credentials.find("CP-UNKNOWN")).isEmpty();
        assertThat(credentials.find(null)).isEmpty();
    }

    private static IssuedCredential credential(String id, int version, String hash) {
        return new IssuedCredential(id, DeviceType.EV_CHARGER, "AC-22", version, hash, null);
    }
}
