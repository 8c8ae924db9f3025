package io.fleetcare.api.device;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The warranty of one component and the service category it gives on a day. Pure; no clock.
 *
 * <p>The warranty starts at the sale date when the sale is proven, else at the production date (seed 003
 * "判断标准": 凭购买凭证 … 无购买凭证或销售日期标识的,按生产日期计算保修时间), and lasts the component's own
 * number of months (seed 004 §4: different parts of one product may carry different periods). A day is in
 * warranty when it comes before the start plus the months. After it, a service
 * agreement running until {@code contractUntil} (inclusive) makes the service {@link ServiceCategory#CONTRACT};
 * otherwise it is {@link ServiceCategory#PAID} (seed 002 §2.1).
 *
 * @param start          first day of the warranty; never null
 * @param months         length of the warranty in months, 0 for none
 * @param contractUntil  last day covered by a service agreement; null when there is none
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

    /** The first day no longer in warranty. */
    public LocalDate end() {
        return start.plusMonths(months);
    }

    /**
     * Whether the component is covered by its warranty on this day. A day before the warranty starts (a unit
     * serviced before its sale) counts as covered: the maker still owns the unit.
     */
    public boolean inWarrantyOn(LocalDate day) {
        return day.isBefore(end());
    }

    /**
     * The service category on this day.
     *
     * @param day never null
     */
    public ServiceCategory categoryOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (inWarrantyOn(day)) {
            return ServiceCategory.FREE;
        }
        if (contractUntil != null && !day.isAfter(contractUntil)) {
            return ServiceCategory.CONTRACT;
        }
        return ServiceCategory.PAID;
    }
}
