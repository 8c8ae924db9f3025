package io.fleetcare.api.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The maintenance requests already recorded, by request id. */
@ApplicationScoped
public class TicketSourceRequestRepository implements PanacheRepositoryBase<TicketSourceRequest, String> {
}
