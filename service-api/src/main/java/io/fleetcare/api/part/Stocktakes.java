package io.fleetcare.api.part;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Stocktakes (seed 004 §3.7.1 "规格清、数量清、质量清 … 帐物一致"): what was counted at a location is compared with
 * what is booked, per part and condition, and every difference is booked as a {@link MovementKind#STOCKTAKE_SURPLUS}
 * or {@link MovementKind#STOCKTAKE_SHORTAGE} movement naming the counting person (the signed-in caller) and the
 * reason, so that afterwards stock equals the sum of movements again. All or nothing: one bad line and nothing is
 * booked.
 */
@ApplicationScoped
public class Stocktakes {

    private static final Logger LOG = Logger.getLogger(Stocktakes.class);

    private final StockLedger ledger;
    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    public Stocktakes(StockLedger ledger, DataSource dataSource, Clock clock) {
        this.ledger = ledger;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One counted line, checked by the resource: the condition is known, the count not negative. */
    public record CountedLine(long partId, StockCondition condition, int counted) {
    }

    /**
     * Records a stocktake and books its differences in one transaction.
     *
     * @param lines never empty
     * @throws InvalidRequestException when a line names a part the catalog does not hold, or a part and condition
     *                                 twice
     */
    @Transactional
    public StocktakeView record(String location, String reason, List<CountedLine> lines, Caller caller) {
        Set<String> seen = new HashSet<>();
        for (CountedLine line : lines) {
            if (!seen.add(line.partId() + "/" + line.condition())) {
                throw new InvalidRequestException("Part " + line.partId() + " in " + line.condition()
                        + " is counted twice in one stocktake.");
            }
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            Set<Long> partIds = new TreeSet<>();
            lines.forEach(l -> partIds.add(l.partId()));
            for (long partId : partIds) {
                if (!ledger.lock(partId)) {
                    throw new InvalidRequestException("partId " + partId + " names no part in the catalog.");
                }
            }
            long stocktakeId = insertStocktake(location, caller.username(), reason, at);
            List<StocktakeView.Line> counted = new ArrayList<>();
            for (CountedLine line : lines.stream().sorted(Comparator.comparingLong(CountedLine::partId)
                    .thenComparing(CountedLine::condition)).toList()) {
                int booked = ledger.quantity(line.partId(), location, line.condition());
                int difference = line.counted() - booked;
                adjust(stocktakeId, location, line, difference, reason, caller, at);
                insertLine(stocktakeId, line, booked);
                counted.add(new StocktakeView.Line(line.partId(), line.condition(), booked, line.counted(),
                        difference));
            }
            boolean balanced = true;
            for (long partId : partIds) {
                balanced &= LedgerBalance.balances(ledger.stock(partId), ledger.flows(partId));
            }
            if (!balanced) {
                LOG.warnf("Stocktake %d at %s by %s: a counted part's stock does not equal its movements",
                        stocktakeId, location, caller.username());
            }
            LOG.infof("Stocktake %d at %s by %s: %d lines, %d differences booked", stocktakeId, location,
                    caller.username(), counted.size(), counted.stream().filter(l -> l.difference() != 0).count());
            return new StocktakeView(stocktakeId, location, caller.username(), reason, at, counted, balanced);
        } catch (SQLException e) {
            throw new IllegalStateException("stocktake at " + location + " could not be booked", e);
        }
    }

    private void adjust(long stocktakeId, String location, CountedLine line, int difference, String reason,
            Caller caller, Instant at) throws SQLException {
        if (difference == 0) {
            return;
        }
        MovementKind kind = difference > 0 ? MovementKind.STOCKTAKE_SURPLUS : MovementKind.STOCKTAKE_SHORTAGE;
        int quantity = Math.abs(difference);
        if (difference > 0) {
            ledger.put(line.partId(), location, line.condition(), quantity);
        } else if (!ledger.take(line.partId(), location, line.condition(), quantity)) {
            throw new IllegalStateException("booked stock of part " + line.partId() + " changed under its lock");
        }
        ledger.record(line.partId(), location, kind, line.condition(), quantity, null, caller.username(),
                caller.username(), at, reason, "stocktake " + stocktakeId);
    }

    private long insertStocktake(String location, String countedBy, String reason, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO stocktake (location, counted_by, reason, at) VALUES (?, ?, ?, ?) RETURNING id""")) {
            st.setString(1, location);
            st.setString(2, countedBy);
            st.setString(3, reason);
            st.setTimestamp(4, Timestamp.from(at));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void insertLine(long stocktakeId, CountedLine line, int booked) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO stocktake_line (stocktake_id, part_id, condition, booked, counted)
                VALUES (?, ?, ?, ?, ?)""")) {
            st.setLong(1, stocktakeId);
            st.setLong(2, line.partId());
            st.setString(3, line.condition().name());
            st.setInt(4, booked);
            st.setInt(5, line.counted());
            st.executeUpdate();
        }
    }
}
