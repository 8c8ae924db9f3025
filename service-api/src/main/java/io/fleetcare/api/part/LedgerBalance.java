package io.fleetcare.api.part;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the stock of a part agrees with its movements (seed 004 §3.7.1 "帐物一致"): for every location and
 * condition, the booked quantity equals what the movements put in minus what they took out. Pure.
 */
public final class LedgerBalance {

    /** The total quantity of one kind of movement at one location; {@code counted} only for adjustments. */
    public record Flow(MovementKind kind, String location, StockCondition counted, long quantity) {
    }

    private record Line(String location, StockCondition condition) {
    }

    private LedgerBalance() {
    }

    /**
     * @param stock the stock lines of one part; never null
     * @param flows the movement totals of the same part; never null
     * @return true when every line of stock equals the sum of its movements and no movement sum lacks its line
     */
    public static boolean balances(Collection<StockLedger.StockLine> stock, List<Flow> flows) {
        Map<Line, Long> expected = new HashMap<>();
        for (Flow flow : flows) {
            StockCondition from = flow.kind().from(flow.counted());
            StockCondition to = flow.kind().to(flow.counted());
            if (from != null) {
                expected.merge(new Line(flow.location(), from), -flow.quantity(), Long::sum);
            }
            if (to != null) {
                expected.merge(new Line(flow.location(), to), flow.quantity(), Long::sum);
            }
        }
        Map<Line, Long> booked = new HashMap<>();
        stock.forEach(s -> booked.put(new Line(s.location(), s.condition()), (long) s.quantity()));
        for (Map.Entry<Line, Long> e : expected.entrySet()) {
            if (!Objects.equals(booked.getOrDefault(e.getKey(), 0L), e.getValue())) {
                return false;
            }
        }
        return booked.entrySet().stream().allMatch(e -> e.getValue() == 0 || expected.containsKey(e.getKey()));
    }
}
