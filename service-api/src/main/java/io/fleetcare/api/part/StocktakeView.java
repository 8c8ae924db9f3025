package io.fleetcare.api.part;

import java.time.Instant;
import java.util.List;

/**
 * A recorded stocktake as clients see it. {@code balanced} says whether, after the adjustments, the stock of every
 * counted part equals the sum of its movements. The field names are part of the API.
 */
public record StocktakeView(long stocktakeId, String location, String countedBy, String reason, Instant at,
        List<Line> lines, boolean balanced) {

    /** One counted line; {@code difference} = counted - booked, booked as an adjustment when not zero. */
    public record Line(long partId, StockCondition condition, int booked, int counted, int difference) {
    }
}
