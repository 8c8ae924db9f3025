package io.fleetcare.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The baseline's consumer: one Paho v5 client on the service account with a plain QoS 1 subscription on
 * {@code devices/+/telemetry}, which only reads each body's send time. It is what the gateway does minus the
 * gateway's work (parsing, normalizing, Kafka).
 */
final class RawBrokerSubscriber implements MqttCallback, AutoCloseable {

    private final MqttAsyncClient client;
    private final ProtocolMeter meter = new ProtocolMeter();
    final AtomicLong unreadable = new AtomicLong();

    private RawBrokerSubscriber(MqttAsyncClient client) {
        this.client = client;
    }

    static RawBrokerSubscriber start(String brokerUri, String user, String password) throws MqttException {
        return start(brokerUri, user, password, "devices/+/telemetry");
    }

    /** A subscriber on {@code filter} (QoS 1) instead of the telemetry topics. */
    static RawBrokerSubscriber start(String brokerUri, String user, String password, String filter)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUri, "bench-raw-subscriber", new MemoryPersistence());
        RawBrokerSubscriber subscriber = new RawBrokerSubscriber(client);
        client.setCallback(subscriber);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setReceiveMaximum(1000);
        client.connect(options).waitForCompletion(15_000);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)})
                .waitForCompletion(15_000);
        return subscriber;
    }

    ProtocolMeter meter() {
        return meter;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        long now = TelemetryBody.nowMicros();
        try {
            meter.arrived(now - TelemetryBody.sentMicros(message.getPayload()));
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        System.err.println("raw subscriber disconnected: " + response);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        System.err.println("raw subscriber error: " + exception);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public void close() {
        try {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        } catch (MqttException e) {
            System.err.println("raw subscriber did not close cleanly: " + e.getMessage());
        }
    }
}
