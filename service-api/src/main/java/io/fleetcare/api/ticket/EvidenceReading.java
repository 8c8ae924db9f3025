package io.fleetcare.api.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One reading behind a ticket, as the maintenance request carried it; written once, never changed. */
@Embeddable
public class EvidenceReading {

    @Column(name = "ts", nullable = false)
    private Instant ts;

    @Column(name = "metric", nullable = false)
    private String metric;

    @Column(name = "value")
    private Double value;

    @Column(name = "text")
    private String text;

    protected EvidenceReading() {
    }

    /**
     * @param ts     device time of the reading; never null
     * @param metric never null
     * @param value  null for textual evidence
     * @param text   null for numeric evidence
     */
    public EvidenceReading(Instant ts, String metric, Double value, String text) {
        this.ts = ts;
        this.metric = metric;
        this.value = value;
        this.text = text;
    }

    public Instant ts() {
        return ts;
    }

    public String metric() {
        return metric;
    }

    public Double value() {
        return value;
    }

    public String text() {
        return text;
    }
}
