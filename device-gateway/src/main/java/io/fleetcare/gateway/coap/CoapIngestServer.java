package io.fleetcare.gateway.coap;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.MessageDeliverer;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.jboss.logging.Logger;

/**
 * The Californium server, started and stopped with the application: a plain endpoint
 * ({@code fleetcare.coap.plain.host}:{@code fleetcare.coap.port}, only when {@code fleetcare.coap.plain.enabled})
 * and a DTLS-PSK endpoint ({@code fleetcare.coap.host}:{@code fleetcare.coap.dtls-port}, when
 * {@code fleetcare.coap.dtls.enabled}). Californium types stay in this
 * class and {@link DevicePskCredentials}; every request is handed to {@link CoapIngestion} as a
 * {@link CoapDeviceRequest}. Nothing is written to the working directory.
 */
@ApplicationScoped
public class CoapIngestServer {

    private static final Logger LOG = Logger.getLogger(CoapIngestServer.class);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final CoapSettings settings;
    private final CoapIngestion ingestion;
    private final DevicePskStore devices;
    private CoapServer server;
    private Endpoint plain;
    private Endpoint dtls;

    CoapIngestServer(CoapSettings settings, CoapIngestion ingestion, DevicePskStore devices) {
        this.settings = settings;
        this.ingestion = ingestion;
        this.devices = devices;
    }

    void start(@Observes StartupEvent startup) {
        if (!settings.plain().enabled() && !settings.dtls().enabled()) {
            LOG.info("CoAP is off (plain and DTLS disabled)");
            return;
        }
        Configuration config = Configuration.createStandardWithoutFile()
                .set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxPayloadBytes())
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY);
        server = new CoapServer(config);
        if (settings.plain().enabled()) {
            InetSocketAddress address = new InetSocketAddress(settings.plain().host(), settings.port());
            if (address.getAddress() != null && address.getAddress().isAnyLocalAddress()) {
                LOG.warnf("plain CoAP (no credentials) listens on every interface (%s): any host that reaches UDP %d "
                        + "can send telemetry for any CoAP device; set fleetcare.coap.plain.host to the trusted "
                        + "network's interface", settings.plain().host(), settings.port());
            }
            plain = new CoapEndpoint.Builder().setConfiguration(config).setInetSocketAddress(address).build();
            server.addEndpoint(plain);
        }
        if (settings.dtls().enabled()) {
            DtlsConnectorConfig dtlsConfig = DtlsConnectorConfig.builder(config)
                    .setAddress(new InetSocketAddress(settings.host(), settings.dtlsPort()))
                    .setAdvancedPskStore(new DevicePskCredentials(devices))
                    .build();
            dtls = new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtlsConfig))
                    .build();
            server.addEndpoint(dtls);
        }
        server.setMessageDeliverer(new IngestDeliverer());
        server.start();
        LOG.infof("CoAP listening: plain %s, DTLS-PSK %s", plainAddress().map(Object::toString).orElse("off"),
                dtlsAddress().map(Object::toString).orElse("off"));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (server != null) {
            server.destroy();
        }
    }

    /** The bound plain CoAP address, empty when the endpoint is off. */
    public Optional<InetSocketAddress> plainAddress() {
        return Optional.ofNullable(plain).map(Endpoint::getAddress);
    }

    /** The bound DTLS address, empty when the endpoint is off. */
    public Optional<InetSocketAddress> dtlsAddress() {
        return Optional.ofNullable(dtls).map(Endpoint::getAddress);
    }

    /** Turns each exchange into a {@link CoapDeviceRequest} and the reply back into a response. */
    private final class IngestDeliverer implements MessageDeliverer {

        @Override
        public void deliverRequest(Exchange exchange) {
            Request request = exchange.getRequest();
            Principal identity = request.getSourceContext().getPeerIdentity();
            String pskIdentity = identity instanceof PreSharedKeyIdentity psk ? psk.getIdentity()
                    : identity != null ? identity.getName() : null;
            CoapDeviceRequest deviceRequest = new CoapDeviceRequest(request.getCode() == Code.POST,
                    request.getOptions().getUriPath(), request.getOptions().getContentFormat(),
                    request.getPayload(), pskIdentity, request.getSourceContext().getPeerAddress().toString());
            CompletableFuture<CoapReply> reply = ingestion.handle(deviceRequest).toCompletableFuture();
            if (!reply.isDone()) {
                CompletableFuture.runAsync(() -> exchange.execute(() -> {
                    if (!reply.isDone()) {
                        exchange.sendAccept();
                    }
                }), CompletableFuture.delayedExecutor(settings.separateResponseAfter().toMillis(),
                        TimeUnit.MILLISECONDS));
            }
            reply.thenAccept(answer -> exchange.execute(() -> exchange.sendResponse(toResponse(answer))));
        }

        @Override
        public void deliverResponse(Exchange exchange, Response response) {
            exchange.getRequest().setResponse(response);
        }

        private Response toResponse(CoapReply reply) {
            Response response = new Response(reply.code());
            if (reply.diagnostic() != null) {
                response.setPayload(reply.diagnostic());
                response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
            }
            if (reply.code() == ResponseCode.REQUEST_ENTITY_TOO_LARGE) {
                response.getOptions().setSize1(settings.maxPayloadBytes());
            }
            return response;
        }
    }
}
