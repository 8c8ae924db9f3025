package io.fleetcare.api.ticket.sla;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * Computes a ticket's service-level due times when it is registered and judges, at any later moment,
 * which of them it missed (DOMAIN.md "Service levels"; defaults in {@link SlaConfig}).
 *
 * <ul>
 *   <li>The hour targets run round the clock from registration (seed 000 "四、服务标准": "接到服务请求后,
 *       24小时内"; seed 002 "公司实行24小时售后服务"): respond (acknowledge) 24 h, answer the customer with
 *       an appointment 12 h, on site 24 h.</li>
 *   <li>The working-day targets count whole working days of the {@link WorkingCalendar} after the day of
 *       registration: repair done within 10 working days (seed 002 §三.1), first verification of a
 *       complaint within 3 working days (seed 000 "投诉处理"), the latter only for complaints; returned goods
 *       dealt with within 5 working days of their receipt (seed 003 "六 9", {@link #returnedGoodsDue}).</li>
 * </ul>
 * Which milestone stops which clock: respond - acknowledged; answer and complaint verification - scheduled
 * (the customer has been told time and place, seed 000 §4.2); on site - on site; repair - resolved.
 */
@Singleton
public class SlaPolicy {

    private final Duration respondWithin;
    private final Duration answerWithin;
    private final Duration onSiteWithin;
    private final int repairWorkingDays;
    private final int complaintVerifyWorkingDays;
    private final int returnedGoodsWorkingDays;
    private final WorkingCalendar calendar;

    @Inject
    public SlaPolicy(SlaConfig config) {
        this(config.respondWithin(), config.answerWithin(), config.onSiteWithin(), config.repairWorkingDays(),
                config.complaintVerifyWorkingDays(), config.returnedGoodsWorkingDays(), calendarOf(config));
    }

    /**
     * @throws IllegalArgumentException when a target is not positive
     */
    public SlaPolicy(Duration respondWithin, Duration answerWithin, Duration onSiteWithin, int repairWorkingDays,
            int complaintVerifyWorkingDays, int returnedGoodsWorkingDays, WorkingCalendar calendar) {
        this.respondWithin = positive(respondWithin, "respondWithin");
        this.answerWithin = positive(answerWithin, "answerWithin");
        this.onSiteWithin = positive(onSiteWithin, "onSiteWithin");
        this.repairWorkingDays = positive(repairWorkingDays, "repairWorkingDays");
        this.complaintVerifyWorkingDays = positive(complaintVerifyWorkingDays, "complaintVerifyWorkingDays");
        this.returnedGoodsWorkingDays = positive(returnedGoodsWorkingDays, "returnedGoodsWorkingDays");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * The calendar of the configured years.
     *
     * @throws IllegalArgumentException when no year is configured, a year is missing in between or a year lists a
     *                                  day of another year
     */
    public static WorkingCalendar calendarOf(SlaConfig config) {
        return WorkingCalendar.ofYears(config.zone(), config.calendar().entrySet().stream()
                .map(e -> new CalendarYear(Year.of(e.getKey()), Set.copyOf(e.getValue().holidays()),
                        Set.copyOf(e.getValue().makeUpWorkingDays().orElse(List.of())), e.getValue().provisional(),
                        e.getValue().source().orElse("")))
                .toList());
    }

    /**
     * When returned goods received at {@code receivedAt} must have been dealt with: the end of the
     * {@code returnedGoodsWorkingDays}-th working day after that day (seed 003 "六 9").
     *
     * @param receivedAt never null
     */
    public Instant returnedGoodsDue(Instant receivedAt) {
        return calendar.endOfWorkingDaysAfter(Objects.requireNonNull(receivedAt, "receivedAt"),
                returnedGoodsWorkingDays);
    }

    /**
     * Whether the returned-goods target is missed as of {@code now}.
     *
     * @param dueBy       never null
     * @param processedAt when the goods were dealt with; null while they are not
     * @param now         never null
     */
    public boolean returnedGoodsBreached(Instant dueBy, Instant processedAt, Instant now) {
        return missed(dueBy, processedAt, Objects.requireNonNull(now, "now"));
    }

    /**
     * How far a working-day clock started at {@code now} can run: the end of the longest working-day target
     * (repair, complaint verification, returned goods) counted from now.
     *
     * @param now never null
     */
    public CalendarHorizon horizon(Instant now) {
        int longest = Math.max(repairWorkingDays, Math.max(complaintVerifyWorkingDays, returnedGoodsWorkingDays));
        Instant end = calendar.endOfWorkingDaysAfter(now, longest);
        LocalDate lastDay = end.atZone(calendar.zone()).toLocalDate().minusDays(1);
        return new CalendarHorizon(longest, lastDay, calendar.lastCoveredDay().orElse(null),
                calendar.years().stream().filter(CalendarYear::provisional).map(CalendarYear::year).toList());
    }

    /**
     * The due times of a ticket registered at {@code openedAt}.
     *
     * @param openedAt  when the ticket was registered; never null
     * @param complaint whether the customer complains, which starts the complaint verification clock
     */
    public SlaDueTimes dueTimes(Instant openedAt, boolean complaint) {
        Objects.requireNonNull(openedAt, "openedAt");
        return new SlaDueTimes(
                openedAt.plus(respondWithin),
                openedAt.plus(answerWithin),
                openedAt.plus(onSiteWithin),
                calendar.endOfWorkingDaysAfter(openedAt, repairWorkingDays),
                complaint ? calendar.endOfWorkingDaysAfter(openedAt, complaintVerifyWorkingDays) : null);
    }

    /**
     * Which targets are missed as of {@code now}.
     *
     * @param due     the ticket's due times; never null
     * @param reached what the ticket has reached so far; never null
     * @param now     the time to judge at; never null
     */
    public SlaBreaches breaches(SlaDueTimes due, SlaMilestones reached, Instant now) {
        Objects.requireNonNull(now, "now");
        Instant running = reached.stoppedAt() != null ? reached.stoppedAt() : now;
        return new SlaBreaches(
                missed(due.respondBy(), reached.acknowledgedAt(), running),
                missed(due.answerBy(), reached.scheduledAt(), running),
                missed(due.onSiteBy(), reached.onSiteAt(), running),
                missed(due.repairBy(), reached.resolvedAt(), running),
                due.complaintVerifyBy() == null ? null : missed(due.complaintVerifyBy(), reached.scheduledAt(), running));
    }

    private static boolean missed(Instant dueBy, Instant reachedAt, Instant running) {
        return (reachedAt != null ? reachedAt : running).isAfter(dueBy);
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }

    private static int positive(int n, String name) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + n);
        }
        return n;
    }
}
