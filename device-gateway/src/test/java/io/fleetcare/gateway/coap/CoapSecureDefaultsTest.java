package io.fleetcare.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** What the gateway does with CoAP when an operator configures nothing: the shipped application.properties, prod profile. */
class CoapSecureDefaultsTest {

    @Test
    void plainCoapIsOffUnlessConfiguredAndThenBindsToLoopbackOnly() throws IOException {
        CoapSettings shipped = shippedConfig("prod").getConfigMapping(CoapSettings.class);

        assertThat(shipped.plain().enabled()).as("plain CoAP carries no credentials").isFalse();
        assertThat(shipped.plain().host()).as("the one interface plain CoAP binds to when turned on")
                .isEqualTo("127.0.0.1");
        assertThat(shipped.dtls().enabled()).isTrue();
    }

    @Test
    void theMappingItselfDefaultsToOffAndLoopbackWhenNoFileSaysOtherwise() {
        CoapSettings bare = new SmallRyeConfigBuilder().withMapping(CoapSettings.class).build()
                .getConfigMapping(CoapSettings.class);

        assertThat(bare.plain().enabled()).isFalse();
        assertThat(bare.plain().host()).isEqualTo("127.0.0.1");
    }

    private static SmallRyeConfig shippedConfig(String profile) throws IOException {
        URL properties = CoapSecureDefaultsTest.class.getResource("/application.properties");
        assertThat(properties).as("the gateway's application.properties on the test classpath").isNotNull();
        return new SmallRyeConfigBuilder().withProfile(profile).withMapping(CoapSettings.class)
                .withSources(new PropertiesConfigSource(properties)).build();
    }
}
