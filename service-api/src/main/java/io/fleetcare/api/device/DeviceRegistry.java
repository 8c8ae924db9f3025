package io.fleetcare.api.device;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/** The device registry: registers units and their components, and answers what it holds. */
@ApplicationScoped
public class DeviceRegistry {

    private static final Logger LOG = Logger.getLogger(DeviceRegistry.class);

    @Inject
    DeviceRepository devices;

    @Inject
    DeviceComponentRepository components;

    @Inject
    DeviceStateReader states;

    @Inject
    OwnerDisclosure disclosure;

    @Inject
    Clock clock;

    /**
     * Registers a unit with its components.
     *
     * @param registration never null
     * @param caller       who registers it; never null
     * @return the device as stored; never null
     * @throws DeviceConflictException when the id, or the serial of the model, is registered already, or two
     *                                 components share a name
     * @throws InvalidRequestException when the customer named is not in the archive
     */
    @Transactional
    public DeviceView register(DeviceRegistration registration, Caller caller) {
        if (devices.findDevice(registration.deviceId()).isPresent()) {
            throw new DeviceConflictException("device-already-registered", "Device already registered",
                    "Device " + registration.deviceId() + " is registered already.");
        }
        if (devices.serialTaken(registration.model(), registration.serial())) {
            throw new DeviceConflictException("serial-already-registered", "Serial already registered",
                    "Another " + registration.model() + " carries serial " + registration.serial() + ".");
        }
        if (registration.customerId() != null && !devices.customerExists(registration.customerId())) {
            throw new InvalidRequestException("customerId " + registration.customerId()
                    + " names no customer in the archive.");
        }
        Set<String> names = new HashSet<>();
        for (DeviceRegistration.Component c : registration.components()) {
            if (!names.add(c.name())) {
                throw componentExists(registration.deviceId(), c.name());
            }
        }
        Instant now = now();
        Device device = new Device(registration, caller.username(), now);
        flushOrConflict(() -> {
            devices.persist(device);
            for (DeviceRegistration.Component c : registration.components()) {
                components.persist(new DeviceComponent(device, c.name(), c.serial(), c.warrantyMonths(),
                        c.serviceContractUntil(), caller.username(), now));
            }
        }, registration.deviceId());
        LOG.infof("Registered device %s (%s %s, serial %s) by %s", device.id(), device.deviceType(), device.model(),
                device.serial(), caller.username());
        devices.getEntityManager().refresh(device);
        return DeviceView.echo(device);
    }

    /**
     * Adds a component with its own warranty to a registered unit.
     *
     * @throws DeviceNotFoundException when the device is not registered
     * @throws DeviceConflictException when the unit has a component of that name already
     */
    @Transactional
    public DeviceView.Component addComponent(String deviceId, DeviceRegistration.Component component, Caller caller) {
        Device device = devices.findDevice(deviceId).orElseThrow(() -> new DeviceNotFoundException(deviceId));
        if (device.components().stream().anyMatch(c -> c.name().equals(component.name()))) {
            throw componentExists(deviceId, component.name());
        }
        DeviceComponent added = new DeviceComponent(device, component.name(), component.serial(),
                component.warrantyMonths(), component.serviceContractUntil(), caller.username(), now());
        flushOrConflict(() -> components.persist(added), deviceId);
        return DeviceView.componentOf(added);
    }

    /**
     * The device as the caller may see it: the owner's class-1 fields only under a grant ({@link OwnerDisclosure}),
     * which audits the read.
     *
     * @throws DeviceNotFoundException when the device is not registered
     */
    @Transactional
    public DeviceView get(String deviceId, Caller caller) {
        Device device = devices.findDevice(deviceId).orElseThrow(() -> new DeviceNotFoundException(deviceId));
        OwnerAccess access = disclosure.decide(List.of(device), caller).get(deviceId);
        return DeviceView.of(device, states.latest(deviceId).orElse(null), access);
    }

    /**
     * The id of the customer who owns the device, for the features that apply the class-1 rule themselves (the
     * device history); never shown as is.
     *
     * @return null for a unit of no customer
     * @throws DeviceNotFoundException when the device is not registered
     */
    @Transactional
    public Long ownerOf(String deviceId) {
        return devices.findDevice(deviceId).orElseThrow(() -> new DeviceNotFoundException(deviceId)).customerId();
    }

    /** Devices matching the filter, by id, without their latest state, each as {@link #get} shows it. */
    @Transactional
    public List<DeviceView> search(DeviceFilter filter, Caller caller) {
        List<Device> found = devices.search(filter);
        Map<String, OwnerAccess> access = disclosure.decide(found, caller);
        return found.stream().map(d -> DeviceView.of(d, null, access.get(d.id()))).toList();
    }

    /**
     * The warranty status and service category of every component on one day.
     *
     * @param on never null
     * @throws DeviceNotFoundException when the device is not registered
     */
    @Transactional
    public WarrantyView warranty(String deviceId, LocalDate on) {
        Device device = devices.findDevice(deviceId).orElseThrow(() -> new DeviceNotFoundException(deviceId));
        return WarrantyView.of(device, on);
    }

    /**
     * The service category of a case about the device registered on {@code day} (see {@link CaseCategory}).
     *
     * @param deviceId      never null
     * @param componentName the component the case names; null when it names none
     * @param day           the day the case is registered, in the SLA zone; never null
     * @return {@link CaseCategory#UNDETERMINED} for an unregistered device when no component is named; never null
     * @throws InvalidRequestException when a component is named and the device is not registered or has no
     *                                 component of that name (400)
     */
    @Transactional
    public CaseCategory categoryOfCase(String deviceId, String componentName, LocalDate day) {
        Optional<Device> device = devices.findDevice(deviceId);
        if (componentName == null) {
            return device.map(d -> CaseCategory.of(d, day)).orElse(CaseCategory.UNDETERMINED);
        }
        Device registered = device.orElseThrow(() -> new InvalidRequestException("Device " + deviceId
                + " is not registered, so the case cannot name its component '" + componentName + "'."));
        return registered.components().stream().filter(c -> c.name().equals(componentName)).findFirst()
                .map(c -> CaseCategory.of(c, day))
                .orElseThrow(() -> new InvalidRequestException("Device " + deviceId + " has no component named '"
                        + componentName + "'."));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A concurrent registration of the same id, serial or component loses at the database's unique keys. */
    private void flushOrConflict(Runnable writes, String deviceId) {
        try {
            writes.run();
            devices.flush();
        } catch (ConstraintViolationException e) {
            throw new DeviceConflictException("device-conflict", "Device registry conflict",
                    "Device " + deviceId + " changed concurrently; read it and try again.");
        }
    }

    private static DeviceConflictException componentExists(String deviceId, String name) {
        return new DeviceConflictException("component-already-registered", "Component already registered",
                "Device " + deviceId + " has a component '" + name + "' already.");
    }
}
