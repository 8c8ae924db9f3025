package io.fleetcare.gateway.coap;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.DeviceEventPublisher;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.fleetcare.gateway.ingest.IngestRejection;
import io.fleetcare.gateway.ingest.IngestRejection.Reason;
import io.fleetcare.gateway.mqtt.DeviceTopic;
import io.fleetcare.gateway.mqtt.MqttDeviceMessage;
import io.fleetcare.gateway.mqtt.MqttDeviceMessage.BodyFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.jboss.logging.Logger;

/**
 * The CoAP ingestion pipeline: path -> method -> device -> Content-Format -> body -> Kafka -> reply.
 *
 * <ul>
 *   <li>the path must be {@code /devices/{deviceId}/telemetry} or {@code /events}, else 4.04; the method POST,
 *       else 4.05;</li>
 *   <li>over DTLS the PSK identity must equal the path's device id; over plain CoAP the device must be known to
 *       the {@link DevicePskStore}; else 4.01;</li>
 *   <li>Content-Format 50 (JSON) or 60 (CBOR), else 4.15; the body is read by {@link MqttDeviceMessage}
 *       (4.00 / 4.13 on refusal);</li>
 *   <li>2.04 once Kafka confirmed, 5.03 when it did not within {@link CoapSettings#confirmTimeout()} or failed.</li>
 * </ul>
 */
@ApplicationScoped
public class CoapIngestion {

    private static final Logger LOG = Logger.getLogger(CoapIngestion.class);

    private final DeviceEventPublisher publisher;
    private final IngestMetrics metrics;
    private final DevicePskStore devices;
    private final Clock clock;
    private final int maxPayloadBytes;
    private final Duration confirmTimeout;

    @Inject
    CoapIngestion(DeviceEventPublisher publisher, IngestMetrics metrics, DevicePskStore devices,
            CoapSettings settings) {
        this(publisher, metrics, devices, Clock.systemUTC(), settings.maxPayloadBytes(), settings.confirmTimeout());
    }

    CoapIngestion(DeviceEventPublisher publisher, IngestMetrics metrics, DevicePskStore devices, Clock clock,
            int maxPayloadBytes, Duration confirmTimeout) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.devices = devices;
        this.clock = clock;
        this.maxPayloadBytes = maxPayloadBytes;
        this.confirmTimeout = confirmTimeout;
        metrics.register(Protocol.COAP);
    }

    /**
     * @param request never null
     * @return the reply; completes once Kafka confirmed, failed or timed out (never exceptionally); never null
     */
    public CompletionStage<CoapReply> handle(CoapDeviceRequest request) {
        metrics.countReceived(Protocol.COAP);
        DeviceEvent event;
        try {
            event = toDeviceEvent(request);
        } catch (IngestRejection rejection) {
            metrics.countRejected(Protocol.COAP, rejection.reason());
            LOG.warnf("Refused CoAP request from %s (device %s, PSK identity %s): %s %s", request.peer(),
                    rejection.deviceId(), request.pskIdentity(), rejection.reason().tag(), rejection.getMessage());
            return CompletableFuture.completedFuture(
                    new CoapReply(CoapResponseCodes.of(rejection.reason()), rejection.getMessage()));
        }
        return publisher.publish(event).toCompletableFuture()
                .orTimeout(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((confirmed, failure) -> {
                    if (failure == null) {
                        return CoapReply.changed();
                    }
                    LOG.warnf("Kafka did not confirm CoAP event %s of device %s from %s: %s", event.eventId(),
                            event.deviceId(), request.peer(),
                            failure instanceof TimeoutException ? "timed out after " + confirmTimeout : failure);
                    return new CoapReply(ResponseCode.SERVICE_UNAVAILABLE, "not stored, try again later");
                });
    }

    private DeviceEvent toDeviceEvent(CoapDeviceRequest request) {
        DeviceTopic resource = resourceOf(request);
        if (!request.post()) {
            throw new IngestRejection(Reason.UNSUPPORTED_ACTION, resource.deviceId(), "only POST is served");
        }
        authorize(request, resource.deviceId());
        BodyFormat format = switch (request.contentFormat()) {
            case MediaTypeRegistry.APPLICATION_JSON -> BodyFormat.JSON;
            case MediaTypeRegistry.APPLICATION_CBOR -> BodyFormat.CBOR;
            default -> throw new IngestRejection(Reason.UNSUPPORTED_FORMAT, resource.deviceId(),
                    "Content-Format must be 50 (application/json) or 60 (application/cbor)");
        };
        return MqttDeviceMessage.toDeviceEvent(Protocol.COAP, resource, format, request.payload(),
                Instant.now(clock), maxPayloadBytes);
    }

    private static DeviceTopic resourceOf(CoapDeviceRequest request) {
        boolean plainSegments = request.path().stream().noneMatch(segment -> segment.contains("/"));
        String path = String.join("/", request.path());
        if (!plainSegments) {
            throw new IngestRejection(Reason.UNKNOWN_TOPIC, null, "unknown resource");
        }
        try {
            return DeviceTopic.parse(path);
        } catch (IngestRejection unknown) {
            throw new IngestRejection(Reason.UNKNOWN_TOPIC, null, "unknown resource /" + path);
        }
    }

    private void authorize(CoapDeviceRequest request, String deviceId) {
        if (request.pskIdentity() != null) {
            if (!request.pskIdentity().equals(deviceId)) {
                throw new IngestRejection(Reason.UNKNOWN_DEVICE, deviceId,
                        "the DTLS identity may only send for its own device id");
            }
        } else if (!devices.knows(deviceId)) {
            throw new IngestRejection(Reason.UNKNOWN_DEVICE, deviceId, "unknown device");
        }
    }
}
