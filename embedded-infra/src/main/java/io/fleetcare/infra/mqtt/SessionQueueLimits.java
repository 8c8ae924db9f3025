package io.fleetcare.infra.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a broker holds for one subscriber session (the gateway's session on the shared subscription), and how
 * often it publishes its {@code $SYS} counters. Written into Mosquitto's configuration as
 * {@code max_queued_messages}, {@code max_queued_bytes}, {@code max_inflight_messages} and {@code sys_interval}.
 *
 * <p><b>The sizing rule.</b> A gateway session has to absorb whatever arrives while it is away or behind: a restart
 * (the session survives it, clean start off) and the first seconds after it. So, per gateway session,
 * <pre>
 *   messages  = peak fleet msg/s / gateway instances in the shared group * seconds to absorb
 *   bytes     = messages * mean payload bytes        (Mosquitto counts the payload only)
 *   inflight  = the gateway's Receive Maximum        (what one session may have unacknowledged)
 *   memory   ~= messages * (mean payload bytes + topic + {@value #BROKER_BYTES_PER_QUEUED_MESSAGE} B of broker bookkeeping)
 * </pre>
 * The bytes limit is the one that protects the broker's memory when bodies are larger than planned; the message
 * limit the one that is reached first when they are as planned. Whatever is past either limit Mosquitto
 * <em>drops</em>, QoS 1 included, although the device already had its PUBACK; it counts the drops in
 * {@code $SYS/broker/publish/messages/dropped}, which the gateway turns into a metric and an alert.
 *
 * <p><b>Scale-out.</b> More gateway instances in the same shared-subscription group split the messages between
 * them (each gets a share), and each instance's session has its own queue of these limits: n instances absorb n
 * times the backlog at the same broker memory per session, and each needs 1/n of the rate.
 *
 * @param maxQueuedMessages   messages queued per session above those in flight; positive
 * @param maxQueuedBytes      payload bytes queued per session above those in flight; positive
 * @param maxInflightMessages unacknowledged QoS 1/2 messages per session (MQTT 3.1.1 clients; an MQTT 5 client's own
 *                            Receive Maximum applies to it); positive
 * @param sysInterval         how often the broker publishes {@code $SYS} counters; at least one second
 */
public record SessionQueueLimits(int maxQueuedMessages, long maxQueuedBytes, int maxInflightMessages,
                                 Duration sysInterval) {

    /**
     * What Mosquitto needs per queued message besides its payload and topic (its stored message, the session's
     * queue entry and allocator overhead), measured on Mosquitto 2.0.11 ({@code $SYS/broker/heap/current} with
     * 100,000 queued 220-byte messages, see embedded-infra's README).
     */
    public static final int BROKER_BYTES_PER_QUEUED_MESSAGE = 300;

    /** Peak rate the embedded platform is sized for: the benchmarks' highest step. */
    public static final int EMBEDDED_PEAK_MESSAGES_PER_SECOND = 10_000;
    /** How long the embedded gateway may be away or behind: a restart plus its first seconds, with margin. */
    public static final Duration EMBEDDED_ABSORB = Duration.ofSeconds(60);
    /** Mean telemetry body of a set-top box or charger (about 200 bytes), rounded up. */
    public static final int EMBEDDED_MEAN_PAYLOAD_BYTES = 256;
    /** The gateway's default {@code fleetcare.mqtt.receive-maximum}. */
    public static final int GATEWAY_RECEIVE_MAXIMUM = 1_000;
    /** The topic length of {@code devices/{id}/telemetry} with a typical device id. */
    private static final int TOPIC_BYTES = 32;

    /**
     * What the embedded platform, the tests and the benchmarks run with: one gateway session absorbing 60 s at
     * 10,000 msg/s (600,000 messages, 150 MiB of payload, about 340 MiB of broker memory when full), counters every
     * 2 s.
     */
    public static final SessionQueueLimits EMBEDDED = forGatewaySession(EMBEDDED_PEAK_MESSAGES_PER_SECOND, 1,
            EMBEDDED_ABSORB, EMBEDDED_MEAN_PAYLOAD_BYTES, GATEWAY_RECEIVE_MAXIMUM, Duration.ofSeconds(2));

    public SessionQueueLimits {
        Objects.requireNonNull(sysInterval, "sysInterval");
        if (maxQueuedMessages <= 0 || maxQueuedBytes <= 0 || maxInflightMessages <= 0) {
            throw new IllegalArgumentException("queue and inflight limits must be positive: " + maxQueuedMessages
                    + " messages, " + maxQueuedBytes + " bytes, " + maxInflightMessages + " in flight");
        }
        if (sysInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("sys interval must be at least 1 s: " + sysInterval);
        }
    }

    /**
     * The sizing rule above.
     *
     * @param peakMessagesPerSecond all devices together at their peak
     * @param gatewayInstances      instances in the shared-subscription group; each has its own session and queue
     * @param absorb                how long one session must be able to be away or behind without loss
     * @param meanPayloadBytes      mean message body
     * @param receiveMaximum        the gateway's {@code fleetcare.mqtt.receive-maximum}
     * @param sysInterval           how often {@code $SYS} counters are published
     * @throws IllegalArgumentException when a figure is not positive or the result does not fit
     */
    public static SessionQueueLimits forGatewaySession(int peakMessagesPerSecond, int gatewayInstances,
            Duration absorb, int meanPayloadBytes, int receiveMaximum, Duration sysInterval) {
        if (peakMessagesPerSecond <= 0 || gatewayInstances <= 0 || meanPayloadBytes <= 0 || absorb.isNegative()
                || absorb.isZero()) {
            throw new IllegalArgumentException("rate, instances, payload and absorb time must be positive");
        }
        long messages = ceilDiv((long) peakMessagesPerSecond * absorb.toMillis(), 1_000L * gatewayInstances);
        if (messages > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " messages per session: " + messages);
        }
        return new SessionQueueLimits((int) messages, messages * meanPayloadBytes, receiveMaximum, sysInterval);
    }

    /**
     * Broker memory one session's full queue costs, by the rule above.
     *
     * @param meanPayloadBytes mean message body
     */
    public long memoryWhenFullBytes(int meanPayloadBytes) {
        long perMessage = meanPayloadBytes + TOPIC_BYTES + BROKER_BYTES_PER_QUEUED_MESSAGE;
        return Math.min(maxQueuedMessages * perMessage,
                maxQueuedBytes + (maxQueuedBytes / meanPayloadBytes) * (TOPIC_BYTES + BROKER_BYTES_PER_QUEUED_MESSAGE));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** The lines of {@code mosquitto.conf} that apply these limits. */
    String mosquittoConfig() {
        return """
                max_queued_messages %d
                max_queued_bytes %d
                max_inflight_messages %d
                sys_interval %d
                """.formatted(maxQueuedMessages, maxQueuedBytes, maxInflightMessages, sysInterval.toSeconds());
    }
}
