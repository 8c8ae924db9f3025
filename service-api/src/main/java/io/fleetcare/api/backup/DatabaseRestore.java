package io.fleetcare.api.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Restores a {@link DatabaseBackup} into a fresh, empty database: the service's schema by its own Flyway migrations
 * up to the backup's version, the other schemas from the backup's statements, then every table's rows by COPY and
 * every sequence's position — in one transaction, with triggers off ({@code session_replication_role = replica},
 * hence a superuser) so that the append-only and retention triggers let the archive back in unchanged. Afterwards
 * it counts every table against the manifest. Command: {@code ./fleetcare-restore <dir>}.
 */
public final class DatabaseRestore {

    private DatabaseRestore() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: fleetcare-restore <backup directory>   (env FLEETCARE_DB_URL of a new, empty "
                    + "database, FLEETCARE_DB_USER and FLEETCARE_DB_PASSWORD of a superuser)");
            System.exit(2);
        }
        BackupManifest manifest = restore(DatabaseConnection.fromEnvironment(System.getenv()), Path.of(args[0]));
        long rows = manifest.tables().stream().mapToLong(TableCopy::rows).sum();
        System.out.printf("Restored %d tables, %d rows, %d sequences (schema version %s, taken %s); counts verified%n",
                manifest.tables().size(), rows, manifest.sequences().size(), manifest.flywayVersion(),
                manifest.takenAt());
    }

    /**
     * @throws IllegalStateException when the target database is not empty, or a table's count differs afterwards
     *                               (nothing is committed then)
     */
    static BackupManifest restore(DatabaseConnection database, Path source) throws IOException, SQLException {
        BackupManifest manifest = BackupManifest.read(source);
        try (Connection c = database.open()) {
            if (!DatabaseCatalog.tables(c).isEmpty()) {
                throw new IllegalStateException("the target database is not empty; restore into a new database");
            }
        }
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration")
                .target(manifest.flywayVersion() == null ? MigrationVersion.EMPTY
                        : MigrationVersion.fromVersion(manifest.flywayVersion()))
                .load().migrate();
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            try {
                load(c, manifest, source);
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return manifest;
    }

    private static void load(Connection c, BackupManifest manifest, Path source) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            for (String statement : manifest.otherSchemasDdl()) {
                st.execute(statement);
            }
            st.execute("SET LOCAL session_replication_role = replica");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (TableCopy table : manifest.tables()) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM " + table.qualified());
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(source.resolve(table.file())))) {
                copy.copyIn("COPY " + table.qualified() + " (" + table.columnList() + ") FROM STDIN (FORMAT binary)",
                        in);
            }
        }
        for (Map.Entry<String, String> sequence : manifest.sequences().entrySet()) {
            String[] value = sequence.getValue().split(",");
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT setval(to_regclass(?), ?, ?) WHERE to_regclass(?) IS NOT NULL")) {
                st.setString(1, sequence.getKey());
                st.setLong(2, Long.parseLong(value[0]));
                st.setBoolean(3, Boolean.parseBoolean(value[1]));
                st.setString(4, sequence.getKey());
                st.execute();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL session_replication_role = origin");
        }
        List<String> differences = new ArrayList<>();
        for (TableCopy table : manifest.tables()) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table.qualified())) {
                rs.next();
                if (rs.getLong(1) != table.rows()) {
                    differences.add(table.schema() + "." + table.name() + ": " + rs.getLong(1) + " rows, backup "
                            + table.rows());
                }
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("restored counts differ from the backup: " + differences);
        }
    }
}
