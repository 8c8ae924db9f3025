package io.fleetcare.api.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where the backup and restore commands connect: {@code FLEETCARE_DB_URL} (a {@code jdbc:postgresql:} URL),
 * {@code FLEETCARE_DB_USER} and {@code FLEETCARE_DB_PASSWORD}. The restore needs a superuser (it switches triggers
 * off with {@code session_replication_role}).
 */
record DatabaseConnection(String url, String user, String password) {

    static DatabaseConnection fromEnvironment(Map<String, String> env) {
        String url = env.get("FLEETCARE_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("set FLEETCARE_DB_URL to the database's jdbc:postgresql: URL "
                    + "(and FLEETCARE_DB_USER, FLEETCARE_DB_PASSWORD)");
        }
        return new DatabaseConnection(url, env.getOrDefault("FLEETCARE_DB_USER", "postgres"),
                env.getOrDefault("FLEETCARE_DB_PASSWORD", ""));
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
