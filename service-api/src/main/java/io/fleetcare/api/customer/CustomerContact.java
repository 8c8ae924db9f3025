package io.fleetcare.api.customer;

import io.fleetcare.api.archive.SealedText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person to reach at a customer; class-1 data (DOMAIN.md "Information classes"). Never changed once written. */
@Entity
@Table(name = "customer_contact")
public class CustomerContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false, updatable = false)
    private Customer customer;

    @Convert(converter = SealedText.class)
    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Convert(converter = SealedText.class)
    @Column(name = "position", updatable = false)
    private String position;

    @Convert(converter = SealedText.class)
    @Column(name = "phone", updatable = false)
    private String phone;

    @Convert(converter = SealedText.class)
    @Column(name = "email", updatable = false)
    private String email;

    @Column(name = "added_by", nullable = false, updatable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected CustomerContact() {
    }

    CustomerContact(Customer customer, NewContact contact, String addedBy, Instant addedAt) {
        this.customer = customer;
        this.name = contact.name();
        this.position = contact.position();
        this.phone = contact.phone();
        this.email = contact.email();
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String position() {
        return position;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
