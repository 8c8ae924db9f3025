package io.fleetcare.simulator.fleet;

import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.charger.SimulatedCharger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the chargers of a {@link FleetPlan} against an OCPP 1.6J central system: each connects as itself
 * (HTTP Basic, user = charge point id) to {@code {ocppBaseUri}/{chargePointId}}, boots and lives its life
 * until {@link #close()}. The chargers share two scheduler threads.
 */
public final class ChargerFleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChargerFleet.class);

    private final FleetPlan plan;
    private final ScheduledExecutorService scheduler;
    private final List<SimulatedCharger> chargers = new ArrayList<>();

    private ChargerFleet(FleetPlan plan) {
        this.plan = plan;
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "charger-fleet");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects every charger of the plan (its set-top boxes are left to {@link SimulatedFleet}).
     *
     * @param ocppBaseUri e.g. {@code ws://localhost:8081/ocpp}
     * @throws ExecutionException when a charger cannot connect (e.g. a wrong secret); the chargers started
     *                            so far are closed again
     */
    public static ChargerFleet start(FleetPlan plan, URI ocppBaseUri) throws ExecutionException {
        ChargerFleet fleet = new ChargerFleet(plan);
        try {
            for (ChargerSpec spec : plan.chargers()) {
                fleet.chargers.add(SimulatedCharger.start(spec, ocppBaseUri, fleet.scheduler, Duration.ofSeconds(30)));
            }
        } catch (ExecutionException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        LOG.info("charger fleet of {} connected to {}: {}", fleet.chargers.size(), ocppBaseUri, fleet.chargers);
        return fleet;
    }

    public FleetPlan plan() {
        return plan;
    }

    /** The running chargers, in plan order. */
    public List<SimulatedCharger> chargers() {
        return List.copyOf(chargers);
    }

    /** OCPP messages (calls and answers) the chargers sent so far. */
    public long sent() {
        return chargers.stream().mapToLong(SimulatedCharger::sent).sum();
    }

    /** Calls of the chargers that were refused, timed out or could not be sent. */
    public long failed() {
        return chargers.stream().mapToLong(SimulatedCharger::failed).sum();
    }

    @Override
    public void close() {
        chargers.forEach(SimulatedCharger::close);
        scheduler.shutdownNow();
    }
}
