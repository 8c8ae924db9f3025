package io.fleetcare.api.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The current assignment as stored on a ticket's row: the field engineer and the appointment window. A ticket nobody
 * was assigned holds none (all three columns null, which Hibernate reads as a null appointment).
 */
@Embeddable
public class Appointment {

    @Column(name = "assigned_engineer")
    private String engineer;

    @Column(name = "appointment_from")
    private Instant from;

    @Column(name = "appointment_to")
    private Instant to;

    protected Appointment() {
    }

    /** All never null. */
    Appointment(String engineer, Instant from, Instant to) {
        this.engineer = engineer;
        this.from = from;
        this.to = to;
    }

    String engineer() {
        return engineer;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }
}
