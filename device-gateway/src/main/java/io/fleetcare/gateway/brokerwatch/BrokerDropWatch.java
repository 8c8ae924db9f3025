package io.fleetcare.gateway.brokerwatch;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns readings of a broker's dropped-message counter (Mosquitto's {@code $SYS/broker/publish/messages/dropped}:
 * messages dropped since the broker started) into a running total and alert episodes. Library-free; thread-safe.
 *
 * <ul>
 *   <li>The first reading counts as drops when it is above zero: they happened before this gateway watched (e.g.
 *       while it was down and its session's queue overflowed), and are loss all the same.</li>
 *   <li>A reading above the previous one is that many drops; a reading below it means the broker restarted and its
 *       counter began again, so the whole reading is new drops.</li>
 *   <li>Drops while no episode is open raise one {@link Alert.State#RAISED} alert ({@link Severity#MAJOR}) naming the
 *       broker and the count; further drops in the same episode raise nothing more (the metric keeps counting).</li>
 *   <li>Once no drop was seen for {@code clearAfter}, {@link #tick} clears the episode with its total.</li>
 * </ul>
 */
public final class BrokerDropWatch {

    /** The alert's rule. */
    public static final String RULE_ID = "platform.broker-messages-dropped";
    /** Evidence metric: messages dropped in the episode up to the transition. */
    public static final String DROPPED_METRIC = "broker.messages_dropped";
    /** Evidence metric: the broker's own counter at the transition. */
    public static final String COUNTER_METRIC = "broker.publish.messages.dropped";

    private final String broker;
    private final Duration clearAfter;
    private Long lastReading;
    private long droppedTotal;
    private Instant episodeStart;
    private Instant lastDropAt;
    private long droppedInEpisode;

    /**
     * @param broker     the broker's name, used as the alert's device id; never blank
     * @param clearAfter how long without a drop closes an episode; positive
     */
    public BrokerDropWatch(String broker, Duration clearAfter) {
        if (broker == null || broker.isBlank()) {
            throw new IllegalArgumentException("broker name must not be blank");
        }
        if (clearAfter == null || clearAfter.isNegative() || clearAfter.isZero()) {
            throw new IllegalArgumentException("clearAfter must be positive: " + clearAfter);
        }
        this.broker = broker;
        this.clearAfter = clearAfter;
    }

    /**
     * One reading of the broker's counter.
     *
     * @param counter the counter's value; not negative
     * @param at      when it was read; never null
     * @return the alert to publish when this reading opens an episode; empty otherwise
     * @throws IllegalArgumentException when the counter is negative
     */
    public synchronized Optional<Alert> counterRead(long counter, Instant at) {
        Objects.requireNonNull(at, "at");
        if (counter < 0) {
            throw new IllegalArgumentException("a dropped-message counter cannot be negative: " + counter);
        }
        boolean first = lastReading == null;
        long dropped = first || counter < lastReading ? counter : counter - lastReading;
        lastReading = counter;
        if (dropped == 0) {
            return Optional.empty();
        }
        droppedTotal += dropped;
        lastDropAt = at;
        if (episodeStart != null) {
            droppedInEpisode += dropped;
            return Optional.empty();
        }
        episodeStart = at;
        droppedInEpisode = dropped;
        String message = first
                ? "MQTT broker %s has dropped %d messages since it started (seen when this gateway began watching): "
                        .formatted(broker, dropped) + "device messages the broker had acknowledged are lost"
                : "MQTT broker %s dropped %d messages (a subscriber session's queue was full): ".formatted(broker,
                        dropped) + "device messages the broker had acknowledged are lost";
        return Optional.of(alert(Alert.State.RAISED, at, message, counter));
    }

    /**
     * Closes the open episode once no drop was seen for {@code clearAfter}.
     *
     * @param now never null
     * @return the {@link Alert.State#CLEARED} alert to publish, with the episode's total; empty otherwise
     */
    public synchronized Optional<Alert> tick(Instant now) {
        if (episodeStart == null || now.isBefore(lastDropAt.plus(clearAfter))) {
            return Optional.empty();
        }
        Alert cleared = alert(Alert.State.CLEARED, now, "MQTT broker %s dropped no messages for %s; %d dropped in "
                .formatted(broker, clearAfter, droppedInEpisode) + "this episode", lastReading);
        episodeStart = null;
        lastDropAt = null;
        droppedInEpisode = 0;
        return Optional.of(cleared);
    }

    /** Messages the broker dropped as far as this watch has seen (including those before its first reading). */
    public synchronized long droppedTotal() {
        return droppedTotal;
    }

    /** Whether the broker's counter has been read at least once. */
    public synchronized boolean counterSeen() {
        return lastReading != null;
    }

    public String broker() {
        return broker;
    }

    private Alert alert(Alert.State state, Instant at, String message, long counter) {
        UUID id = UUID.nameUUIDFromBytes((RULE_ID + "/" + broker + "/" + episodeStart)
                .getBytes(StandardCharsets.UTF_8));
        return new Alert(id.toString(), broker, DeviceType.PLATFORM_COMPONENT, null, RULE_ID, Severity.MAJOR, state,
                episodeStart, at, message, List.of(Evidence.reading(at, DROPPED_METRIC, droppedInEpisode),
                        Evidence.reading(at, COUNTER_METRIC, counter)));
    }
}
