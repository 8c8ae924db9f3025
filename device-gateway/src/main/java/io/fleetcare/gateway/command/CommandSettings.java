package io.fleetcare.gateway.command;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Remote commands ({@code fleetcare.commands.*}; env {@code FLEETCARE_COMMANDS_GROUP_ID}, ...). */
@ConfigMapping(prefix = "fleetcare.commands")
public interface CommandSettings {

    /**
     * This instance's Kafka consumer group on {@code device.commands}. Every instance needs a group of its own
     * so that it sees the commands for the chargers connected to it; default
     * {@code device-gateway-commands-<MQTT client id>}.
     */
    Optional<String> groupId();

    /** How long to wait for a final answer when a command carries no {@code timeoutSeconds}. */
    @WithDefault("PT60S")
    Duration defaultTimeout();

    /**
     * Whether this instance sends set-top box commands over MQTT. With several instances, exactly one should
     * (each instance sees every command, and MQTT devices are not bound to an instance).
     */
    @WithDefault("true")
    boolean mqttEnabled();
}
