package io.fleetcare.infra.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Mosquitto's dynamic-security plugin as {@link MosquittoBroker} uses it: only to pin each device's client id to its
 * username. Writes the plugin's start file and registers devices added later through {@code $CONTROL}.
 */
final class MosquittoClientIds {

    private static final String CONTROL_TOPIC = "$CONTROL/dynamic-security/v1";
    private static final String CONTROL_ROLE = "fleetcare-control";
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");

    private MosquittoClientIds() {
    }

    /**
     * The plugin's configuration: every default access denied (the ACL file decides topics), the control account
     * with the one role that may use {@code $CONTROL/dynamic-security}, and per device a client with
     * {@code clientid} = username, no password and no role.
     *
     * @param devices account names ({@link MqttBrokerSettings#requireAccountName}: no JSON escaping needed)
     */
    static String dynamicSecurityJson(String controlUser, Set<String> devices) {
        StringBuilder clients = new StringBuilder();
        clients.append("    {\"username\": \"").append(controlUser).append("\", \"roles\": [{\"rolename\": \"")
                .append(CONTROL_ROLE).append("\"}]}");
        for (String device : devices) {
            MqttBrokerSettings.requireAccountName(device);
            clients.append(",\n    {\"username\": \"").append(device).append("\", \"clientid\": \"").append(device)
                    .append("\", \"roles\": []}");
        }
        return """
                {
                  "defaultACLAccess": {"publishClientSend": false, "publishClientReceive": false,
                                       "subscribe": false, "unsubscribe": false},
                  "clients": [
                %s
                  ],
                  "groups": [],
                  "roles": [{"rolename": "%s", "acls": [
                    {"acltype": "publishClientSend", "topic": "$CONTROL/dynamic-security/#", "allow": true},
                    {"acltype": "publishClientReceive", "topic": "$CONTROL/dynamic-security/#", "allow": true},
                    {"acltype": "subscribePattern", "topic": "$CONTROL/dynamic-security/#", "allow": true}
                  ]}]
                }
                """.formatted(clients, CONTROL_ROLE);
    }

    /**
     * Registers a device's client id with the running broker and waits for the plugin's answer.
     *
     * @throws IllegalStateException when the broker does not confirm it within 10 s or answers with an error
     */
    static void register(String serverUri, String controlUser, String controlPassword, String deviceId) {
        MqttBrokerSettings.requireAccountName(deviceId);
        CompletableFuture<String> answer = new CompletableFuture<>();
        MqttClient client = null;
        try {
            client = new MqttClient(serverUri, controlUser + "-" + UUID.randomUUID(), new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    answer.complete(new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void disconnected(MqttDisconnectResponse response) {
                    answer.completeExceptionally(new IllegalStateException("disconnected: " + response));
                }

                @Override
                public void mqttErrorOccurred(MqttException exception) {
                    answer.completeExceptionally(exception);
                }

                @Override
                public void deliveryComplete(IMqttToken token) {
                }

                @Override
                public void connectComplete(boolean reconnect, String uri) {
                }

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {
                }
            });
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(controlUser);
            options.setPassword(controlPassword.getBytes(StandardCharsets.UTF_8));
            options.setCleanStart(true);
            client.connect(options);
            client.subscribe(new MqttSubscription[] {new MqttSubscription(CONTROL_TOPIC + "/response", 1)});
            String command = """
                    {"commands": [{"command": "createClient", "username": "%s", "clientid": "%s"}]}"""
                    .formatted(deviceId, deviceId);
            client.publish(CONTROL_TOPIC, command.getBytes(StandardCharsets.UTF_8), 1, false);
            String response = answer.get(10, TimeUnit.SECONDS);
            var error = ERROR.matcher(response);
            if (error.find()) {
                throw new IllegalStateException("Mosquitto refused the client id of " + deviceId + ": "
                        + error.group(1));
            }
        } catch (MqttException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot register the client id of " + deviceId + " with Mosquitto", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering the client id of " + deviceId, e);
        } finally {
            if (client != null) {
                try {
                    if (client.isConnected()) {
                        client.disconnect();
                    }
                    client.close();
                } catch (MqttException ignored) {
                    // the broker drops the connection with us anyway
                }
            }
        }
    }
}
