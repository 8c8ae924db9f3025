package io.fleetcare.api.ticket.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Service-level targets and the working-day calendar, {@code fleetcare.sla.*}. The defaults are the targets
 * written in the seeds (DOMAIN.md "Service levels"): respond within 24 h (seed 000 "四、服务标准 1. 响应时间"),
 * answer the customer within 12 h and be on site within 24 h (seed 004 §3.2.2), repair done within
 * 10 working days (seed 002 §三.1), first verification of a complaint within 3 working days (seed 000
 * "投诉处理"). The built-in calendar is mainland China's for 2026 (State Council General Office notice of
 * 2025-11-04 on the 2026 public holidays); set both lists for other years or places.
 */
@ConfigMapping(prefix = "fleetcare.sla")
public interface SlaConfig {

    /** How long after registration a ticket must be acknowledged. */
    @WithDefault("PT24H")
    @DurationMin(minutes = 1)
    Duration respondWithin();

    /** How long after registration the customer must have been given an answer: the appointment. */
    @WithDefault("PT12H")
    @DurationMin(minutes = 1)
    Duration answerWithin();

    /** How long after registration an engineer must be on site. */
    @WithDefault("PT24H")
    @DurationMin(minutes = 1)
    Duration onSiteWithin();

    /** Working days after the day of registration by whose end the repair must be done. */
    @WithDefault("10")
    @Min(1)
    @Max(365)
    int repairWorkingDays();

    /** Working days after the day of registration by whose end a complaint must be verified a first time. */
    @WithDefault("3")
    @Min(1)
    @Max(365)
    int complaintVerifyWorkingDays();

    /** The time zone whose midnight starts and ends a working day. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Public holidays (days off) in ISO format, e.g. {@code 2026-10-01,2026-10-02}. */
    @WithDefault("2026-01-01,2026-01-02,2026-01-03,"
            + "2026-02-15,2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-02-21,2026-02-22,2026-02-23,"
            + "2026-04-04,2026-04-05,2026-04-06,"
            + "2026-05-01,2026-05-02,2026-05-03,2026-05-04,2026-05-05,"
            + "2026-06-19,2026-06-20,2026-06-21,"
            + "2026-09-25,2026-09-26,2026-09-27,"
            + "2026-10-01,2026-10-02,2026-10-03,2026-10-04,2026-10-05,2026-10-06,2026-10-07")
    List<LocalDate> holidays();

    /** Saturdays and Sundays that are worked in exchange for a holiday bridge (调休). */
    @WithDefault("2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10")
    List<LocalDate> makeUpWorkingDays();
}
