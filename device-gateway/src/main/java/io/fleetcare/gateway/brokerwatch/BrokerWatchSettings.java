package io.fleetcare.gateway.brokerwatch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The broker drop watch ({@code fleetcare.broker-watch.*}): a second MQTT connection of the gateway (same broker and
 * service account as {@code fleetcare.mqtt.*}, no session) reads the broker's dropped-message counter into
 * {@code gateway_broker_messages_dropped_total{broker}} and raises an alert on {@code device.alerts} when it grows.
 */
@ConfigMapping(prefix = "fleetcare.broker-watch")
public interface BrokerWatchSettings {

    /** Off: no second connection, no metric, no alert. One instance per broker is enough (each raises its own). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The broker's name in the metric and as the alert's device id; absent: {@code mqtt-broker@host:port} of
     * {@code fleetcare.mqtt.server-uri}.
     */
    Optional<String> brokerName();

    /** Where the broker publishes the count of messages it dropped since it started (Mosquitto's {@code $SYS}). */
    @WithDefault("$SYS/broker/publish/messages/dropped")
    String droppedTopic();

    /** An episode is cleared after this long without a drop. */
    @WithDefault("PT5M")
    Duration clearAfter();

    /**
     * Without a first reading this long after connecting, the watch reports itself not available (WARN once,
     * {@code gateway_broker_drop_watch_available} 0): the broker publishes no such counter (embedded HiveMQ), or
     * the service account may not read it.
     */
    @WithDefault("PT60S")
    Duration unavailableAfter();
}
