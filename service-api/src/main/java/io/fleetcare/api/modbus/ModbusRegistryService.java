package io.fleetcare.api.modbus;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.device.Device;
import io.fleetcare.api.device.DeviceNotFoundException;
import io.fleetcare.api.device.DeviceRepository;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.events.ModbusRegisterMap;
import io.fleetcare.events.ModbusRegistration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The Modbus registry: registrations of registry devices (host, port, unit, profile, poll interval) and register
 * maps. Each change is stored and published to the gateways' compacted topic in one step: when Kafka does not take
 * it, the transaction rolls back and nothing changed ({@link ModbusRegistryProblem#notPublished}).
 */
@ApplicationScoped
public class ModbusRegistryService {

    private static final Logger LOG = Logger.getLogger(ModbusRegistryService.class);
    static final int DEFAULT_PORT = 502;
    static final int DEFAULT_UNIT = 1;
    static final long DEFAULT_POLL_INTERVAL_MILLIS = 10_000;

    @Inject
    ModbusRegistryRepository repository;

    @Inject
    DeviceRepository devices;

    @Inject
    ModbusRegistryPublisher publisher;

    @Inject
    Clock clock;

    /** True when {@code deviceId} has a Modbus registration (its commands are then Modbus ones). */
    @Transactional
    public boolean isModbus(String deviceId) {
        return repository.device(deviceId).isPresent();
    }

    @Transactional
    public List<ModbusDeviceView> devices() {
        return repository.devices();
    }

    /** @throws ModbusRegistryProblem 404 when the device has no Modbus registration */
    @Transactional
    public ModbusDeviceView device(String deviceId) {
        return repository.device(deviceId).orElseThrow(() -> ModbusRegistryProblem.deviceNotRegistered(deviceId));
    }

    /**
     * Registers or changes how the gateways reach {@code deviceId}.
     *
     * @return the registration and whether it is new
     * @throws DeviceNotFoundException  when the device is not in the device registry
     * @throws InvalidRequestException  listing every problem of the body (including an unknown profile)
     * @throws ModbusRegistryProblem    503 when Kafka did not take it (nothing changed)
     */
    @Transactional
    public Registered<ModbusDeviceView> register(String deviceId, ModbusDeviceRequest body, Caller caller) {
        Device device = devices.findDevice(deviceId).orElseThrow(() -> new DeviceNotFoundException(deviceId));
        int port = body.port() == null ? DEFAULT_PORT : body.port();
        int unit = body.unitId() == null ? DEFAULT_UNIT : body.unitId();
        String profile = body.profile() == null ? ModbusRegisterMap.CHARGER_DEFAULT : body.profile();
        long interval = body.pollIntervalMillis() == null ? DEFAULT_POLL_INTERVAL_MILLIS : body.pollIntervalMillis();
        List<String> problems = new ArrayList<>(ModbusRegistration.problems(deviceId, device.deviceType(),
                body.host(), port, unit, profile, interval));
        if (problems.stream().noneMatch(p -> p.startsWith("profile")) && !knownProfile(profile)) {
            problems.add("profile " + profile + " is not a registered register map (nor built in: "
                    + ModbusRegisterMap.CHARGER_DEFAULT + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(String.join("; ", problems) + ".");
        }
        boolean created = repository.device(deviceId).isEmpty();
        repository.upsertDevice(deviceId, body.host(), port, unit, profile, interval, caller.username(), now());
        publish(() -> publisher.device(new ModbusRegistration(deviceId, device.deviceType(), device.model(),
                body.host(), port, unit, profile, interval)));
        LOG.infof("device %s: Modbus registration %s by %s (%s:%d unit %d, %s, every %d ms)", deviceId,
                created ? "added" : "changed", caller.username(), body.host(), port, unit, profile, interval);
        return new Registered<>(repository.device(deviceId).orElseThrow(), created);
    }

    /**
     * @throws ModbusRegistryProblem 404 when it has no registration, 503 when Kafka did not take the removal
     */
    @Transactional
    public void remove(String deviceId, Caller caller) {
        if (!repository.deleteDevice(deviceId)) {
            throw ModbusRegistryProblem.deviceNotRegistered(deviceId);
        }
        publish(() -> publisher.deviceRemoved(deviceId));
        LOG.infof("device %s: Modbus registration removed by %s", deviceId, caller.username());
    }

    @Transactional
    public List<RegisterMapView> maps() {
        List<RegisterMapView> all = new ArrayList<>();
        all.add(builtInView());
        all.addAll(repository.maps());
        return all;
    }

    /** @throws ModbusRegistryProblem 404 when no such map is registered */
    @Transactional
    public RegisterMapView map(String name) {
        if (ModbusRegisterMap.CHARGER_DEFAULT.equals(name)) {
            return builtInView();
        }
        return repository.map(name).orElseThrow(() -> ModbusRegistryProblem.mapNotFound(name));
    }

    /**
     * Registers or changes a register map; the gateways re-register the devices that use it.
     *
     * @throws InvalidRequestException listing every problem
     * @throws ModbusRegistryProblem   409 for the built-in map, 503 when Kafka did not take it
     */
    @Transactional
    public Registered<RegisterMapView> putMap(String name, RegisterMapRequest body, Caller caller) {
        if (ModbusRegisterMap.CHARGER_DEFAULT.equals(name)) {
            throw ModbusRegistryProblem.builtIn(name);
        }
        List<String> problems = ModbusRegisterMap.problems(name, body.registers(), body.status());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(String.join("; ", problems) + ".");
        }
        ModbusRegisterMap map = new ModbusRegisterMap(name, body.registers(), body.status());
        boolean created = repository.map(name).isEmpty();
        repository.upsertMap(map, caller.username(), now());
        publish(() -> publisher.map(map));
        LOG.infof("register map %s %s by %s", name, created ? "added" : "changed", caller.username());
        return new Registered<>(repository.map(name).orElseThrow(), created);
    }

    /** @throws ModbusRegistryProblem 404, 409 (built in or in use) or 503 */
    @Transactional
    public void removeMap(String name, Caller caller) {
        if (ModbusRegisterMap.CHARGER_DEFAULT.equals(name)) {
            throw ModbusRegistryProblem.builtIn(name);
        }
        long using = repository.devicesUsing(name);
        if (using > 0) {
            throw ModbusRegistryProblem.mapInUse(name, using);
        }
        if (!repository.deleteMap(name)) {
            throw ModbusRegistryProblem.mapNotFound(name);
        }
        publish(() -> publisher.mapRemoved(name));
        LOG.infof("register map %s removed by %s", name, caller.username());
    }

    private boolean knownProfile(String profile) {
        return ModbusRegisterMap.CHARGER_DEFAULT.equals(profile) || repository.map(profile).isPresent();
    }

    private static RegisterMapView builtInView() {
        return new RegisterMapView(ModbusRegisterMap.CHARGER_DEFAULT, true, List.of(), null, null, null);
    }

    private static void publish(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "a Modbus registry change was not taken by Kafka; rolled back");
            throw ModbusRegistryProblem.notPublished();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * @param value   what is registered now
     * @param created whether it did not exist before
     */
    public record Registered<T>(T value, boolean created) {
    }
}
