package io.fleetcare.api.part;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stock and movements in plain SQL over the Agroal {@code DataSource}, inside the caller's JTA transaction.
 * Taking stock is one conditional {@code UPDATE … WHERE quantity >= ?} whose row count says whether there was
 * enough, so two concurrent issues can never take the stock below zero (the table's check constraint would
 * refuse it as well).
 */
@ApplicationScoped
public class StockLedger {

    @Inject
    DataSource dataSource;

    /** One line of stock. */
    public record StockLine(String location, StockCondition condition, int quantity) {
    }

    /**
     * One movement. {@code ticketNumber}, {@code reason} and {@code note} may be null (a movement names its ticket
     * or a reason); {@code condition} is the counted condition of a stocktake adjustment, null otherwise.
     */
    public record Movement(long movementId, MovementKind kind, String location, int quantity, String ticketNumber,
            String person, String bookedBy, Instant at, String reason, StockCondition condition, String note) {
    }

    /**
     * Takes the quantity out of the stock of one condition.
     *
     * @return false, changing nothing, when the stock holds less than the quantity
     */
    boolean take(long partId, String location, StockCondition condition, int quantity) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                UPDATE part_stock SET quantity = quantity - ?
                 WHERE part_id = ? AND location = ? AND condition = ? AND quantity >= ?""")) {
            st.setInt(1, quantity);
            st.setLong(2, partId);
            st.setString(3, location);
            st.setString(4, condition.name());
            st.setInt(5, quantity);
            return st.executeUpdate() == 1;
        }
    }

    /** Adds the quantity to the stock of one condition. */
    void put(long partId, String location, StockCondition condition, int quantity) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO part_stock (part_id, location, condition, quantity) VALUES (?, ?, ?, ?)
                ON CONFLICT (part_id, location, condition)
                DO UPDATE SET quantity = part_stock.quantity + EXCLUDED.quantity""")) {
            st.setLong(1, partId);
            st.setString(2, location);
            st.setString(3, condition.name());
            st.setInt(4, quantity);
            st.executeUpdate();
        }
    }

    /**
     * Appends a movement.
     *
     * @param counted the condition a stocktake adjustment corrects; null for every other kind
     * @return the movement's id
     */
    long record(long partId, String location, MovementKind kind, StockCondition counted, int quantity,
            String ticketNumber, String person, String bookedBy, Instant at, String reason, String note)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO part_movement (part_id, location, kind, condition, quantity, ticket_number, person,
                                           booked_by, at, reason, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            st.setLong(1, partId);
            st.setString(2, location);
            st.setString(3, kind.name());
            st.setString(4, counted == null ? null : counted.name());
            st.setInt(5, quantity);
            st.setString(6, ticketNumber);
            st.setString(7, person);
            st.setString(8, bookedBy);
            st.setTimestamp(9, Timestamp.from(at));
            st.setString(10, reason);
            st.setString(11, note);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Locks the catalog entry of a part until the transaction ends, so that checks over its movements (what a
     * ticket was issued, what a stocktake found booked) and the movement booked on them cannot interleave.
     *
     * @return false when the catalog holds no such part
     */
    boolean lock(long partId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT id FROM spare_part WHERE id = ? FOR UPDATE")) {
            st.setLong(1, partId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** What was issued for a ticket of a part and not yet returned from it, over every location. */
    int issuedNotReturned(long partId, String ticketNumber) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT COALESCE(SUM(CASE kind WHEN 'ISSUE' THEN quantity ELSE -quantity END), 0)
                  FROM part_movement WHERE part_id = ? AND ticket_number = ? AND kind IN ('ISSUE', 'RETURN')""")) {
            st.setLong(1, partId);
            st.setString(2, ticketNumber);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The booked quantity of one line of stock; 0 when the line does not exist. */
    int quantity(long partId, String location, StockCondition condition) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT quantity FROM part_stock WHERE part_id = ? AND location = ? AND condition = ?""")) {
            st.setLong(1, partId);
            st.setString(2, location);
            st.setString(3, condition.name());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** The movements of a part summed by kind, location and counted condition, for {@link LedgerBalance}. */
    List<LedgerBalance.Flow> flows(long partId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT kind, location, condition, SUM(quantity) FROM part_movement WHERE part_id = ?
                 GROUP BY kind, location, condition""")) {
            st.setLong(1, partId);
            List<LedgerBalance.Flow> flows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    flows.add(new LedgerBalance.Flow(MovementKind.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getString(3) == null ? null : StockCondition.valueOf(rs.getString(3)), rs.getLong(4)));
                }
            }
            return flows;
        }
    }

    /** The stock of a part by location and condition, lines at zero included. */
    List<StockLine> stock(long partId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT location, condition, quantity FROM part_stock WHERE part_id = ? ORDER BY location, condition""")) {
            st.setLong(1, partId);
            List<StockLine> lines = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    lines.add(new StockLine(rs.getString(1), StockCondition.valueOf(rs.getString(2)), rs.getInt(3)));
                }
            }
            return lines;
        }
    }

    /** The latest movements of a part, newest first. */
    List<Movement> movements(long partId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT id, kind, location, quantity, ticket_number, person, booked_by, at, reason, condition, note
                  FROM part_movement WHERE part_id = ? ORDER BY at DESC, id DESC LIMIT ?""")) {
            st.setLong(1, partId);
            st.setInt(2, limit);
            List<Movement> movements = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    movements.add(new Movement(rs.getLong(1), MovementKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getTimestamp(8).toInstant(), rs.getString(9),
                            rs.getString(10) == null ? null : StockCondition.valueOf(rs.getString(10)),
                            rs.getString(11)));
                }
            }
            return movements;
        }
    }
}
