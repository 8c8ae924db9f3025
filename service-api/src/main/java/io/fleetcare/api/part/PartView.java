package io.fleetcare.api.part;

import java.time.Instant;
import java.util.List;

/**
 * A spare part as clients see it ({@code GET /api/parts/{partId}}): the catalog entry, its stock by location and
 * condition, and its latest movements (at most 100, newest first). The field names are part of the API.
 */
public record PartView(long partId, String name, String spec, AbcClass abcClass, String createdBy, Instant createdAt,
        List<StockLedger.StockLine> stock, List<StockLedger.Movement> movements) {
}
