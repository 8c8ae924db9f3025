package io.fleetcare.api.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Growing delays for failed sign-ins, kept in memory of this instance, under three keys:
 * <ul>
 *   <li>username + source address: a guesser from one address waits, the same person from elsewhere does not;</li>
 *   <li>source address: one address trying many usernames (password spraying);</li>
 *   <li>username, across every address (a guesser with many addresses).</li>
 * </ul>
 * The last two apply only to a username + address pair that has not signed in successfully within
 * {@code trustedSourceFor}, so an outsider cannot lock the rightful person out of the places they work from (nor,
 * behind a shared address or proxy, everybody else who signed in there before).
 * Only passwords that were checked and found wrong count ({@link #failed}); an attempt refused because it came too
 * early ({@link #waitBefore}) changes nothing. A success clears the username + source count only: the other two keys
 * forget their failures after {@code forgetAfter} without one. Thread-safe; each map is pruned of forgotten entries
 * when it grows beyond {@code maxTracked}.
 */
final class SignInThrottle {

    /** Key of an unknown source address. */
    static final String UNKNOWN_SOURCE = "?";

    private final ThrottlePolicy accountAndSource;
    private final ThrottlePolicy source;
    private final ThrottlePolicy account;
    private final Duration trustedSourceFor;
    private final Duration forgetAfter;
    private final int maxTracked;

    private final Map<String, Failures> byAccountAndSource = new ConcurrentHashMap<>();
    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();

    SignInThrottle(ThrottlePolicy accountAndSource, ThrottlePolicy source, ThrottlePolicy account,
            Duration trustedSourceFor, Duration forgetAfter, int maxTracked) {
        this.accountAndSource = accountAndSource;
        this.source = source;
        this.account = account;
        this.trustedSourceFor = trustedSourceFor;
        this.forgetAfter = forgetAfter;
        this.maxTracked = maxTracked;
    }

    /** Which key keeps an attempt waiting. */
    enum Scope {
        ACCOUNT_AND_SOURCE, SOURCE, ACCOUNT
    }

    /**
     * @param retryAfter how long until the attempt may be checked, positive
     * @param scope the key with the longest wait
     */
    record Wait(Duration retryAfter, Scope scope) {
    }

    /**
     * Whether an attempt has to wait before its password may be checked. Never blocks, touches no database.
     *
     * @param sourceAddress null when unknown
     * @return empty when the attempt may be checked now
     */
    Optional<Wait> waitBefore(String username, String sourceAddress, Instant now) {
        String src = sourceOf(sourceAddress);
        Wait longest = longer(null, remaining(byAccountAndSource, username + "|" + src, now),
                Scope.ACCOUNT_AND_SOURCE);
        if (!trusted(username, src, now)) {
            longest = longer(longest, remaining(bySource, src, now), Scope.SOURCE);
            longest = longer(longest, remaining(byAccount, username, now), Scope.ACCOUNT);
        }
        return Optional.ofNullable(longest);
    }

    /**
     * Counts a checked wrong password (or unknown username) under all three keys.
     *
     * @return how long the next attempt of this username from this source has to wait; empty when it need not
     */
    Optional<Duration> failed(String username, String sourceAddress, Instant now) {
        String src = sourceOf(sourceAddress);
        count(byAccountAndSource, username + "|" + src, accountAndSource, now);
        count(bySource, src, source, now);
        count(byAccount, username, account, now);
        return waitBefore(username, sourceAddress, now).map(Wait::retryAfter);
    }

    /** The right password: clears this username + source count and trusts the source for the username. */
    void succeeded(String username, String sourceAddress, Instant now) {
        String src = sourceOf(sourceAddress);
        byAccountAndSource.remove(username + "|" + src);
        lastSuccess.put(username + "|" + src, now);
        if (lastSuccess.size() > maxTracked) {
            lastSuccess.values().removeIf(at -> !now.isBefore(at.plus(trustedSourceFor)));
        }
    }

    private boolean trusted(String username, String src, Instant now) {
        Instant at = lastSuccess.get(username + "|" + src);
        return at != null && now.isBefore(at.plus(trustedSourceFor));
    }

    private static String sourceOf(String sourceAddress) {
        return sourceAddress == null ? UNKNOWN_SOURCE : sourceAddress;
    }

    private static Duration remaining(Map<String, Failures> map, String key, Instant now) {
        Failures f = map.get(key);
        return f == null || !now.isBefore(f.waitUntil()) ? null : Duration.between(now, f.waitUntil());
    }

    private static Wait longer(Wait current, Duration candidate, Scope scope) {
        if (candidate == null || (current != null && current.retryAfter().compareTo(candidate) >= 0)) {
            return current;
        }
        return new Wait(candidate, scope);
    }

    private void count(Map<String, Failures> map, String key, ThrottlePolicy policy, Instant now) {
        map.compute(key, (k, f) -> {
            int failures = f == null || !now.isBefore(f.lastFailureAt().plus(forgetAfter)) ? 1 : f.failures() + 1;
            Instant waitUntil = policy.delayAfter(failures).map(now::plus).orElse(now);
            return new Failures(failures, now, waitUntil);
        });
        if (map.size() > maxTracked) {
            map.values().removeIf(f -> !now.isBefore(f.lastFailureAt().plus(forgetAfter)));
        }
        if (map.size() > maxTracked) {
            map.values().removeIf(f -> !now.isBefore(f.waitUntil()));
        }
    }

    private record Failures(int failures, Instant lastFailureAt, Instant waitUntil) {
    }
}
