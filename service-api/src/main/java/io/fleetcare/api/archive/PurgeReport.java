package io.fleetcare.api.archive;

import java.time.Instant;
import java.util.List;

/**
 * What a purge deleted ({@code POST /api/archive/purge}). The field names are part of the API.
 *
 * @param customers     ids of the customer archive entries deleted with their contacts
 * @param repairRecords ids of the repair records deleted with their parts and amendments
 * @param auditEntries  how many audit entries past their two years were deleted
 */
public record PurgeReport(Instant at, String by, String reason, List<Long> customers, List<Long> repairRecords,
        long auditEntries) {
}
