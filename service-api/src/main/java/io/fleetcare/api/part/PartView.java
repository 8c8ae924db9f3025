package io.fleetcare.api.part;

import java.time.Instant;
import java.util.List;

/**
 * A spare part as clients see it ({@code GET /api/parts/{partId}}): the catalog entry, its stock by location and
 * condition, its latest movements (at most 100, newest first) and whether the stock equals the sum of all its
 * movements ({@code ledgerBalanced}, seed 004 §3.7.1). The field names are part of the API.
 */
public record PartView(long partId, String name, String spec, AbcClass abcClass, String createdBy, Instant createdAt,
        List<StockLedger.StockLine> stock, boolean ledgerBalanced, List<StockLedger.Movement> movements) {
}
