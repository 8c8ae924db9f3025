package io.fleetcare.api.part;

/**
 * What a movement does to stock: it takes the quantity out of one condition and/or puts it into another at the
 * same location (seed 004 §3.7).
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
    RETURN_TO_MAKER(StockCondition.DEFECTIVE, null, false);

    private final StockCondition from;
    private final StockCondition to;
    private final boolean needsTicket;

    MovementKind(StockCondition from, StockCondition to, boolean needsTicket) {
        this.from = from;
        this.to = to;
        this.needsTicket = needsTicket;
    }

    /** The condition the quantity leaves; null when the parts come from outside the stock. */
    public StockCondition from() {
        return from;
    }

    /** The condition the quantity enters; null when the parts leave the stock. */
    public StockCondition to() {
        return to;
    }

    /** Whether the movement must name the ticket (work order) it serves. */
    public boolean needsTicket() {
        return needsTicket;
    }
}
