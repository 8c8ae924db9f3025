package io.fleetcare.api.modbus;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.ModbusRegisterMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The tables {@code modbus_device} and {@code modbus_register_map} (migration V70). */
@ApplicationScoped
class ModbusRegistryRepository {

    private static final String DEVICE_COLUMNS = "m.device_id, d.device_type, d.model, m.host, m.port, m.unit_id, "
            + "m.profile, m.poll_interval_ms, m.updated_by, m.updated_at";

    @Inject
    EntityManager em;

    Optional<ModbusDeviceView> device(String deviceId) {
        return devices("where m.device_id = ?1", deviceId).stream().findFirst();
    }

    List<ModbusDeviceView> devices() {
        return devices("", null);
    }

    void upsertDevice(String deviceId, String host, int port, int unitId, String profile, long pollIntervalMillis,
            String by, Instant at) {
        em.createNativeQuery("insert into modbus_device (device_id, host, port, unit_id, profile, poll_interval_ms, "
                        + "updated_by, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (device_id) do "
                        + "update set host = excluded.host, port = excluded.port, unit_id = excluded.unit_id, "
                        + "profile = excluded.profile, poll_interval_ms = excluded.poll_interval_ms, "
                        + "updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .setParameter(1, deviceId).setParameter(2, host).setParameter(3, port).setParameter(4, unitId)
                .setParameter(5, profile).setParameter(6, pollIntervalMillis).setParameter(7, by).setParameter(8, at)
                .executeUpdate();
    }

    boolean deleteDevice(String deviceId) {
        return em.createNativeQuery("delete from modbus_device where device_id = ?1").setParameter(1, deviceId)
                .executeUpdate() > 0;
    }

    long devicesUsing(String profile) {
        return ((Number) em.createNativeQuery("select count(*) from modbus_device where profile = ?1")
                .setParameter(1, profile).getSingleResult()).longValue();
    }

    Optional<RegisterMapView> map(String name) {
        return maps("where name = ?1", name).stream().findFirst();
    }

    List<RegisterMapView> maps() {
        return maps("", null);
    }

    void upsertMap(ModbusRegisterMap map, String by, Instant at) {
        em.createNativeQuery("insert into modbus_register_map (name, definition, updated_by, updated_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict (name) do update set definition = excluded.definition, "
                        + "updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .setParameter(1, map.name()).setParameter(2, EventCodec.encodeToString(map)).setParameter(3, by)
                .setParameter(4, at).executeUpdate();
    }

    boolean deleteMap(String name) {
        return em.createNativeQuery("delete from modbus_register_map where name = ?1").setParameter(1, name)
                .executeUpdate() > 0;
    }

    private List<ModbusDeviceView> devices(String where, String parameter) {
        var query = em.createNativeQuery("select " + DEVICE_COLUMNS + " from modbus_device m join device d "
                + "on d.id = m.device_id " + where + " order by m.device_id");
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new ModbusDeviceView((String) row[0], DeviceType.valueOf((String) row[1]),
                (String) row[2], (String) row[3], ((Number) row[4]).intValue(), ((Number) row[5]).intValue(),
                (String) row[6], ((Number) row[7]).longValue(), (String) row[8], instant(row[9]))).toList();
    }

    private List<RegisterMapView> maps(String where, String parameter) {
        var query = em.createNativeQuery("select name, definition, updated_by, updated_at from modbus_register_map "
                + where + " order by name");
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> {
            ModbusRegisterMap map = EventCodec.decode((String) row[1], ModbusRegisterMap.class);
            return new RegisterMapView(map.name(), false, map.registers(), map.status(), (String) row[2],
                    instant(row[3]));
        }).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
