package io.fleetcare.api.part;

/**
 * What a movement does to stock: it takes the quantity out of one condition and/or puts it into another at the
 * same location (seed 004 §3.7). The stocktake adjustments correct the condition that was counted, which the
 * movement names ({@link #from(StockCondition)}, {@link #to(StockCondition)}).
 */
public enum MovementKind {
    /** New parts received into good stock (seed 004 §3.7.2). */
    RECEIPT(null, StockCondition.GOOD, false),
    /** Parts issued from good stock for a ticket (seed 004 §3.7.4: against the requisition and work order). */
    ISSUE(StockCondition.GOOD, null, true),
    /** A replaced part brought back from a ticket, to be analysed (seed 004 §3.4.2 E d). */
    RETURN(null, StockCondition.RETURNED, true),
    /** Analysed, no fault found: refurbished into good stock (seed 004 §3.7.5.1). */
    REFURBISHED(StockCondition.RETURNED, StockCondition.GOOD, false),
    /** Analysed, faulty: into defective stock (seed 004 §3.7.5.1). */
    FOUND_DEFECTIVE(StockCondition.RETURNED, StockCondition.DEFECTIVE, false),
    /** Defective parts sent back to the maker for its analysis (seed 004 §3.7.5.1). */
    RETURN_TO_MAKER(StockCondition.DEFECTIVE, null, false),
    /** Defective parts the maker does not take back, written off. */
    SCRAPPED(StockCondition.DEFECTIVE, null, false),
    /** A stocktake counted more than was booked in the counted condition (seed 004 §3.7.1 "帐物一致"). */
    STOCKTAKE_SURPLUS(null, null, false),
    /** A stocktake counted less than was booked in the counted condition (seed 004 §3.7.1). */
    STOCKTAKE_SHORTAGE(null, null, false);

    private final StockCondition from;
    private final StockCondition to;
    private final boolean needsTicket;

    MovementKind(StockCondition from, StockCondition to, boolean needsTicket) {
        this.from = from;
        this.to = to;
        this.needsTicket = needsTicket;
    }

    /** Whether this is a stocktake adjustment, booked only by a stocktake and naming the counted condition. */
    public boolean isAdjustment() {
        return this == STOCKTAKE_SURPLUS || this == STOCKTAKE_SHORTAGE;
    }

    /**
     * The condition the quantity leaves; null when the parts come from outside the stock.
     *
     * @param counted the condition a stocktake adjustment corrects; ignored by the other kinds, may then be null
     */
    public StockCondition from(StockCondition counted) {
        return this == STOCKTAKE_SHORTAGE ? counted : from;
    }

    /**
     * The condition the quantity enters; null when the parts leave the stock.
     *
     * @param counted the condition a stocktake adjustment corrects; ignored by the other kinds, may then be null
     */
    public StockCondition to(StockCondition counted) {
        return this == STOCKTAKE_SURPLUS ? counted : to;
    }

    /** The condition the quantity leaves, for the kinds that are no adjustment; null for adjustments. */
    public StockCondition from() {
        return from(null);
    }

    /** The condition the quantity enters, for the kinds that are no adjustment; null for adjustments. */
    public StockCondition to() {
        return to(null);
    }

    /** Whether the movement must name the ticket (work order) it serves; the others name a ticket or a reason. */
    public boolean needsTicket() {
        return needsTicket;
    }
}
