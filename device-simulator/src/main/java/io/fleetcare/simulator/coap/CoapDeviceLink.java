package io.fleetcare.simulator.coap;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One constrained device's CoAP uplink over DTLS 1.2 with a pre-shared key (identity = device id, key = the
 * UTF-8 bytes of its secret), posting confirmable JSON to {@code coaps://host:port/devices/{deviceId}/{channel}}
 * (Californium/Scandium; nothing is written to the working directory).
 */
public final class CoapDeviceLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CoapDeviceLink.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final String baseUri;
    private final String deviceId;
    private final CoapEndpoint endpoint;
    private final AtomicLong refused = new AtomicLong();

    private CoapDeviceLink(String baseUri, String deviceId, CoapEndpoint endpoint) {
        this.baseUri = baseUri;
        this.deviceId = deviceId;
        this.endpoint = endpoint;
    }

    /**
     * An endpoint of its own on a free loopback UDP port; the DTLS handshake happens with the first post.
     *
     * @param coapsUri the gateway's DTLS endpoint, e.g. {@code coaps://127.0.0.1:5684}
     * @throws java.io.IOException when the local endpoint cannot start
     */
    public static CoapDeviceLink open(String coapsUri, String deviceId, String secret) throws java.io.IOException {
        Configuration config = Configuration.createStandardWithoutFile()
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(deviceId, secret.getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        endpoint.start();
        String base = coapsUri.endsWith("/") ? coapsUri.substring(0, coapsUri.length() - 1) : coapsUri;
        return new CoapDeviceLink(base, deviceId, endpoint);
    }

    /**
     * Posts {@code json} to {@code devices/{deviceId}/{channel}} without waiting for the answer; an answer other
     * than 2.04, or none, is counted in {@link #refused()} and logged.
     */
    public void post(String channel, byte[] json) {
        CoapClient client = new CoapClient(baseUri + "/devices/" + deviceId + "/" + channel);
        client.setEndpoint(endpoint);
        client.post(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                if (response.getCode() != ResponseCode.CHANGED) {
                    refused.incrementAndGet();
                    LOG.warn("device {}: {} answered {} {}", deviceId, channel, response.getCode(),
                            response.getResponseText());
                }
            }

            @Override
            public void onError() {
                refused.incrementAndGet();
                LOG.warn("device {}: no answer to a {} post", deviceId, channel);
            }
        }, json, MediaTypeRegistry.APPLICATION_JSON);
    }

    /** Posts the gateway did not accept (other answer or none). */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
