package io.fleetcare.gateway.brokerwatch;

import io.fleetcare.events.Alert;
import io.fleetcare.gateway.mqtt.MqttSettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jboss.logging.Logger;

/**
 * The Paho edge of the broker drop watch: its own MQTT connection (clean start, no session, so its readings never
 * wait behind the ingest session's backlog) subscribed at QoS 0 to the broker's dropped-message counter, a
 * {@link BrokerDropWatch} over the readings, the metrics {@code gateway_broker_messages_dropped_total{broker}} and
 * {@code gateway_broker_drop_watch_available{broker}}, and the alerts it raises and clears, sent to
 * {@code device.alerts} in order (an alert Kafka did not take is tried again every second). Paho types stay here.
 */
@ApplicationScoped
public class BrokerDropMonitor implements MqttCallback {

    private static final Logger LOG = Logger.getLogger(BrokerDropMonitor.class);
    private static final long TICK_MILLIS = 1_000;
    private static final long RECONNECT_MILLIS = 5_000;

    private final BrokerWatchSettings settings;
    private final MqttSettings mqtt;
    private final PlatformAlertPublisher alerts;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Alert> unsent = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean reportedUnavailable = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Instant watchingSince;
    private BrokerDropWatch watch;
    private ScheduledExecutorService scheduler;
    private MqttAsyncClient client;
    private final java.util.List<io.micrometer.core.instrument.Meter> meters = new java.util.ArrayList<>();

    public BrokerDropMonitor(BrokerWatchSettings settings, MqttSettings mqtt, PlatformAlertPublisher alerts,
            MeterRegistry registry) {
        this.settings = settings;
        this.mqtt = mqtt;
        this.alerts = alerts;
        this.registry = registry;
        this.clock = Clock.systemUTC();
    }

    /** The broker's name in the metric and the alerts: the configured one, else {@code mqtt-broker@host:port}. */
    static String brokerName(Optional<String> configured, String serverUri) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get().strip();
        }
        URI uri = URI.create(serverUri);
        return "mqtt-broker@" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    void start(@Observes StartupEvent startup) throws MqttException {
        if (!settings.enabled()) {
            LOG.info("Broker drop watch off (fleetcare.broker-watch.enabled=false)");
            return;
        }
        String broker = brokerName(settings.brokerName(), mqtt.serverUri());
        watch = new BrokerDropWatch(broker, settings.clearAfter());
        meters.add(FunctionCounter.builder("gateway.broker.messages.dropped", watch, BrokerDropWatch::droppedTotal)
                .description("Messages the MQTT broker dropped (its $SYS counter), including those before this "
                        + "gateway watched")
                .tag("broker", broker)
                .register(registry));
        meters.add(Gauge.builder("gateway.broker.drop.watch.available", watch, w -> w.counterSeen() ? 1 : 0)
                .description("1 once the broker's dropped-message counter has been read, else 0")
                .tag("broker", broker)
                .strongReference(true)
                .register(registry));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "broker-watch");
            thread.setDaemon(true);
            return thread;
        });
        client = new MqttAsyncClient(mqtt.serverUri(),
                "fleetcare-drop-watch-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        client.setCallback(this);
        scheduler.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.infof("Broker drop watch on %s: reading %s from %s", broker, settings.droppedTopic(), mqtt.serverUri());
        connect();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        meters.forEach(registry::remove);
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect(1_000).waitForCompletion(2_000);
                }
                client.close(true);
            } catch (MqttException e) {
                LOG.debugf("broker drop watch did not close cleanly: %s", e.toString());
            }
        }
    }

    private void connect() {
        if (stopping) {
            return;
        }
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        mqtt.username().ifPresent(options::setUserName);
        mqtt.password().ifPresent(password -> options.setPassword(password.getBytes(StandardCharsets.UTF_8)));
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete subscribes
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    retryConnect(failure);
                }
            });
        } catch (MqttException e) {
            retryConnect(e);
        }
    }

    private void retryConnect(Throwable failure) {
        if (stopping) {
            return;
        }
        LOG.debugf("broker drop watch cannot connect to %s, retrying: %s", mqtt.serverUri(), String.valueOf(failure));
        scheduler.schedule(this::connect, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        if (watchingSince == null) {
            watchingSince = clock.instant();
        }
        try {
            client.subscribe(new MqttSubscription[] {new MqttSubscription(settings.droppedTopic(), 0)}, null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int[] codes = token.getReasonCodes();
                            if (codes == null || Arrays.stream(codes).anyMatch(code -> code >= 0x80)) {
                                reportUnavailable("the broker refused the subscription to " + settings.droppedTopic()
                                        + " (reason codes " + Arrays.toString(codes) + ")");
                            }
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            reportUnavailable("cannot subscribe to " + settings.droppedTopic() + ": " + failure);
                        }
                    }, new MqttProperties());
        } catch (MqttException e) {
            reportUnavailable("cannot subscribe to " + settings.droppedTopic() + ": " + e);
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        String text = new String(message.getPayload(), StandardCharsets.US_ASCII).strip();
        long counter;
        try {
            counter = Long.parseLong(text);
        } catch (NumberFormatException e) {
            LOG.warnf("broker drop watch: %s is not a count on %s", text, topic);
            return;
        }
        if (counter < 0) {
            LOG.warnf("broker drop watch: negative count %d on %s", counter, topic);
            return;
        }
        watch.counterRead(counter, clock.instant()).ifPresent(this::send);
    }

    private void tick() {
        try {
            watch.tick(clock.instant()).ifPresent(this::send);
            Instant since = watchingSince;
            if (since != null && !watch.counterSeen()
                    && clock.instant().isAfter(since.plus(settings.unavailableAfter()))) {
                reportUnavailable("no reading of " + settings.droppedTopic() + " within "
                        + settings.unavailableAfter() + " (a broker without $SYS counters, e.g. HiveMQ, or an ACL "
                        + "that does not let the service account read it)");
            }
            drain();
        } catch (RuntimeException e) {
            LOG.errorf(e, "broker drop watch tick failed");
        }
    }

    private void send(Alert alert) {
        LOG.log(alert.state() == Alert.State.RAISED ? Logger.Level.ERROR : Logger.Level.INFO,
                "Alert " + alert.alertId() + " " + alert.state() + " for " + alert.deviceId() + ": " + alert.message());
        unsent.add(alert);
        if (scheduler != null && !stopping) {
            scheduler.execute(this::drain);
        }
    }

    /** Sends the alerts Kafka has not confirmed yet, oldest first; stops at the first one it does not take. */
    private void drain() {
        Alert next;
        while ((next = unsent.peek()) != null) {
            try {
                alerts.publish(next).get(10, TimeUnit.SECONDS);
                unsent.poll();
            } catch (ExecutionException | TimeoutException e) {
                LOG.errorf("alert %s %s for %s not taken by Kafka, trying again: %s", next.alertId(), next.state(),
                        next.deviceId(), String.valueOf(e.getCause() == null ? e : e.getCause()));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void reportUnavailable(String why) {
        if (reportedUnavailable.compareAndSet(false, true)) {
            LOG.warnf("Broker drop watch on %s not available: %s. Messages the broker drops are not seen.",
                    watch.broker(), why);
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        if (!stopping) {
            LOG.debugf("broker drop watch lost its connection: %s", response);
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.debugf("broker drop watch: %s", exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // the watch only subscribes
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
