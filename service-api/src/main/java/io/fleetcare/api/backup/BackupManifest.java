package io.fleetcare.api.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code manifest.properties} of a backup directory: when it was taken, the Flyway version of the schema, the tables
 * with their columns and row counts, the sequences, and the statements that create the schemas Flyway does not
 * manage.
 */
record BackupManifest(Instant takenAt, String flywayVersion, List<TableCopy> tables, Map<String, String> sequences,
        List<String> otherSchemasDdl) {

    static final String FILE = "manifest.properties";

    void write(Path directory) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "fleetcare-backup-1");
        p.setProperty("taken-at", takenAt.toString());
        if (flywayVersion != null) {
            p.setProperty("flyway-version", flywayVersion);
        }
        p.setProperty("tables", String.valueOf(tables.size()));
        for (int i = 0; i < tables.size(); i++) {
            TableCopy t = tables.get(i);
            p.setProperty("table." + i + ".schema", t.schema());
            p.setProperty("table." + i + ".name", t.name());
            p.setProperty("table." + i + ".columns", String.join(",", t.columns()));
            p.setProperty("table." + i + ".rows", String.valueOf(t.rows()));
        }
        p.setProperty("sequences", String.valueOf(sequences.size()));
        int s = 0;
        for (Map.Entry<String, String> sequence : sequences.entrySet()) {
            p.setProperty("sequence." + s + ".name", sequence.getKey());
            p.setProperty("sequence." + s + ".value", sequence.getValue());
            s++;
        }
        p.setProperty("ddl", String.valueOf(otherSchemasDdl.size()));
        for (int i = 0; i < otherSchemasDdl.size(); i++) {
            p.setProperty("ddl." + i, otherSchemasDdl.get(i));
        }
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            p.store(out, "FleetCare database backup; restore with ./fleetcare-restore");
        }
    }

    static BackupManifest read(Path directory) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        if (!"fleetcare-backup-1".equals(p.getProperty("format"))) {
            throw new IOException(directory + " holds no FleetCare backup (format fleetcare-backup-1)");
        }
        List<TableCopy> tables = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(p.getProperty("tables")); i++) {
            String columns = p.getProperty("table." + i + ".columns");
            tables.add(new TableCopy(p.getProperty("table." + i + ".schema"), p.getProperty("table." + i + ".name"),
                    columns.isEmpty() ? List.of() : Arrays.asList(columns.split(",")),
                    Long.parseLong(p.getProperty("table." + i + ".rows"))));
        }
        Map<String, String> sequences = new LinkedHashMap<>();
        for (int i = 0; i < Integer.parseInt(p.getProperty("sequences")); i++) {
            sequences.put(p.getProperty("sequence." + i + ".name"), p.getProperty("sequence." + i + ".value"));
        }
        List<String> ddl = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(p.getProperty("ddl")); i++) {
            ddl.add(p.getProperty("ddl." + i));
        }
        return new BackupManifest(Instant.parse(p.getProperty("taken-at")), p.getProperty("flyway-version"), tables,
                sequences, ddl);
    }
}
