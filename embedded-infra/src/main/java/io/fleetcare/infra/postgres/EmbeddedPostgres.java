package io.fleetcare.infra.postgres;

import io.fleetcare.infra.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (the binaries zonky ships through Maven Central) started from this JVM
 * on a free loopback port. Connections use the {@code postgres} superuser with local trust
 * authentication: for tests and the embedded demo only, never for production.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String USER = "postgres";

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a throw-away server whose data directory is deleted on {@link #close()}. */
    public static EmbeddedPostgres start() {
        return start(null);
    }

    /**
     * Starts a server.
     *
     * @param dataDir the cluster's data directory, kept and reused by a later start; null for a
     *                throw-away server
     * @throws UncheckedIOException when the server does not start
     */
    public static EmbeddedPostgres start(Path dataDir) {
        try {
            // one shared folder for the extracted binaries: zonky unpacks them once (under a lock)
            Path workDir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "fleetcare-embedded-pg"));
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setPort(FreePorts.pick())
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /**
     * JDBC URL of a database on this server, created first if it does not exist.
     *
     * @param database lower-case name: letters, digits, underscore
     * @throws IllegalArgumentException for any other name
     */
    public String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    public String username() {
        return USER;
    }

    /** The password clients send; the embedded server trusts local connections, so any value works. */
    public String password() {
        return USER;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
