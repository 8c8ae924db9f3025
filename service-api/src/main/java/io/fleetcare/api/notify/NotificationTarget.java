package io.fleetcare.api.notify;

import java.util.Objects;

/**
 * One recipient of one level of a rule.
 *
 * @param id      the stored target's id; null before it is stored
 * @param channel never null
 * @param address an e-mail address, a webhook URL or a username; never null
 * @param secret  the webhook's HMAC key in clear; only for WEBHOOK, null otherwise. Never shown to a client.
 */
public record NotificationTarget(Long id, NotificationChannel channel, String address, String secret) {

    public NotificationTarget {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
    }
}
