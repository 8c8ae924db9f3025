package io.fleetcare.api.repair;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Stored repair and maintenance records. */
@ApplicationScoped
public class RepairRecordRepository implements PanacheRepositoryBase<RepairRecord, Long> {

    /**
     * Records of a device and/or a ticket (all when both are null), latest work first.
     *
     * @param limit 1-1000
     */
    public List<RepairRecord> search(String deviceId, String ticketNumber, int limit) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (deviceId != null) {
            conditions.add("deviceId = :deviceId");
            parameters.and("deviceId", deviceId);
        }
        if (ticketNumber != null) {
            conditions.add("ticketNumber = :ticketNumber");
            parameters.and("ticketNumber", ticketNumber);
        }
        Sort latestFirst = Sort.descending("performedAt").and("id", Sort.Direction.Descending);
        return (conditions.isEmpty() ? findAll(latestFirst)
                : find(String.join(" and ", conditions), latestFirst, parameters))
                .page(Page.ofSize(limit)).list();
    }
}
