package io.fleetcare.simulator.coap;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;

/**
 * The gateway's CoAP side as the contract describes it, on a free loopback UDP port: DTLS 1.2 with a pre-shared
 * key per device (identity = device id), {@code POST /devices/{id}/telemetry|events} answered 2.04 when the DTLS
 * identity is the device of the path, 4.01 otherwise. Records every accepted post.
 */
public final class ScriptedCoapGateway implements AutoCloseable {

    /** A post the gateway accepted. */
    public record Post(String deviceId, String channel, int contentFormat, String body) {
    }

    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    private ScriptedCoapGateway(Map<String, String> secrets) {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration config = Configuration.createStandardWithoutFile()
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY);
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        secrets.forEach((id, secret) -> keys.setKey(id, secret.getBytes(StandardCharsets.UTF_8)));
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(keys)
                .build();
        endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
        server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(new CoapResource("devices") {
            @Override
            public Resource getChild(String deviceId) {
                return new CoapResource(deviceId) {
                    @Override
                    public Resource getChild(String channel) {
                        return new Channel(deviceId, channel);
                    }
                };
            }
        });
        server.start();
    }

    /** Starts with the given device id -> secret keys. */
    public static ScriptedCoapGateway start(Map<String, String> secrets) {
        return new ScriptedCoapGateway(secrets);
    }

    /** {@code coaps://127.0.0.1:<port>}. */
    public String coapsUri() {
        return "coaps://127.0.0.1:" + endpoint.getAddress().getPort();
    }

    /** Accepted posts of one device, in arrival order. */
    public List<Post> posts(String deviceId) {
        return posts.stream().filter(p -> p.deviceId().equals(deviceId)).toList();
    }

    @Override
    public void close() {
        server.destroy();
    }

    private final class Channel extends CoapResource {
        private final String deviceId;

        Channel(String deviceId, String channel) {
            super(channel);
            this.deviceId = deviceId;
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            Principal peer = exchange.advanced().getRequest().getSourceContext().getPeerIdentity();
            if (peer == null || !peer.getName().equals(deviceId)) {
                exchange.respond(ResponseCode.UNAUTHORIZED);
                return;
            }
            posts.add(new Post(deviceId, getName(), exchange.getRequestOptions().getContentFormat(),
                    exchange.getRequestText()));
            exchange.respond(ResponseCode.CHANGED);
        }
    }
}
