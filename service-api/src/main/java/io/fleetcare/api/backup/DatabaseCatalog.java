package io.fleetcare.api.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a database holds, read from the system catalogs: the application's tables and columns, its sequences, and
 * for the schemas Flyway does not manage (the stream jobs' {@code telemetry}) the statements that create them again.
 */
final class DatabaseCatalog {

    /** The schema whose structure the service's Flyway migrations make. */
    static final String FLYWAY_SCHEMA = "public";

    private static final String APPLICATION_SCHEMAS = """
            n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'""";

    private DatabaseCatalog() {
    }

    /** Every ordinary table of the application (partitions are read through their parent), Flyway's own left out. */
    static List<TableCopy> tables(Connection c) throws SQLException {
        List<TableCopy> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT n.nspname, cl.relname, cl.oid FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE cl.relkind IN ('r', 'p') AND NOT cl.relispartition AND %s
                  AND NOT (n.nspname = 'public' AND cl.relname = 'flyway_schema_history')
                ORDER BY n.nspname = 'public' DESC, n.nspname, cl.relname""".formatted(APPLICATION_SCHEMAS))) {
            while (rs.next()) {
                tables.add(new TableCopy(rs.getString(1), rs.getString(2), columns(c, rs.getLong(3)), 0));
            }
        }
        return tables;
    }

    private static List<String> columns(Connection c, long oid) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT attname FROM pg_attribute WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped
                  AND attgenerated = '' ORDER BY attnum""")) {
            st.setLong(1, oid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** schema.sequence (quoted) -> "last_value,is_called" of every sequence of the application. */
    static Map<String, String> sequences(Connection c) throws SQLException {
        Map<String, String> sequences = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT n.nspname, cl.relname FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE cl.relkind = 'S' AND %s ORDER BY 1, 2""".formatted(APPLICATION_SCHEMAS))) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(TableCopy.quote(rs.getString(1)) + "." + TableCopy.quote(rs.getString(2)));
            }
            for (String name : names) {
                try (Statement read = c.createStatement();
                        ResultSet value = read.executeQuery("SELECT last_value, is_called FROM " + name)) {
                    value.next();
                    sequences.put(name, value.getLong(1) + "," + value.getBoolean(2));
                }
            }
        }
        return sequences;
    }

    /**
     * Statements that create the schemas other than {@link #FLYWAY_SCHEMA} again: schemas, sequences, tables with
     * column defaults, identity and constraints, indexes, foreign keys, views. Enough for the stream jobs' plain
     * telemetry layout; partitioned or TimescaleDB layouts come back as plain tables.
     */
    static List<String> otherSchemasDdl(Connection c) throws SQLException {
        List<String> ddl = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> schemas = strings(c, "SELECT n.nspname FROM pg_namespace n WHERE " + APPLICATION_SCHEMAS
                + " AND n.nspname <> '" + FLYWAY_SCHEMA + "' ORDER BY 1");
        for (String schema : schemas) {
            ddl.add("CREATE SCHEMA IF NOT EXISTS " + TableCopy.quote(schema));
        }
        String inOtherSchemas = " n.nspname IN (SELECT n.nspname FROM pg_namespace n WHERE " + APPLICATION_SCHEMAS
                + " AND n.nspname <> '" + FLYWAY_SCHEMA + "')";
        ddl.addAll(strings(c, """
                SELECT format('CREATE SEQUENCE IF NOT EXISTS %I.%I', n.nspname, cl.relname)
                FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE cl.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = cl.oid
                  AND d.deptype = 'i') AND """ + inOtherSchemas + " ORDER BY cl.oid"));
        ddl.addAll(strings(c, """
                SELECT format('CREATE TABLE %I.%I (%s)', n.nspname, cl.relname,
                       string_agg(format('%I %s%s%s%s', a.attname, format_type(a.atttypid, a.atttypmod),
                           CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY'
                                              WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END,
                           CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS ('
                                     || pg_get_expr(ad.adbin, ad.adrelid) || ') STORED'
                                WHEN ad.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid)
                                ELSE '' END,
                           CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END), ', ' ORDER BY a.attnum))
                FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
                LEFT JOIN pg_attrdef ad ON ad.adrelid = cl.oid AND ad.adnum = a.attnum
                WHERE cl.relkind IN ('r', 'p') AND NOT cl.relispartition AND """ + inOtherSchemas + """

                GROUP BY n.nspname, cl.relname, cl.oid ORDER BY cl.oid"""));
        ddl.addAll(strings(c, """
                SELECT format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', n.nspname, cl.relname, co.conname,
                       pg_get_constraintdef(co.oid))
                FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
                JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE co.contype IN ('p', 'u', 'c', 'x') AND NOT cl.relispartition AND """ + inOtherSchemas + """

                ORDER BY co.oid"""));
        ddl.addAll(strings(c, """
                SELECT pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class cl ON cl.oid = i.indrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid)
                  AND NOT cl.relispartition AND cl.relkind IN ('r', 'p') AND """ + inOtherSchemas + """

                ORDER BY i.indexrelid"""));
        foreignKeys.addAll(strings(c, """
                SELECT format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', n.nspname, cl.relname, co.conname,
                       pg_get_constraintdef(co.oid))
                FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
                JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE co.contype = 'f' AND NOT cl.relispartition AND """ + inOtherSchemas + " ORDER BY co.oid"));
        ddl.addAll(foreignKeys);
        ddl.addAll(strings(c, """
                SELECT format('CREATE VIEW %I.%I AS %s', n.nspname, cl.relname, pg_get_viewdef(cl.oid))
                FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                WHERE cl.relkind = 'v' AND """ + inOtherSchemas + " ORDER BY cl.oid"));
        return ddl;
    }

    /** The version of the newest successful Flyway migration; null when Flyway never ran. */
    static String flywayVersion(Connection c) throws SQLException {
        List<String> version = strings(c, """
                SELECT version FROM public.flyway_schema_history WHERE success AND version IS NOT NULL
                ORDER BY installed_rank DESC LIMIT 1""");
        return version.isEmpty() ? null : version.get(0);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
