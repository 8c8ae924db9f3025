package io.fleetcare.simulator.mqtt;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * One simulated device's MQTT connection, logged in as the device (username = device id,
 * password = its secret) and publishing under {@code devices/{deviceId}/…} with QoS 1.
 */
public final class MqttDeviceLink implements AutoCloseable {

    private final String deviceId;
    private final MqttAsyncClient client;

    private MqttDeviceLink(String deviceId, MqttAsyncClient client) {
        this.deviceId = deviceId;
        this.client = client;
    }

    /**
     * Connects and waits for the broker's answer.
     *
     * @throws MqttException when the broker refuses the device or cannot be reached
     */
    public static MqttDeviceLink connect(String serverUri, String deviceId, String secret) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, "sim-" + deviceId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(deviceId);
        options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(true);
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        client.connect(options).waitForCompletion(15_000);
        return new MqttDeviceLink(deviceId, client);
    }

    /** Publishes to {@code devices/{deviceId}/{channel}} with QoS 1 without waiting for the ack. */
    public IMqttToken publish(String channel, byte[] payload) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        return client.publish("devices/" + deviceId + "/" + channel, message);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            // the broker may be gone already; nothing more to release
        }
    }
}
