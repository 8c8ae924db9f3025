package io.fleetcare.gateway.modbus;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.DeviceEventPublisher;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The Modbus TCP master: polls every device of {@code fleetcare.modbus.devices-file} (the seed) and every device
 * {@link #register registered} at runtime (by {@link ModbusRegistryConsumer}, from the service API) on its interval,
 * and hands each poll's {@link DeviceEvent}s to the {@link DeviceEventPublisher}; writes registers for commands.
 * Started and stopped with the application; a devices or profile file that is not valid stops the start.
 *
 * <p>Counts a successful poll in {@code gateway_messages_received_total{protocol="modbus"}}, a failed one in
 * {@code gateway_polls_failed_total{protocol="modbus",reason}}, and the devices answering now in
 * {@code gateway_devices_connected{protocol="modbus"}}. An event Kafka does not take is logged and counted by the
 * publisher; the next poll reads the registers again.
 */
@ApplicationScoped
public class ModbusPoller {

    private static final Logger LOG = Logger.getLogger(ModbusPoller.class);

    private final ModbusSettings settings;
    private final DeviceEventPublisher publisher;
    private final IngestMetrics metrics;
    private final Map<String, PolledDevice> devices = new ConcurrentHashMap<>();
    private volatile RegisterProfiles profiles;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean stopping;

    public ModbusPoller(ModbusSettings settings, DeviceEventPublisher publisher, IngestMetrics metrics) {
        this.settings = settings;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        metrics.register(Protocol.MODBUS);
        metrics.gaugeConnectedDevices(Protocol.MODBUS, () -> devices.values().stream()
                .filter(device -> device.state() == PolledDevice.State.ONLINE).count());
        profiles = RegisterProfiles.load(settings.profileFiles().orElse(List.of()).stream().map(Path::of).toList());
        AtomicInteger threadNumber = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(Math.max(1, settings.threads()),
                task -> {
                    Thread thread = new Thread(task, "modbus-poll-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.setRemoveOnCancelPolicy(true);
        scheduler = executor;
        if (settings.devicesFile().isEmpty()) {
            LOG.info("no fleetcare.modbus.devices-file: only devices registered through the service API are polled");
            return;
        }
        List<ModbusDevice> configured = ModbusDeviceFile.read(Path.of(settings.devicesFile().get()), profiles,
                settings.defaultPollInterval());
        configured.forEach(this::register);
        LOG.infof("polling %d Modbus device(s) from %s", configured.size(), settings.devicesFile().get());
    }

    /**
     * The built-in profiles and those of {@code fleetcare.modbus.profile-files}, as loaded at start; null before.
     */
    public RegisterProfiles fileProfiles() {
        return profiles;
    }

    /**
     * Starts polling {@code device} now, or, when a device of that id is polled already, replaces it (new address,
     * profile or interval apply from the next poll on; the old connection is closed).
     *
     * @throws IllegalStateException before the application started or after it stopped
     */
    public void register(ModbusDevice device) {
        if (scheduler == null || stopping) {
            throw new IllegalStateException("the Modbus poller is not running");
        }
        PolledDevice polled = new PolledDevice(device, new ModbusTcpLink(device.host(), device.port(),
                timeout(device)), settings.maxBackoff(), Clock.systemUTC());
        PolledDevice replaced = devices.put(device.deviceId(), polled);
        if (replaced != null) {
            closeLater(replaced);
            LOG.infof("device %s: registration changed, polling %s:%d unit %d every %s with profile %s",
                    device.deviceId(), device.host(), device.port(), device.unitId(), device.pollInterval(),
                    device.profile().name());
        } else {
            LOG.infof("device %s: polling %s:%d unit %d every %s with profile %s", device.deviceId(), device.host(),
                    device.port(), device.unitId(), device.pollInterval(), device.profile().name());
        }
        schedule(polled, Duration.ZERO);
    }

    /**
     * Stops polling {@code deviceId}: no poll starts after this returns, and what a poll running now reads is not
     * reported. Nothing happens when the device is not polled here.
     *
     * @return whether it was polled
     */
    public boolean remove(String deviceId) {
        PolledDevice removed = devices.remove(deviceId);
        if (removed == null) {
            return false;
        }
        closeLater(removed);
        LOG.infof("device %s: removed, polling stopped", deviceId);
        return true;
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
        devices.values().forEach(PolledDevice::close);
    }

    /** True when this instance polls {@code deviceId}. */
    public boolean polls(String deviceId) {
        return devices.containsKey(deviceId);
    }

    /** True when {@code deviceId} is polled here and answered its last poll. */
    public boolean isOnline(String deviceId) {
        PolledDevice device = devices.get(deviceId);
        return device != null && device.state() == PolledDevice.State.ONLINE;
    }

    /**
     * Writes {@code value}, in the register's unit, to the writable register {@code register} of a polled device,
     * between two polls.
     *
     * @return completes with the stored value (as the device holds it); fails with {@link IllegalArgumentException}
     *         when the device is not polled here, its profile has no such writable register or the value does not
     *         fit it, and with {@link ModbusFailure} when the device did not take it; never null
     */
    public CompletionStage<Double> write(String deviceId, String register, double value) {
        PolledDevice device = devices.get(deviceId);
        if (device == null || scheduler == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(deviceId + " is not polled here"));
        }
        CompletableFuture<Double> written = new CompletableFuture<>();
        try {
            scheduler.execute(() -> {
                try {
                    PolledDevice.Written stored = device.write(register, value);
                    LOG.infof("device %s: wrote %s = %s (register %d)", deviceId, register, stored.value(),
                            stored.address());
                    written.complete(stored.value());
                } catch (ModbusFailure failure) {
                    LOG.warnf("device %s: writing %s failed (%s): %s", deviceId, register, failure.reason().tag(),
                            failure.getMessage());
                    written.completeExceptionally(failure);
                } catch (RuntimeException e) {
                    written.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            written.completeExceptionally(new IllegalStateException("the gateway is shutting down"));
        }
        return written;
    }

    private void schedule(PolledDevice device, Duration delay) {
        if (stopping) {
            return;
        }
        try {
            scheduler.schedule(() -> pollOnce(device), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void pollOnce(PolledDevice device) {
        if (!isCurrent(device)) {
            return;
        }
        Duration next = device.device().pollInterval();
        try {
            PolledDevice.Poll poll = device.poll();
            next = poll.nextIn();
            if (isCurrent(device)) {
                report(device.device(), poll);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "device %s: poll failed unexpectedly", device.device().deviceId());
        } finally {
            if (isCurrent(device)) {
                schedule(device, next);
            }
        }
    }

    /** False once the device was removed or its registration replaced: its polls end. */
    private boolean isCurrent(PolledDevice device) {
        return devices.get(device.device().deviceId()) == device;
    }

    private void closeLater(PolledDevice device) {
        try {
            scheduler.execute(device::close);
        } catch (RejectedExecutionException e) {
            device.close();
        }
    }

    private void report(ModbusDevice device, PolledDevice.Poll poll) {
        if (poll.failure() == null) {
            metrics.countReceived(Protocol.MODBUS);
        } else {
            metrics.countPollFailure(Protocol.MODBUS, poll.failure().reason().tag());
        }
        for (DeviceEvent event : poll.events()) {
            if (event.event() != null && ModbusReadings.DISCONNECTED.equals(event.event().name())) {
                LOG.warnf("device %s: offline (%s): %s; next attempt in %s", device.deviceId(),
                        poll.failure().reason().tag(), poll.failure().getMessage(), poll.nextIn());
            } else if (event.event() != null) {
                LOG.infof("device %s: online (%s:%d unit %d)", device.deviceId(), device.host(), device.port(),
                        device.unitId());
            }
            publisher.publish(event).whenComplete((confirmed, failure) -> {
                if (failure != null) {
                    LOG.warnf("device %s: %s event %s not taken by Kafka: %s", device.deviceId(), event.kind(),
                            event.eventId(), failure.toString());
                }
            });
        }
        if (poll.failure() != null && poll.events().isEmpty()) {
            if (poll.failure().reason().deviceUnreachable()) {
                LOG.debugf("device %s: still offline (%s); next attempt in %s", device.deviceId(),
                        poll.failure().reason().tag(), poll.nextIn());
            } else {
                LOG.warnf("device %s: poll refused (%s): %s", device.deviceId(), poll.failure().reason().tag(),
                        poll.failure().getMessage());
            }
        }
    }

    private Duration timeout(ModbusDevice device) {
        Duration half = device.pollInterval().dividedBy(2);
        return settings.timeout().compareTo(half) < 0 ? settings.timeout() : half;
    }
}
