package io.fleetcare.api.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiFiguresTest {

    private static final LocalDate FROM = LocalDate.parse("2026-11-01");
    private static final LocalDate TO = LocalDate.parse("2026-11-30");
    private static final Instant START = Instant.parse("2026-10-31T16:00:00Z");
    private static final Instant END = Instant.parse("2026-11-30T16:00:00Z");
    private static final Instant IN = Instant.parse("2026-11-10T08:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-10-20T08:00:00Z");

    @Test
    void ungroupedFiguresFollowTheirDefinitions() {
        // given: opened in the period: a fixed first time, b two repairs, c a complaint still open and breached;
        // d opened before the period, resolved, closed and surveyed in it
        List<TicketFacts> facts = List.of(
                facts("a", "M1", IN, IN.plusSeconds(10 * 3600), IN.plusSeconds(20 * 3600), false, false, 1, 1, false,
                        5.0, IN.plusSeconds(30 * 3600)),
                facts("b", "M1", IN, IN.plusSeconds(20 * 3600), null, false, false, 2, 2, false, null, null),
                facts("c", "M2", IN, null, null, true, true, 0, 0, false, null, null),
                facts("d", "M2", BEFORE, IN, IN.plusSeconds(3600), false, true, 1, 1, true, 3.0, IN));

        // when
        KpiReport report = KpiFigures.of(facts, FROM, TO, START, END, KpiGrouping.NONE);

        // then
        assertThat(report.groupBy()).isEqualTo("none");
        assertThat(report.groups()).hasSize(1);
        KpiReport.Group all = report.groups().get(0);
        assertThat(all.key()).isNull();
        assertThat(all.ticketsOpened()).isEqualTo(3);
        assertThat(all.ticketsClosed()).isEqualTo(2);
        assertThat(all.timeliness()).isEqualTo(0.5);
        assertThat(all.firstTimeFixRate()).isCloseTo(1 / 3.0, within(1e-9));
        double dHours = (IN.getEpochSecond() - BEFORE.getEpochSecond()) / 3600.0;
        assertThat(all.meanTimeToRepairHours()).isCloseTo((10 + 20 + dHours) / 3, within(1e-9));
        assertThat(all.complaintRate()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(all.satisfaction()).isEqualTo(4.0);
        assertThat(all.slaBreaches()).isEqualTo(1);
    }

    @Test
    void ratesWithoutADenominatorAreNullAndGroupsAreKeyedByModelWithUnknownForNone() {
        // given: one ticket without model, opened in the period and nothing else
        List<TicketFacts> facts = List.of(
                facts("e", null, IN, null, null, false, false, 0, 0, false, null, null),
                facts("f", "M1", IN, null, null, false, false, 0, 0, false, null, null));

        // when
        KpiReport report = KpiFigures.of(facts, FROM, TO, START, END, KpiGrouping.MODEL);

        // then
        assertThat(report.groups()).extracting(KpiReport.Group::key).containsExactly(KpiFigures.UNKNOWN, "M1");
        KpiReport.Group unknown = report.groups().get(0);
        assertThat(unknown.ticketsOpened()).isEqualTo(1);
        assertThat(unknown.timeliness()).isNull();
        assertThat(unknown.firstTimeFixRate()).isNull();
        assertThat(unknown.meanTimeToRepairHours()).isNull();
        assertThat(unknown.satisfaction()).isNull();
        assertThat(unknown.complaintRate()).isEqualTo(0.0);
    }

    @Test
    void faultsCountTelemetryTicketsOpenedInThePeriodPerModelAndFirmware() {
        // given
        List<TicketFacts> facts = List.of(
                telemetry("g", "M1", "1.0", IN), telemetry("h", "M1", "1.0", IN), telemetry("i", "M1", "2.0", IN),
                telemetry("j", "M1", "1.0", BEFORE.minusSeconds(86_400 * 30)),
                facts("k", "M1", IN, null, null, false, false, 0, 0, false, null, null));

        // when
        KpiReport report = KpiFigures.of(facts, FROM, TO, START, END, KpiGrouping.FIRMWARE);

        // then
        assertThat(report.faultsByModelFirmware()).containsExactly(new KpiReport.Faults("M1", "1.0", 2),
                new KpiReport.Faults("M1", "2.0", 1));
        assertThat(report.groups()).extracting(KpiReport.Group::key)
                .containsExactly(KpiFigures.UNKNOWN, "1.0", "2.0");
    }

    @Test
    void aTicketReopenedOrVisitedTwiceIsNoFirstTimeFix() {
        // given
        TicketFacts reopened = facts("l", "M1", IN, IN, null, false, false, 1, 1, true, null, null);
        TicketFacts twoVisits = facts("m", "M1", IN, IN, null, false, false, 1, 2, false, null, null);
        TicketFacts once = facts("n", "M1", IN, IN, null, false, false, 1, 1, false, null, null);

        // then
        assertThat(reopened.fixedFirstTime()).isFalse();
        assertThat(twoVisits.fixedFirstTime()).isFalse();
        assertThat(once.fixedFirstTime()).isTrue();
    }

    private static TicketFacts facts(String number, String model, Instant opened, Instant resolved, Instant closed,
            boolean complaint, boolean breached, int repairs, int visits, boolean reopened, Double satisfaction,
            Instant surveyed) {
        return new TicketFacts(number, model, null, null, false, opened, resolved, closed, complaint, breached,
                repairs, visits, reopened, satisfaction, surveyed);
    }

    private static TicketFacts telemetry(String number, String model, String firmware, Instant opened) {
        return new TicketFacts(number, model, firmware, null, true, opened, null, null, false, false, 0, 0, false,
                null, null);
    }
}
