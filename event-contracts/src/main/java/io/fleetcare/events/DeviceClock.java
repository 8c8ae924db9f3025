package io.fleetcare.events;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a device's clock can be trusted for one event. Device real-time clocks are often wrong in the
 * field (a set-top box back in 1970 after a power cut, one running years ahead): when the timestamp a device
 * reported differs from the gateway's receive time by more than the tolerance, the event time
 * ({@link DeviceEvent#deviceTs()}) becomes the receive time and the event is marked {@link DeviceEvent#clockSkewed()}.
 * The gateway checks every event in its shared ingest path, the stream job checks again after its source (records of
 * a gateway without the check, a tolerance of its own). Immutable and thread-safe.
 */
public final class DeviceClock implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Five minutes: far beyond network and queueing delays, far below the clock errors seen in the field. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final Duration tolerance;

    /**
     * @param tolerance how far a reported timestamp may lie from the receive time, either way; positive
     * @throws IllegalArgumentException when the tolerance is zero or negative
     */
    public DeviceClock(Duration tolerance) {
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isZero() || tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
        }
        this.tolerance = tolerance;
    }

    public Duration tolerance() {
        return tolerance;
    }

    /** True when {@code reported} lies more than the tolerance before or after {@code received}; neither null. */
    public boolean isSkewed(Instant reported, Instant received) {
        return Duration.between(received, reported).abs().compareTo(tolerance) > 0;
    }

    /**
     * The event with its device time checked: {@code reportedTs} keeps what the device reported (taken from
     * {@code deviceTs} when the event was not checked before and its device time differs from the receive time;
     * an event whose device time equals its receive time reported none), {@code deviceTs} is that time when it lies
     * within the tolerance of the receive time, else the receive time with {@code clockSkewed} set. Checking a
     * checked event again decides anew from its {@code reportedTs} (so another tolerance can change the decision).
     *
     * @param event never null
     * @return the same instance when nothing changes; never null
     */
    public DeviceEvent check(DeviceEvent event) {
        Instant reported = reported(event);
        if (reported == null) {
            return event.clockSkewed() ? with(event, null, event.receivedTs(), false) : event;
        }
        boolean skewed = isSkewed(reported, event.receivedTs());
        Instant eventTime = skewed ? event.receivedTs() : reported;
        if (reported.equals(event.reportedTs()) && eventTime.equals(event.deviceTs()) && skewed == event.clockSkewed()) {
            return event;
        }
        return with(event, reported, eventTime, skewed);
    }

    /**
     * The event time {@link #check} would give the event, without building the checked event.
     *
     * @param event never null
     * @return never null
     */
    public Instant eventTime(DeviceEvent event) {
        Instant reported = reported(event);
        return reported == null || isSkewed(reported, event.receivedTs()) ? event.receivedTs() : reported;
    }

    /**
     * How far the device's clock was off for this event: reported minus received time (negative when the clock is
     * behind); null when the event carries no reported time ({@link #check} not applied, or the device sent none).
     */
    public static Duration offset(DeviceEvent event) {
        return event.reportedTs() == null ? null : Duration.between(event.receivedTs(), event.reportedTs());
    }

    /**
     * The size of a clock offset in words, rounded down to its largest unit and followed by its direction:
     * {@code "4 years ahead"}, {@code "56 years behind"}, {@code "3 days ahead"}, {@code "7 minutes behind"}.
     *
     * @param offset reported minus received time ({@link #offset}); never null
     */
    public static String describe(Duration offset) {
        Duration size = offset.abs();
        long days = size.toDays();
        String amount;
        if (days >= 365) {
            amount = plural((long) (days / 365.2425), "year");
        } else if (days >= 1) {
            amount = plural(days, "day");
        } else if (size.toHours() >= 1) {
            amount = plural(size.toHours(), "hour");
        } else if (size.toMinutes() >= 1) {
            amount = plural(size.toMinutes(), "minute");
        } else {
            amount = plural(size.toSeconds(), "second");
        }
        return amount + (offset.isNegative() ? " behind" : " ahead");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static Instant reported(DeviceEvent event) {
        if (event.reportedTs() != null) {
            return event.reportedTs();
        }
        return event.deviceTs().equals(event.receivedTs()) ? null : event.deviceTs();
    }

    private static DeviceEvent with(DeviceEvent e, Instant reported, Instant eventTime, boolean skewed) {
        return new DeviceEvent(e.eventId(), e.deviceId(), e.deviceType(), e.model(), e.protocol(), e.kind(),
                eventTime, e.receivedTs(), e.metrics(), e.status(), e.event(), reported, skewed);
    }

    @Override
    public String toString() {
        return "DeviceClock[tolerance=" + tolerance + "]";
    }
}
