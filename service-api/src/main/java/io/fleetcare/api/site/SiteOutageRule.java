package io.fleetcare.api.site;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When the offline alerts of one site's devices are a site outage: at least {@link #threshold(int)} of its devices
 * went offline within {@link #window()} of each other (by the alerts' raise time, device time). While that is
 * not (yet) so, the site's alerts are held until no new one has arrived for one window, so that the rest of the
 * site can follow even when the service takes the burst in slowly (a lagging consumer spreads arrivals, not raise
 * times); then they are released to be judged alone. No alert is held longer than {@value #MAX_HOLD_WINDOWS}
 * windows, so a site that keeps losing single devices still gets their tickets. Pure logic, no state:
 * {@link SiteCorrelation} keeps the state.
 *
 * @param minDevices fewest offline devices that make an outage, whatever the site's size; at least 2
 * @param minShare   share of the site's devices that must be offline too, 0 (none) to 1 (all)
 * @param window     how close together the devices must go offline, and how long an alert is held; positive
 */
public record SiteOutageRule(int minDevices, double minShare, Duration window) {

    /** The longest an alert is held, in windows. */
    public static final int MAX_HOLD_WINDOWS = 5;

    /** @throws IllegalArgumentException when a component is out of its range */
    public SiteOutageRule {
        Objects.requireNonNull(window, "window");
        if (minDevices < 2) {
            throw new IllegalArgumentException("min-devices must be at least 2, was " + minDevices);
        }
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("min-share must be between 0 and 1, was " + minShare);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }

    /** One device's offline alert that has not cleared. */
    public record Offline(String alertId, String deviceId, Instant raisedAt, Instant receivedAt) {
    }

    /**
     * What to do with a site's held alerts.
     *
     * @param outage   whether they are a site outage: then every held alert joins it
     * @param released the held alerts to judge alone now (empty when {@code outage}); never null
     */
    public record Verdict(boolean outage, List<Offline> released) {
    }

    /** How many offline devices make an outage of a site with {@code siteSize} devices. */
    public int threshold(int siteSize) {
        return Math.max(minDevices, (int) Math.ceil(minShare * siteSize));
    }

    /** {@link #judge(int, List, Instant, Instant)} for a site none of whose devices has come back lately. */
    public Verdict judge(int siteSize, List<Offline> held, Instant now) {
        return judge(siteSize, held, null, now);
    }

    /**
     * @param siteSize  how many devices the site has
     * @param held      the site's alerts not yet decided on, none cleared; never null
     * @param lastClear when the service last took in a clear of one of the site's devices (its clock), or null:
     *                  devices coming back are activity at the site as much as devices going away, so that the
     *                  devices still offline when an outage ends stay held while the rest of the site returns
     * @param now       the service's clock
     * @return whether the held alerts are an outage, else which of them are due: all once the site has had no
     *         new one and no clear for a window, and any held for {@value #MAX_HOLD_WINDOWS} windows
     */
    public Verdict judge(int siteSize, List<Offline> held, Instant lastClear, Instant now) {
        if (mostTogether(held) >= threshold(siteSize)) {
            return new Verdict(true, List.of());
        }
        Instant lastArrival = held.stream().map(Offline::receivedAt).max(Comparator.naturalOrder()).orElse(now);
        Instant lastActivity = lastClear != null && lastClear.isAfter(lastArrival) ? lastClear : lastArrival;
        boolean quiet = !lastActivity.plus(window).isAfter(now);
        Duration maxHold = window.multipliedBy(MAX_HOLD_WINDOWS);
        List<Offline> released = new ArrayList<>();
        for (Offline alert : held) {
            if (quiet || !alert.receivedAt().plus(maxHold).isAfter(now)) {
                released.add(alert);
            }
        }
        return new Verdict(false, released);
    }

    /** Whether a site with an open outage still has one with {@code stillOffline} of its devices offline. */
    public boolean stillAnOutage(int siteSize, int stillOffline) {
        return stillOffline >= threshold(siteSize);
    }

    /** The most distinct devices whose raise times fit in one window. */
    private int mostTogether(List<Offline> alerts) {
        List<Offline> sorted = alerts.stream().sorted(Comparator.comparing(Offline::raisedAt)).toList();
        int most = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (Duration.between(sorted.get(start).raisedAt(), sorted.get(end).raisedAt()).compareTo(window) > 0) {
                start++;
            }
            most = Math.max(most, (int) sorted.subList(start, end + 1).stream().map(Offline::deviceId).distinct()
                    .count());
        }
        return most;
    }
}
