package io.fleetcare.api.ticket.sla;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * Whether the working-day calendar reaches far enough: DOWN as soon as a working-day clock started now (the longest
 * of repair, complaint verification and returned goods) could end after 31 December of the last configured year,
 * because its holidays are unknown and would be counted as working days. Listed at {@code /q/health} and
 * {@code /q/health/well} (a wellness check: the service keeps answering, but somebody has to add the next year).
 * The same judgement is logged at WARN at start, with the provisional years.
 */
@Wellness
@ApplicationScoped
public class CalendarHorizonCheck implements HealthCheck {

    static final String NAME = "working-day calendar";

    private static final Logger LOG = Logger.getLogger(CalendarHorizonCheck.class);

    private final SlaPolicy policy;
    private final Clock clock;

    public CalendarHorizonCheck(SlaPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    void warnAtStart(@Observes StartupEvent started) {
        CalendarHorizon horizon = policy.horizon(clock.instant());
        if (horizon.exceeded()) {
            LOG.warnf("The working-day calendar ends on %s but a %d-working-day clock started now runs to %s: add "
                    + "the next year (fleetcare.sla.calendar.\"<year>\".*, see the README)",
                    horizon.lastCoveredDay(), horizon.workingDays(), horizon.lastDayOfClock());
        }
        if (!horizon.provisionalYears().isEmpty()) {
            LOG.warnf("The working-day calendar of %s is provisional (not the official holiday notice); replace it "
                    + "when the notice is published", horizon.provisionalYears());
        }
    }

    @Override
    public HealthCheckResponse call() {
        CalendarHorizon horizon = policy.horizon(clock.instant());
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(!horizon.exceeded())
                .withData("longestWorkingDayClock", horizon.workingDays())
                .withData("clockStartedNowEndsOn", horizon.lastDayOfClock().toString())
                .withData("calendarEndsOn", String.valueOf(horizon.lastCoveredDay()));
        if (!horizon.provisionalYears().isEmpty()) {
            response.withData("provisionalYears", horizon.provisionalYears().toString());
        }
        return response.build();
    }
}
