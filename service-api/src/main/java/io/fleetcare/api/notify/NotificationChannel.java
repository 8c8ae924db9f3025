package io.fleetcare.api.notify;

/** How a notification reaches its recipient. */
public enum NotificationChannel {
    /** An e-mail over SMTP (Quarkus Mailer); the address is an e-mail address. */
    EMAIL,
    /** A signed HTTP POST; the address is an http(s) URL, the target holds the HMAC key. */
    WEBHOOK,
    /** Shown in the web UI to the signed-in account; the address is a username. */
    IN_APP
}
