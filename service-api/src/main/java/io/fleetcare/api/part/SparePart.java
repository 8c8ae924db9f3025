package io.fleetcare.api.part;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A catalog entry: a spare part by name and spec/model with its ABC class. */
@Entity
@Table(name = "spare_part")
public class SparePart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "spec", nullable = false, updatable = false)
    private String spec;

    @Enumerated(EnumType.STRING)
    @Column(name = "abc_class", nullable = false, updatable = false)
    private AbcClass abcClass;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SparePart() {
    }

    SparePart(String name, String spec, AbcClass abcClass, String createdBy, Instant createdAt) {
        this.name = name;
        this.spec = spec;
        this.abcClass = abcClass;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String spec() {
        return spec;
    }

    public AbcClass abcClass() {
        return abcClass;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
