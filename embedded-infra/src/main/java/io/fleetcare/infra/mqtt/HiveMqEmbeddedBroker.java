package io.fleetcare.infra.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.fleetcare.infra.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HiveMQ Community Edition embedded in this JVM, for machines without Mosquitto. It speaks MQTT 5
 * with shared subscriptions; an embedded extension applies the same accounts and topic rules as
 * the Mosquitto ACL, and refuses a device whose client id is not its username (as {@link MosquittoBroker} does).
 */
public final class HiveMqEmbeddedBroker implements MqttBroker {

    private final EmbeddedHiveMQ hivemq;
    private final int port;
    private final AccountsExtension accounts;

    private HiveMqEmbeddedBroker(EmbeddedHiveMQ hivemq, int port, AccountsExtension accounts) {
        this.hivemq = hivemq;
        this.port = port;
        this.accounts = accounts;
    }

    static boolean isOnClasspath() {
        try {
            Class.forName("com.hivemq.embedded.EmbeddedHiveMQ", false, HiveMqEmbeddedBroker.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Starts the broker and waits until it listens. */
    public static HiveMqEmbeddedBroker start(MqttBrokerSettings settings) {
        try {
            Path dir = Files.createDirectories(settings.workDir());
            Path conf = Files.createDirectories(dir.resolve("conf"));
            Path data = Files.createDirectories(dir.resolve("data"));
            Path extensions = Files.createDirectories(dir.resolve("extensions"));
            int port = FreePorts.pick();
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener>
                          <port>%d</port>
                          <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                      </listeners>
                      <mqtt>
                        <queued-messages>
                          <max-queue-size>100000</max-queue-size>
                          <strategy>discard-oldest</strategy>
                        </queued-messages>
                      </mqtt>
                      <anonymous-usage-statistics>
                        <enabled>false</enabled>
                      </anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port));
            AccountsExtension accountRules = new AccountsExtension(settings);
            EmbeddedExtension accounts = EmbeddedExtension.builder()
                    .withId("fleetcare-accounts")
                    .withName("FleetCare device accounts")
                    .withVersion("1")
                    .withAuthor("FleetCare")
                    .withPriority(1000)
                    .withStartPriority(1000)
                    .withExtensionMain(accountRules)
                    .build();
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(data)
                    .withExtensionsFolder(extensions)
                    .withEmbeddedExtension(accounts)
                    .withoutLoggingBootstrap()
                    .build();
            hivemq.start().get(60, TimeUnit.SECONDS);
            return new HiveMqEmbeddedBroker(hivemq, port, accountRules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the HiveMQ directories", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting HiveMQ", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("embedded HiveMQ did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String serverUri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String kind() {
        return "hivemq-embedded";
    }

    /** Takes effect for the next CONNECT; connections open already stay open. */
    @Override
    public void updateDeviceSecret(String deviceId, String passwordHash) {
        MqttBrokerSettings.requireAccountName(deviceId);
        MosquittoPasswordFile.requireWellFormed(passwordHash);
        accounts.updateDevice(deviceId, passwordHash);
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("embedded HiveMQ did not stop cleanly", e);
        }
    }

    /** Authenticates accounts and grants each its topics, denying everything else. */
    private static final class AccountsExtension implements ExtensionMain {
        private final MqttBrokerSettings settings;
        /** Device accounts added or changed since the start: device id -> $7$ hash; they win over the settings. */
        private final java.util.concurrent.ConcurrentMap<String, String> updated =
                new java.util.concurrent.ConcurrentHashMap<>();

        AccountsExtension(MqttBrokerSettings settings) {
            this.settings = settings;
        }

        void updateDevice(String deviceId, String passwordHash) {
            if (deviceId.equals(settings.serviceUser())) {
                throw new IllegalArgumentException("the service account is not a device: " + deviceId);
            }
            updated.put(deviceId, passwordHash);
        }

        private boolean accepts(String user, String password) {
            String hash = user == null ? null : updated.get(user);
            if (hash == null) {
                return settings.accepts(user, password);
            }
            return password != null && MosquittoPasswordFile.matches(password, hash);
        }

        @Override
        public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
            SimpleAuthenticator authenticator = this::authenticate;
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        }

        private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
            String user = input.getConnectPacket().getUserName().orElse(null);
            String password = input.getConnectPacket().getPassword().map(HiveMqEmbeddedBroker::utf8).orElse(null);
            if (!accepts(user, password)) {
                output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad credentials");
                return;
            }
            if (!user.equals(settings.serviceUser()) && !user.equals(input.getClientInformation().getClientId())) {
                // refused before HiveMQ looks at the session, so the device whose id it named stays connected
                output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                        "a device connects with client id = its username");
                return;
            }
            String filter = user.equals(settings.serviceUser()) ? "devices/#" : "devices/" + user + "/#";
            output.getDefaultPermissions().add(Builders.topicPermission()
                    .topicFilter(filter)
                    .type(TopicPermission.PermissionType.ALLOW)
                    .build());
            output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
            output.authenticateSuccessfully();
        }

        @Override
        public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
            // nothing to release
        }
    }

    private static String utf8(ByteBuffer buffer) {
        ByteBuffer copy = buffer.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
