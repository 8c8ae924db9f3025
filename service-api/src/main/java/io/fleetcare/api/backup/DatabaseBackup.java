package io.fleetcare.api.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Backs up the whole FleetCare database (every application schema: the service's tables, the stream jobs'
 * telemetry) into a new directory: one gzipped binary COPY per table and a {@link BackupManifest}. All tables are
 * read in one repeatable-read snapshot, so the backup is consistent while the platform runs. Uses the PostgreSQL
 * driver's COPY, so no {@code pg_dump} of the server's version is needed. Command: {@code ./fleetcare-backup <dir>}.
 */
public final class DatabaseBackup {

    private DatabaseBackup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: fleetcare-backup <new directory>   (env FLEETCARE_DB_URL, FLEETCARE_DB_USER,"
                    + " FLEETCARE_DB_PASSWORD)");
            System.exit(2);
        }
        BackupManifest manifest = backup(DatabaseConnection.fromEnvironment(System.getenv()), Path.of(args[0]));
        long rows = manifest.tables().stream().mapToLong(TableCopy::rows).sum();
        System.out.printf("Backed up %d tables, %d rows, %d sequences (schema version %s) to %s%n",
                manifest.tables().size(), rows, manifest.sequences().size(), manifest.flywayVersion(), args[0]);
    }

    /**
     * @param target a directory that does not exist yet (or is empty)
     * @return what was written
     * @throws IOException  when the directory exists and is not empty, or cannot be written
     * @throws SQLException when the database cannot be read
     */
    static BackupManifest backup(DatabaseConnection database, Path target) throws IOException, SQLException {
        if (Files.exists(target)) {
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(target + " is not empty; a backup goes into a new directory");
                }
            }
        }
        Files.createDirectories(target);
        try (Connection c = database.open()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            Instant takenAt;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT now()")) {
                rs.next();
                takenAt = rs.getTimestamp(1).toInstant();
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<TableCopy> tables = new ArrayList<>();
            for (TableCopy table : DatabaseCatalog.tables(c)) {
                long rows;
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target.resolve(table.file())))) {
                    rows = copy.copyOut("COPY (SELECT " + table.columnList() + " FROM " + table.qualified()
                            + ") TO STDOUT (FORMAT binary)", out);
                }
                tables.add(new TableCopy(table.schema(), table.name(), table.columns(), rows));
            }
            BackupManifest manifest = new BackupManifest(takenAt, DatabaseCatalog.flywayVersion(c), tables,
                    DatabaseCatalog.sequences(c), DatabaseCatalog.otherSchemasDdl(c));
            c.commit();
            manifest.write(target);
            return manifest;
        }
    }
}
