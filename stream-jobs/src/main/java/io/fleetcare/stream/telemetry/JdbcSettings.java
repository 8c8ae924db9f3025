package io.fleetcare.stream.telemetry;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where the telemetry store lives.
 *
 * @param url      JDBC URL of the PostgreSQL (or TimescaleDB) database; never null
 * @param user     may be null (the driver's default, or the URL's)
 * @param password may be null; never printed
 */
public record JdbcSettings(String url, String user, String password) implements Serializable {

    public JdbcSettings {
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
