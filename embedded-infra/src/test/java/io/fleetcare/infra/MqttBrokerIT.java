package io.fleetcare.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fleetcare.infra.mqtt.HiveMqEmbeddedBroker;
import io.fleetcare.infra.mqtt.MosquittoBroker;
import io.fleetcare.infra.mqtt.MosquittoPasswordFile;
import io.fleetcare.infra.mqtt.MqttBroker;
import io.fleetcare.infra.mqtt.MqttBrokerSettings;
import io.fleetcare.infra.mqtt.SessionQueueLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MqttBrokerIT {

    @TempDir
    Path workDir;

    private MqttBroker start(String kind) {
        MqttBrokerSettings settings = new MqttBrokerSettings(workDir, "gateway", "gw-secret",
                Map.of("STB-1", "s1", "STB-2", "s2"));
        if (kind.equals("mosquitto")) {
            assumeTrue(MosquittoBroker.isInstalled(), "Mosquitto is not installed");
            return MosquittoBroker.start(settings);
        }
        return HiveMqEmbeddedBroker.start(settings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto", "hivemq"})
    void aDeviceReachesTheServiceAccountOnlyUnderItsOwnTopics(String kind) throws Exception {
        try (MqttBroker broker = start(kind)) {
            List<String> received = new CopyOnWriteArrayList<>();
            MqttClient service = new MqttClient(broker.serverUri(), "svc", new MemoryPersistence());
            service.setCallback(new MqttCallbackAdapter() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    received.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8));
                }
            });
            service.connect(options("gateway", "gw-secret"));
            service.subscribe(new MqttSubscription[] {new MqttSubscription("$share/g/devices/+/telemetry", 1)});
            MqttClient forger = connect(broker, "STB-1", "STB-1", "s1");
            publishIgnoringRefusal(forger, "devices/STB-2/telemetry", "forged");
            closeQuietly(forger);

            MqttClient device = connect(broker, "STB-1", "STB-1", "s1");
            device.publish("devices/STB-1/telemetry", "own".getBytes(StandardCharsets.UTF_8), 1, false);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
            assertThat(received).containsExactly("devices/STB-1/telemetry=own");
            closeQuietly(device);
            closeQuietly(service);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto", "hivemq"})
    void aWrongPasswordIsRefused(String kind) {
        try (MqttBroker broker = start(kind)) {
            assertThatThrownBy(() -> connect(broker, "STB-1", "STB-1", "wrong")).isInstanceOf(MqttException.class);
            assertThatThrownBy(() -> connect(broker, "STB-9", "STB-9", "s1")).isInstanceOf(MqttException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto", "hivemq"})
    void anUpdatedDeviceSecretRefusesTheOldPasswordAndAdmitsTheNewOneWhileTheBrokerRuns(String kind) throws Exception {
        try (MqttBroker broker = start(kind)) {
            // given
            MqttClient openBefore = connect(broker, "STB-1", "STB-1", "s1");

            // when
            broker.updateDeviceSecret("STB-1", MosquittoPasswordFile.hash("s1-rotated"));
            broker.updateDeviceSecret("STB-NEW", MosquittoPasswordFile.hash("new-device"));

            // then
            if (kind.equals("mosquitto")) {
                // Mosquitto re-checks open connections when it reloads the password file
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (openBefore.isConnected() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(openBefore.isConnected()).as("connection with the old password").isFalse();
            } else {
                assertThat(openBefore.isConnected()).as("HiveMQ keeps open connections").isTrue();
            }
            closeQuietly(openBefore);
            // the same client id as openBefore: connected only after looking at openBefore
            MqttClient rotated = awaitConnect(broker, "STB-1", "STB-1", "s1-rotated");
            rotated.publish("devices/STB-1/telemetry", "own".getBytes(StandardCharsets.UTF_8), 1, false);
            closeQuietly(rotated);
            assertThatThrownBy(() -> connect(broker, "STB-1", "STB-1", "s1")).isInstanceOf(MqttException.class);
            closeQuietly(awaitConnect(broker, "STB-NEW", "STB-NEW", "new-device"));
            assertThatThrownBy(() -> connect(broker, "STB-NEW-2", "STB-NEW", "new-device"))
                    .as("a device added while the broker runs is held to its client id too")
                    .isInstanceOf(MqttException.class);
            closeQuietly(connect(broker, "STB-2", "STB-2", "s2"));
            closeQuietly(connect(broker, "svc", "gateway", "gw-secret"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto", "hivemq"})
    void unusableUpdatesAreRefusedAndChangeNothing(String kind) throws Exception {
        try (MqttBroker broker = start(kind)) {
            assertThatThrownBy(() -> broker.updateDeviceSecret("STB-1", "plain-text"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> broker.updateDeviceSecret("gateway", MosquittoPasswordFile.hash("x")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> broker.updateDeviceSecret("devices/#", MosquittoPasswordFile.hash("x")))
                    .isInstanceOf(IllegalArgumentException.class);
            closeQuietly(connect(broker, "STB-1", "STB-1", "s1"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mosquitto", "hivemq"})
    void aDeviceConnectingWithAnotherDevicesClientIdIsRefusedAndTheVictimKeepsItsSession(String kind)
            throws Exception {
        try (MqttBroker broker = start(kind)) {
            // given
            List<String> victimReceived = new CopyOnWriteArrayList<>();
            MqttClient victim = new MqttClient(broker.serverUri(), "STB-2", new MemoryPersistence());
            victim.setCallback(new MqttCallbackAdapter() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    victimReceived.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                }
            });
            victim.connect(options("STB-2", "s2"));
            victim.subscribe(new MqttSubscription[] {new MqttSubscription("devices/STB-2/commands", 1)});
            // the service account keeps several connections with ids of its own choosing, as the gateway does
            MqttClient ingest = connect(broker, "gateway-1", "gateway", "gw-secret");
            MqttClient commands = connect(broker, "gateway-1-commands", "gateway", "gw-secret");

            // when
            assertThatThrownBy(() -> connect(broker, "STB-2", "STB-1", "s1"))
                    .as("STB-1 naming STB-2's client id").isInstanceOf(MqttException.class);
            assertThatThrownBy(() -> connect(broker, "STB-1-second", "STB-1", "s1"))
                    .as("STB-1 with a client id of its own making").isInstanceOf(MqttException.class);
            commands.publish("devices/STB-2/commands", "reboot".getBytes(StandardCharsets.UTF_8), 1, false);

            // then
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (victimReceived.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(victim.isConnected()).as("the victim's session").isTrue();
            assertThat(victimReceived).containsExactly("reboot");
            assertThat(ingest.isConnected()).isTrue();
            assertThat(commands.isConnected()).isTrue();
            closeQuietly(victim);
            closeQuietly(ingest);
            closeQuietly(commands);
        }
    }

    /** Mosquitto reloads its password file moments after the signal. */
    private static MqttClient awaitConnect(MqttBroker broker, String clientId, String user, String password)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return connect(broker, clientId, user, password);
            } catch (MqttException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void publishIgnoringRefusal(MqttClient client, String topic, String payload) {
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException refused) {
            // MQTT 5 brokers answer an unauthorized publish with a failing PUBACK or a disconnect
        }
    }

    private static void closeQuietly(MqttClient client) {
        try {
            // bounded: a client the broker has just thrown out may still look connected, and a plain
            // disconnect() would then wait for a DISCONNECT acknowledgement forever
            if (client.isConnected()) {
                client.disconnectForcibly(1_000, 5_000);
            }
            client.close();
        } catch (MqttException alreadyGone) {
            // the broker may have disconnected it already
        }
    }

    @org.junit.jupiter.api.Test
    void mosquittoDropsWhatIsPastASessionsQueueAndTheServiceAccountReadsTheCount() throws Exception {
        assumeTrue(MosquittoBroker.isInstalled(), "Mosquitto is not installed");
        MqttBrokerSettings settings = new MqttBrokerSettings(workDir, "gateway", "gw-secret", Map.of("STB-1", "s1"));
        try (MqttBroker broker = MosquittoBroker.start(settings,
                new SessionQueueLimits(5, 1_000_000, 100, java.time.Duration.ofSeconds(1)))) {
            MqttClient offline = new MqttClient(broker.serverUri(), "offline", new MemoryPersistence());
            MqttConnectionOptions persistent = options("gateway", "gw-secret");
            persistent.setCleanStart(false);
            persistent.setSessionExpiryInterval(600L);
            offline.connect(persistent);
            offline.subscribe(new MqttSubscription[] {new MqttSubscription("devices/+/telemetry", 1)});
            offline.disconnect();
            offline.close();
            MqttClient device = connect(broker, "STB-1", "STB-1", "s1");
            for (int i = 0; i < 20; i++) {
                device.publish("devices/STB-1/telemetry", ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            closeQuietly(device);

            List<String> counts = new CopyOnWriteArrayList<>();
            MqttClient service = new MqttClient(broker.serverUri(), "svc", new MemoryPersistence());
            service.setCallback(new MqttCallbackAdapter() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    counts.add(new String(message.getPayload(), StandardCharsets.US_ASCII));
                }
            });
            service.connect(options("gateway", "gw-secret"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!counts.contains("15") && System.nanoTime() < deadline) {
                if (counts.isEmpty()) {
                    service.subscribe(new MqttSubscription[] {
                            new MqttSubscription(MosquittoBroker.DROPPED_COUNTER_TOPIC, 0)});
                }
                Thread.sleep(500);
            }
            assertThat(counts).contains("15");
            closeQuietly(service);
        }
    }

    @org.junit.jupiter.api.Test
    void hiveMqRefusesTheDroppedCounterSubscriptionAndKeepsTheConnection() throws Exception {
        MqttBrokerSettings settings = new MqttBrokerSettings(workDir, "gateway", "gw-secret", Map.of("STB-1", "s1"));
        try (MqttBroker broker = HiveMqEmbeddedBroker.start(settings)) {
            MqttClient service = connect(broker, "svc", "gateway", "gw-secret");

            IMqttToken token = service.subscribe(new MqttSubscription[] {
                    new MqttSubscription(MosquittoBroker.DROPPED_COUNTER_TOPIC, 0)});

            assertThat(java.util.Arrays.stream(token.getReasonCodes()).boxed().toList()).allMatch(code -> code >= 0x80);
            assertThat(service.isConnected()).isTrue();
            closeQuietly(service);
        }
    }

    private static MqttClient connect(MqttBroker broker, String clientId, String user, String password) throws MqttException {
        MqttClient client = new MqttClient(broker.serverUri(), clientId, new MemoryPersistence());
        client.connect(options(user, password));
        return client;
    }

    private static MqttConnectionOptions options(String user, String password) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setConnectionTimeout(5);
        return options;
    }

    /** Paho v5 1.2.5 does not call listeners passed to subscribe(); a client callback does work. */
    private abstract static class MqttCallbackAdapter implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
