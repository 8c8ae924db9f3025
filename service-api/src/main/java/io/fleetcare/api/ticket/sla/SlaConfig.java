package io.fleetcare.api.ticket.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Service-level targets and the working-day calendar, {@code fleetcare.sla.*}. The defaults are the targets
 * written in the seeds (DOMAIN.md "Service levels"): respond within 24 h (seed 000 "四、服务标准 1. 响应时间"),
 * answer the customer within 12 h and be on site within 24 h (seed 004 §3.2.2), repair done within
 * 10 working days (seed 002 §三.1), first verification of a complaint within 3 working days (seed 000
 * "投诉处理"), returned goods dealt with within 5 working days (seed 003 "六 9"). The built-in calendar is
 * mainland China's: 2026 per the State Council General Office notice of 2025-11-04, 2027 provisional (see the
 * module README "Working-day calendar").
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

    /**
     * Working days after the day the company received returned goods by whose end they must be dealt with
     * (seed 003 "六、不良品退换货的相关要求 9": 公司在收到退货后5个工作日内处理完毕).
     */
    @WithDefault("5")
    @Min(1)
    @Max(365)
    int returnedGoodsWorkingDays();

    /**
     * The working-day calendar, one entry per year ({@code fleetcare.sla.calendar."2027".holidays=...}), every
     * year from the first to the last configured. The built-in years come from the resource files
     * {@code calendars/<year>.properties} named in {@code quarkus.config.locations}.
     */
    Map<Integer, YearDays> calendar();

    /** The days off and make-up working days of one year, see {@link CalendarYear}. */
    interface YearDays {

        /** Days off in ISO format, e.g. {@code 2026-10-01,2026-10-02}. */
        List<LocalDate> holidays();

        /** Saturdays and Sundays that are worked in exchange for a holiday bridge (调休). */
        Optional<List<LocalDate>> makeUpWorkingDays();

        /** True while the year's list is not the official notice; logged as a warning at start. */
        @WithDefault("false")
        boolean provisional();

        /** Where the list comes from. */
        Optional<String> source();
    }
}
