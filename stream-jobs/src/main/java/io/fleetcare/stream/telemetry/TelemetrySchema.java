package io.fleetcare.stream.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the job's own schema {@code telemetry} (the service API keeps its Flyway
 * schema elsewhere). Scripts live on the classpath under {@code db/telemetry/}: version 1 is the
 * same for every database, version 2 depends on the {@link StorageLayout}, which is chosen when
 * version 2 is first applied ({@link #chooseLayout}) and read back from
 * {@code telemetry.schema_version} afterwards.
 *
 * <p>Scripts run statement by statement in auto-commit mode (TimescaleDB refuses to create
 * continuous aggregates inside a transaction) and are written to be re-runnable, so a start
 * that fails half-way is completed by the next. Concurrent starts are serialized by an advisory
 * lock.
 */
public final class TelemetrySchema {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetrySchema.class);
    private static final long MIGRATION_LOCK = 0x7465_6c65_6d65_7472L;
    private static final String SCRIPTS = "db/telemetry/";

    private TelemetrySchema() {
    }

    private record Script(int version, String description, String resource) {
    }

    /**
     * Brings the schema to the newest version.
     *
     * @return the layout the schema has
     * @throws SQLException when the database cannot be reached or a script fails
     */
    public static StorageLayout migrate(JdbcSettings jdbc) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                statement.execute("CREATE SCHEMA IF NOT EXISTS telemetry");
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS telemetry.schema_version (
                            version     integer     PRIMARY KEY,
                            description text        NOT NULL,
                            layout      text        NOT NULL,
                            applied_at  timestamptz NOT NULL DEFAULT now())""");
                Map<Integer, StorageLayout> applied = applied(statement);
                StorageLayout layout = applied.values().stream().findFirst()
                        .orElseGet(() -> detect(statement));
                for (Script script : scripts(layout)) {
                    if (!applied.containsKey(script.version())) {
                        apply(connection, statement, script, layout);
                    }
                }
                LOG.info("telemetry schema ready: layout {} ({}), versions {}", layout,
                        layout == StorageLayout.TIMESCALEDB
                                ? "hypertable, compression and retention policies, continuous aggregates"
                                : "plain PostgreSQL: BRIN on ts, hourly rollup table kept by the sink",
                        scripts(layout).stream().map(s -> "V" + s.version()).collect(Collectors.joining(", ")));
                return layout;
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        }
    }

    private static List<Script> scripts(StorageLayout layout) {
        return List.of(
                new Script(1, "readings and device state", SCRIPTS + "V1__readings_and_device_state.sql"),
                new Script(2, "storage layout " + layout.name(), SCRIPTS + layout.layoutScript()),
                new Script(3, "alert state and device health", SCRIPTS + "V3__alert_state_and_device_health.sql"));
    }

    private static Map<Integer, StorageLayout> applied(Statement statement) throws SQLException {
        Map<Integer, StorageLayout> applied = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT version, layout FROM telemetry.schema_version")) {
            while (rows.next()) {
                applied.put(rows.getInt(1), StorageLayout.valueOf(rows.getString(2)));
            }
        }
        return applied;
    }

    /** What a database offers of TimescaleDB. */
    enum Timescale {
        /** Created in this database. */
        INSTALLED,
        /** Shipped with the server ({@code pg_available_extensions}) but not created in this database. */
        AVAILABLE,
        /** Not shipped with the server: plain PostgreSQL. */
        ABSENT
    }

    /** Creates the TimescaleDB extension; false when the database refuses. */
    @FunctionalInterface
    interface ExtensionCreation {
        boolean tryCreate();
    }

    /**
     * The layout of a new schema: TimescaleDB when the extension is created in the database, or is
     * available and can be created now (it needs the privilege and {@code shared_preload_libraries});
     * plain PostgreSQL otherwise. {@code creation} is asked only for {@link Timescale#AVAILABLE}.
     */
    static StorageLayout chooseLayout(Timescale timescale, ExtensionCreation creation) {
        return switch (timescale) {
            case INSTALLED -> StorageLayout.TIMESCALEDB;
            case AVAILABLE -> creation.tryCreate() ? StorageLayout.TIMESCALEDB : StorageLayout.PLAIN_POSTGRESQL;
            case ABSENT -> StorageLayout.PLAIN_POSTGRESQL;
        };
    }

    private static StorageLayout detect(Statement statement) {
        Timescale timescale = timescale(statement);
        StorageLayout layout = chooseLayout(timescale, () -> createTimescale(statement));
        LOG.info("TimescaleDB is {} in this database: telemetry layout {}", timescale, layout);
        return layout;
    }

    /** Reads {@code pg_available_extensions}, which lists every extension the server ships, created or not. */
    static Timescale timescale(Statement statement) {
        try (ResultSet rows = statement.executeQuery(
                "SELECT installed_version IS NOT NULL FROM pg_available_extensions WHERE name = 'timescaledb'")) {
            if (!rows.next()) {
                return Timescale.ABSENT;
            }
            return rows.getBoolean(1) ? Timescale.INSTALLED : Timescale.AVAILABLE;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the available extensions", e);
        }
    }

    private static boolean createTimescale(Statement statement) {
        try {
            statement.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
            return true;
        } catch (SQLException e) {
            LOG.warn("TimescaleDB is available but cannot be created ({}); using the plain PostgreSQL layout. "
                    + "Create the extension as a superuser with timescaledb in shared_preload_libraries "
                    + "before the job first starts to get the TimescaleDB layout.", e.getMessage());
            return false;
        }
    }

    private static void apply(Connection connection, Statement statement, Script script, StorageLayout layout)
            throws SQLException {
        LOG.info("applying telemetry schema V{} ({})", script.version(), script.resource());
        for (String sql : statements(script.resource())) {
            statement.execute(sql);
        }
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO telemetry.schema_version (version, description, layout) VALUES (?, ?, ?)")) {
            record.setInt(1, script.version());
            record.setString(2, script.description());
            record.setString(3, layout.name());
            record.executeUpdate();
        }
    }

    /** The statements of a script: comment lines dropped, split at semicolons that end a line. */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = TelemetrySchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema script " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema script " + resource, e);
        }
        String code = text.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        List<String> statements = new ArrayList<>();
        for (String part : code.split(";\\s*(\\n|$)")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }
}
