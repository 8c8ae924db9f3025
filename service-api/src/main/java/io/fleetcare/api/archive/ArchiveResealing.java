package io.fleetcare.api.archive;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Brings every sealed column under the active key, at startup: values stored in clear text before sealing existed
 * (V20) are sealed, values sealed under an older key are opened and sealed again (the re-encryption step of a key
 * rotation, docs/security/README.md ("Encryption at rest")). The archive's trigger lets exactly this change through: sealed columns
 * only, every other column unchanged. Runs again harmlessly on every start and on every instance.
 */
@ApplicationScoped
public class ArchiveResealing {

    private static final Logger LOG = Logger.getLogger(ArchiveResealing.class);

    @Inject
    ArchiveCipher cipher;

    @Inject
    DataSource dataSource;

    void onStart(@Observes StartupEvent event) throws SQLException {
        reseal();
    }

    /**
     * @return how many rows were sealed again
     * @throws SQLException when the database refuses; nothing of the failing table is changed
     * @throws ArchiveSealException when a stored value names a key that is not configured
     */
    public int reseal() throws SQLException {
        Map<String, List<String>> columnsByTable = new LinkedHashMap<>();
        for (ArchiveField field : ArchiveField.values()) {
            if (field.sealed()) {
                columnsByTable.computeIfAbsent(field.table(), t -> new ArrayList<>()).add(field.column());
            }
        }
        int total = 0;
        for (Map.Entry<String, List<String>> table : columnsByTable.entrySet()) {
            total += reseal(table.getKey(), table.getValue());
        }
        if (total > 0) {
            LOG.infof("Sealed %d archive row(s) under key '%s'", total, cipher.activeKeyId());
        }
        return total;
    }

    private int reseal(String table, List<String> columns) throws SQLException {
        String current = ArchiveCipher.PREFIX + cipher.activeKeyId() + ":%";
        StringBuilder stale = new StringBuilder();
        for (String column : columns) {
            stale.append(stale.isEmpty() ? "" : " OR ")
                    .append("(").append(column).append(" IS NOT NULL AND ").append(column).append(" NOT LIKE ?)");
        }
        StringBuilder assignments = new StringBuilder();
        for (String column : columns) {
            assignments.append(assignments.isEmpty() ? "" : ", ").append(column).append(" = ?");
        }
        int changed = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT id, " + String.join(", ", columns)
                    + " FROM " + table + " WHERE " + stale + " FOR UPDATE");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE " + table + " SET " + assignments + " WHERE id = ?")) {
                for (int i = 0; i < columns.size(); i++) {
                    select.setString(i + 1, current);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        for (int i = 0; i < columns.size(); i++) {
                            update.setString(i + 1, resealed(rows.getString(i + 2)));
                        }
                        update.setObject(columns.size() + 1, rows.getObject(1));
                        update.addBatch();
                        changed++;
                    }
                }
                if (changed > 0) {
                    update.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return changed;
    }

    private String resealed(String stored) {
        if (stored == null) {
            return null;
        }
        return cipher.seal(stored.startsWith(ArchiveCipher.PREFIX) ? cipher.open(stored) : stored);
    }
}
