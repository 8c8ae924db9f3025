package io.fleetcare.gateway.ingest;

import io.fleetcare.events.DeviceClock;
import io.fleetcare.events.DeviceEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The device clock check of the shared ingest path ({@link DeviceEventPublisher}), the same for every protocol: an
 * event whose reported timestamp lies more than {@code fleetcare.clock.tolerance} from the receive time gets the
 * receive time as its event time, keeps the reported one in {@code reportedTs} and is marked {@code clockSkewed}
 * ({@link DeviceClock}). Each such event counts in {@code gateway_clock_skewed_total{protocol}}; a WARN line names the
 * device when its clock goes wrong and an INFO line when it is right again (not one line per event). Thread-safe.
 */
@ApplicationScoped
public class DeviceClockCheck {

    private static final Logger LOG = Logger.getLogger(DeviceClockCheck.class);

    private final DeviceClock clock;
    private final IngestMetrics metrics;
    private final Set<String> skewedDevices = ConcurrentHashMap.newKeySet();

    @Inject
    DeviceClockCheck(ClockSettings settings, IngestMetrics metrics) {
        this(new DeviceClock(settings.tolerance()), metrics);
    }

    /** @param clock the tolerance; never null. @param metrics never null */
    public DeviceClockCheck(DeviceClock clock, IngestMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param event as the protocol adapter built it; never null
     * @return the checked event (see {@link DeviceClock#check}); never null
     */
    public DeviceEvent apply(DeviceEvent event) {
        DeviceEvent checked = clock.check(event);
        if (checked.clockSkewed()) {
            metrics.countClockSkewed(checked.protocol());
            if (skewedDevices.add(checked.deviceId())) {
                LOG.warnf("device %s: clock %s (event %s reported %s, received %s); using the receive time"
                                + " as event time while it is off by more than %s",
                        checked.deviceId(), DeviceClock.describe(DeviceClock.offset(checked)), checked.eventId(),
                        checked.reportedTs(), checked.receivedTs(), clock.tolerance());
            }
        } else if (checked.reportedTs() != null && skewedDevices.remove(checked.deviceId())) {
            LOG.infof("device %s: clock right again (event %s reported %s, received %s)", checked.deviceId(),
                    checked.eventId(), checked.reportedTs(), checked.receivedTs());
        }
        return checked;
    }
}
