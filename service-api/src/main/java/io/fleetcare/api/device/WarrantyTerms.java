package io.fleetcare.api.device;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The warranty of one component and the service category it gives on a day. Pure; no clock.
 *
 * <p>The warranty starts at the sale date when the sale is proven, else at the production date (seed 003
 * "判断标准": 凭购买凭证 … 无购买凭证或销售日期标识的,按生产日期计算保修时间), and lasts the component's own
 * number of months (seed 004 §4: different parts of one product may carry different periods).
 *
 * <p><b>Ends are inclusive, everywhere</b>: {@link #lastDay()} is the last day in warranty, as
 * {@code contractUntil} is the last day covered by a service agreement; a warranty of 24 months from 1 June 2024
 * runs to 31 May 2026 inclusive. A day before the start is {@link WarrantyStatus#NOT_STARTED}: the customer's
 * warranty does not cover it, so it is not FREE, and its category is undetermined (null, billed per part on the
 * repair record). After the warranty, a service agreement covering the day makes the service
 * {@link ServiceCategory#CONTRACT}, otherwise it is {@link ServiceCategory#PAID} (seed 002 §2.1).
 *
 * @param start          first day of the warranty; never null
 * @param months         length of the warranty in months, 0 for none
 * @param contractUntil  last day covered by a service agreement (inclusive); null when there is none
 */
public record WarrantyTerms(LocalDate start, int months, LocalDate contractUntil) {

    public WarrantyTerms {
        Objects.requireNonNull(start, "start");
        if (months < 0) {
            throw new IllegalArgumentException("months must not be negative");
        }
    }

    /**
     * @param producedOn never null
     * @param soldOn     the proven sale date; null when unknown
     */
    public static LocalDate startOf(LocalDate producedOn, LocalDate soldOn) {
        return soldOn != null ? soldOn : Objects.requireNonNull(producedOn, "producedOn");
    }

    /**
     * The last day in warranty, inclusive: the day before start plus the months. For a component without warranty
     * (0 months) this is the day before the start, so that no day is in warranty.
     */
    public LocalDate lastDay() {
        return start.plusMonths(months).minusDays(1);
    }

    /**
     * Where the warranty stands on this day.
     *
     * @param day never null
     */
    public WarrantyStatus statusOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (day.isBefore(start)) {
            return WarrantyStatus.NOT_STARTED;
        }
        return day.isAfter(lastDay()) ? WarrantyStatus.EXPIRED : WarrantyStatus.IN_WARRANTY;
    }

    /** Whether the component is covered by its warranty on this day; false before the start. */
    public boolean inWarrantyOn(LocalDate day) {
        return statusOn(day) == WarrantyStatus.IN_WARRANTY;
    }

    /**
     * The service category on this day.
     *
     * @param day never null
     * @return null before the warranty starts (undetermined, see the class comment)
     */
    public ServiceCategory categoryOn(LocalDate day) {
        return switch (statusOn(day)) {
            case NOT_STARTED -> null;
            case IN_WARRANTY -> ServiceCategory.FREE;
            case EXPIRED -> contractUntil != null && !day.isAfter(contractUntil)
                    ? ServiceCategory.CONTRACT : ServiceCategory.PAID;
        };
    }
}
