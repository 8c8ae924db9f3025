package io.fleetcare.api.device.credential;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Current device credentials and their append-only rotation log. */
@ApplicationScoped
class DeviceCredentialRepository implements PanacheRepositoryBase<DeviceCredential, String> {

    Optional<DeviceCredential> findCurrent(String deviceId) {
        return findByIdOptional(deviceId);
    }

    void logRotation(String deviceId, int version, Instant at, String by) {
        getEntityManager().createNativeQuery("insert into device_credential_rotation "
                        + "(device_id, version, rotated_at, rotated_by) values (?1, ?2, ?3, ?4)")
                .setParameter(1, deviceId).setParameter(2, version).setParameter(3, at).setParameter(4, by)
                .executeUpdate();
    }

    /** The device's rotations, newest first. */
    List<CredentialView.Rotation> rotations(String deviceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select version, rotated_at, rotated_by "
                        + "from device_credential_rotation where device_id = ?1 order by version desc")
                .setParameter(1, deviceId).getResultList();
        return rows.stream().map(row -> new CredentialView.Rotation(((Number) row[0]).intValue(),
                toInstant(row[1]), (String) row[2])).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
