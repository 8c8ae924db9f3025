package io.fleetcare.api.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Stored tickets. */
@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, Long> {

    private static final List<TicketStatus> OPEN = Arrays.stream(TicketStatus.values())
            .filter(TicketStatus::isOpen)
            .toList();

    /** The ticket with this number, if any. */
    public Optional<Ticket> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** The ticket with this number, if any, locked for update until the transaction ends. */
    public Optional<Ticket> findByNumberForUpdate(String number) {
        return find("number", number).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * The open ticket for a device and rule, locked for update until the transaction ends, so that
     * concurrent requests for the same device and rule join it one after the other. There is at most one
     * (index {@code ticket_one_open_per_device_rule}).
     */
    public Optional<Ticket> findOpenForUpdate(String deviceId, String ruleId) {
        return find("deviceId = ?1 and ruleId = ?2 and status in ?3", deviceId, ruleId, OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The next value of the ticket number sequence; every call uses up one value, even on rollback. */
    public long nextNumberSequence() {
        Number next = (Number) getEntityManager()
                .createNativeQuery("select nextval('ticket_number_seq')")
                .getSingleResult();
        return next.longValue();
    }

    /** A repair or maintenance record filed on a case: its id and who signed it for the customer (may be null). */
    public record FiledRecord(long id, String customerSignOff) {
    }

    /**
     * The records filed on the case at or after {@code since} (all of them when null), latest first. Read here by
     * SQL so that the lifecycle does not depend on the repair package (which depends on tickets).
     */
    public List<FiledRecord> recordsFiledOn(String number, Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT id, customer_sign_off FROM repair_record
                 WHERE ticket_number = ?1 AND recorded_at >= ?2
                 ORDER BY recorded_at DESC, id DESC""")
                .setParameter(1, number)
                .setParameter(2, since == null ? Instant.EPOCH : since)
                .getResultList();
        return rows.stream().map(r -> new FiledRecord(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /** Tickets matching the filter, most recently opened first. */
    public List<Ticket> search(TicketFilter filter) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.deviceId() != null) {
            conditions.add("deviceId = :deviceId");
            parameters.and("deviceId", filter.deviceId());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", filter.status());
        }
        Sort newestFirst = Sort.descending("openedAt", "id");
        var query = conditions.isEmpty()
                ? findAll(newestFirst)
                : find(String.join(" and ", conditions), newestFirst, parameters);
        return query.page(Page.ofSize(filter.limit())).list();
    }
}
