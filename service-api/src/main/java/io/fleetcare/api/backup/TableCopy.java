package io.fleetcare.api.backup;

import java.util.List;

/**
 * One table in a backup.
 *
 * @param schema  the schema, e.g. {@code public} or {@code telemetry}
 * @param name    the table
 * @param columns the columns copied, in order (generated columns are left out: the database computes them)
 * @param rows    how many rows the backup holds
 */
record TableCopy(String schema, String name, List<String> columns, long rows) {

    String qualified() {
        return quote(schema) + "." + quote(name);
    }

    String file() {
        return schema + "." + name + ".copy.gz";
    }

    String columnList() {
        return String.join(", ", columns.stream().map(TableCopy::quote).toList());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
