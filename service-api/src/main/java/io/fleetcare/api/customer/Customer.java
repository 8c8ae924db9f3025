package io.fleetcare.api.customer;

import io.fleetcare.api.archive.SealedText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An entry of the customer archive (seed 000 §3.7.2). Written once and never changed (seed 000 §3.7.4; the
 * database refuses UPDATE), kept at least {@link #RETENTION_YEARS} years (the database refuses an earlier DELETE).
 * Never leaves this service as is; clients see a {@link CustomerView}.
 */
@Entity
@Table(name = "customer")
public class Customer {

    /** How long an archive entry is kept at least (seed 000 §3.7.2 "至少应该保存3年以上"). */
    public static final int RETENTION_YEARS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "tier", nullable = false, updatable = false)
    private CustomerTier tier;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private CustomerKind kind;

    @Convert(converter = SealedText.class)
    @Column(name = "address", updatable = false)
    private String address;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @Column(name = "retain_until", nullable = false, updatable = false)
    private LocalDate retainUntil;

    @OneToMany(mappedBy = "customer")
    @OrderBy("id ASC")
    private List<CustomerContact> contacts = new ArrayList<>();

    protected Customer() {
    }

    Customer(String name, CustomerTier tier, CustomerKind kind, String address, String registeredBy,
            Instant registeredAt) {
        this.name = name;
        this.tier = tier;
        this.kind = kind;
        this.address = address;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.retainUntil = LocalDate.ofInstant(registeredAt, ZoneOffset.UTC).plusYears(RETENTION_YEARS);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public CustomerTier tier() {
        return tier;
    }

    /** HOME (a private person) or BUSINESS; decides whether the name is class 1. */
    public CustomerKind kind() {
        return kind;
    }

    /** Class 1; may be null. */
    public String address() {
        return address;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    /** The last day the entry must be kept; deletion before it is refused. */
    public LocalDate retainUntil() {
        return retainUntil;
    }

    /** Class 1. */
    public List<CustomerContact> contacts() {
        return Collections.unmodifiableList(contacts);
    }
}
