package io.fleetcare.gateway.ocpp;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing waits for OCPP upgrades with wrong credentials, in memory of this instance, under three keys: charge point
 * id + source address (a guesser at one address waits; the charger itself elsewhere does not), source address (one
 * address guessing many chargers) and charge point id across addresses (a guesser with many addresses) — the last two
 * only for a charger + address that has not connected successfully within {@code trustedSourceFor}, so a guesser
 * cannot keep a charger out of the network it connects from. After the free failures of a key, its next upgrade
 * waits {@code firstDelay}, doubled with each further wrong password, up to {@code maxDelay}; upgrades refused for
 * coming too early are not failures (no password was checked), so hammering does not grow the wait. Counts are
 * forgotten {@code forgetAfter} after their last failure; each map is pruned beyond {@code maxTracked}. Thread-safe.
 */
final class UpgradeThrottle {

    private static final String UNKNOWN_SOURCE = "?";

    private final Limits limits;
    private final Map<String, Failures> byChargerAndSource = new ConcurrentHashMap<>();
    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();
    private final Map<String, Failures> byCharger = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

    /**
     * @param chargerAndSourceFree failures without a wait per charge point id + address; at least 0
     * @param sourceFree           per address, whatever charge point ids
     * @param chargerFree          per charge point id, whatever addresses
     * @param firstDelay           positive
     * @param maxDelay             at least {@code firstDelay}
     */
    record Limits(int chargerAndSourceFree, int sourceFree, int chargerFree, Duration firstDelay, Duration maxDelay,
                  Duration forgetAfter, Duration trustedSourceFor, int maxTracked) {

        Limits {
            if (chargerAndSourceFree < 0 || sourceFree < 0 || chargerFree < 0 || firstDelay.isNegative()
                    || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || maxTracked < 1) {
                throw new IllegalArgumentException("an upgrade throttle needs free failures >= 0, "
                        + "0 < firstDelay <= maxDelay and maxTracked >= 1");
            }
        }

        static Limits of(OcppSettings.Throttle settings) {
            return new Limits(settings.chargerAndSourceFreeFailures(), settings.sourceFreeFailures(),
                    settings.chargerFreeFailures(), settings.firstDelay(), settings.maxDelay(), settings.forgetAfter(),
                    settings.trustedSourceFor(), settings.maxTracked());
        }
    }

    UpgradeThrottle(Limits limits) {
        this.limits = limits;
    }

    /**
     * @param source the peer's address; null when unknown
     * @return how long until this upgrade's credentials may be checked; empty when now
     */
    Optional<Duration> waitBefore(String chargePointId, String source, Instant now) {
        String src = source == null ? UNKNOWN_SOURCE : source;
        Duration longest = remaining(byChargerAndSource.get(chargePointId + "|" + src), now);
        if (!trusted(chargePointId, src, now)) {
            longest = longer(longest, remaining(bySource.get(src), now));
            longest = longer(longest, remaining(byCharger.get(chargePointId), now));
        }
        return Optional.ofNullable(longest);
    }

    /** Counts a wrong password or an unknown charge point id under all three keys. */
    void failed(String chargePointId, String source, Instant now) {
        String src = source == null ? UNKNOWN_SOURCE : source;
        count(byChargerAndSource, chargePointId + "|" + src, limits.chargerAndSourceFree(), now);
        count(bySource, src, limits.sourceFree(), now);
        count(byCharger, chargePointId, limits.chargerFree(), now);
    }

    /** The charger connected: clears its count at this address and trusts the address for it. */
    void succeeded(String chargePointId, String source, Instant now) {
        String src = source == null ? UNKNOWN_SOURCE : source;
        byChargerAndSource.remove(chargePointId + "|" + src);
        lastSuccess.put(chargePointId + "|" + src, now);
        if (lastSuccess.size() > limits.maxTracked()) {
            lastSuccess.values().removeIf(at -> !now.isBefore(at.plus(limits.trustedSourceFor())));
        }
    }

    private boolean trusted(String chargePointId, String src, Instant now) {
        Instant at = lastSuccess.get(chargePointId + "|" + src);
        return at != null && now.isBefore(at.plus(limits.trustedSourceFor()));
    }

    private static Duration remaining(Failures f, Instant now) {
        return f == null || !now.isBefore(f.waitUntil()) ? null : Duration.between(now, f.waitUntil());
    }

    private static Duration longer(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    private void count(Map<String, Failures> map, String key, int free, Instant now) {
        map.compute(key, (k, f) -> {
            int failures = f == null || !now.isBefore(f.lastFailureAt().plus(limits.forgetAfter())) ? 1
                    : f.failures() + 1;
            return new Failures(failures, now, now.plus(delayAfter(failures, free)));
        });
        if (map.size() > limits.maxTracked()) {
            map.values().removeIf(f -> !now.isBefore(f.lastFailureAt().plus(limits.forgetAfter())));
        }
        if (map.size() > limits.maxTracked()) {
            map.values().removeIf(f -> !now.isBefore(f.waitUntil()));
        }
    }

    /** Zero within the free failures, then firstDelay doubled per further failure, capped at maxDelay. */
    Duration delayAfter(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        Duration delay = limits.firstDelay();
        for (int i = failures - free - 1; i > 0 && delay.compareTo(limits.maxDelay()) < 0; i--) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : delay;
    }

    private record Failures(int failures, Instant lastFailureAt, Instant waitUntil) {
    }
}
