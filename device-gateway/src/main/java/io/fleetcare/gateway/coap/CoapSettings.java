package io.fleetcare.gateway.coap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;

/** The CoAP server ({@code fleetcare.coap.*}). */
@ConfigMapping(prefix = "fleetcare.coap")
public interface CoapSettings {

    /** The address the DTLS endpoint binds to (plain CoAP has its own, {@link Plain#host()}). */
    @WithDefault("0.0.0.0")
    String host();

    /** UDP port of plain CoAP; {@code 0} lets the system pick a free one (tests). */
    @WithDefault("5683")
    int port();

    /** UDP port of CoAP over DTLS with pre-shared keys; {@code 0} lets the system pick a free one (tests). */
    @WithDefault("5684")
    int dtlsPort();

    /** Plain CoAP (no credentials at all). */
    Plain plain();

    /** CoAP over DTLS 1.2 with PSK. */
    Dtls dtls();

    /** Larger request bodies are refused with 4.13 (also the limit of a blockwise transfer). */
    @WithDefault("16384")
    int maxPayloadBytes();

    /** How long a request waits for Kafka's confirmation before it is answered 5.03. */
    @WithDefault("PT10S")
    Duration confirmTimeout();

    /**
     * When Kafka has not confirmed within this time, a confirmable request gets an empty ACK at once and
     * its 2.04/5.03 follows as a separate response, so that the device does not retransmit meanwhile.
     */
    @WithDefault("PT0.5S")
    Duration separateResponseAfter();

    /**
     * Pre-shared keys by device id (the PSK identity), e.g. {@code fleetcare.coap.psk."STB-0001"=...}; the key is the
     * UTF-8 bytes of the value. Read by {@link ConfiguredDevicePskStore}.
     */
    @WithName("psk")
    Map<String, String> psk();

    /** Plain CoAP settings. */
    interface Plain {

        /**
         * Whether the plain endpoint is open. Plain CoAP carries no credentials: anyone who can reach the port can
         * send for any device known to the PSK store. Off unless configured; only for trusted networks.
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * The one interface plain CoAP binds to when it is on: loopback unless configured. Naming the trusted
         * network's own address keeps the endpoint off every other interface; {@code 0.0.0.0} opens it on all of them
         * and is logged as a warning.
         */
        @WithDefault("127.0.0.1")
        String host();
    }

    /** DTLS settings. */
    interface Dtls {

        @WithDefault("true")
        boolean enabled();
    }
}
