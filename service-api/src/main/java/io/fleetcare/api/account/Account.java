package io.fleetcare.api.account;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A personal account that signs in with HTTP Basic. The password is kept only as a bcrypt hash in modular
 * crypt format; Quarkus Security reads this entity to authenticate.
 */
@Entity
@Table(name = "account")
@UserDefinition
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Username
    @Column(name = "username", nullable = false, updatable = false)
    private String username;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Roles
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false)
    private Set<String> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Account() {
    }

    Account(String username, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().map(Role::name).collect(Collectors.toCollection(HashSet::new));
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public Set<Role> roles() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        roles.forEach(r -> result.add(Role.valueOf(r)));
        return result;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
