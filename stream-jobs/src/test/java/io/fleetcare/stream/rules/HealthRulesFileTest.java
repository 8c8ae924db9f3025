package io.fleetcare.stream.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthRulesFileTest {

    @Test
    void theBuiltInRulesWatchSetTopBoxCpuAndChargerConnectorTemperatures() {
        // when
        HealthRules rules = HealthRulesFile.loadDefault();

        // then
        assertThat(rules.source()).isEqualTo("classpath:rules/device-health-rules.yaml");
        assertThat(rules.thresholds()).extracting(ThresholdRule::id)
                .contains("stb.cpu-overheat", "charger.connector-1-overheat");
        assertThat(rules.thresholds()).filteredOn(r -> r.id().equals("stb.cpu-overheat")).singleElement()
                .isEqualTo(new ThresholdRule("stb.cpu-overheat", rules.thresholds().get(0).description(),
                        DeviceType.SET_TOP_BOX, Set.of(), "cpu_temp_c", ThresholdRule.Direction.ABOVE,
                        85, 80, Duration.ofSeconds(60), Severity.MAJOR));
        assertThat(rules.thresholds()).filteredOn(r -> r.id().equals("charger.connector-1-overheat")).singleElement()
                .satisfies(r -> {
                    assertThat(r.deviceType()).isEqualTo(DeviceType.EV_CHARGER);
                    assertThat(r.metric()).isEqualTo("connector.1.temperature_c");
                });
    }

    @Test
    void loadsAFileWithModelRestrictionsAndLowSideRules(@TempDir Path dir) throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("rules.yaml"), """
                thresholds:
                  - id: stb.weak-signal
                    deviceType: SET_TOP_BOX
                    models: [STB-4K-200, STB-HD-100]
                    metric: tuner_snr_db
                    raiseBelow: 20
                    clearAtOrAbove: 23.5
                    sustainFor: PT5M
                    severity: MINOR
                """);

        // when
        HealthRules rules = HealthRulesFile.load(file);

        // then
        assertThat(rules.source()).isEqualTo(file.toString());
        assertThat(rules.thresholds()).containsExactly(new ThresholdRule("stb.weak-signal", "",
                DeviceType.SET_TOP_BOX, Set.of("STB-4K-200", "STB-HD-100"), "tuner_snr_db",
                ThresholdRule.Direction.BELOW, 20, 23.5, Duration.ofMinutes(5), Severity.MINOR));
    }

    @Test
    void aRuleForThePlatformsOwnComponentsIsRefused() {
        String yaml = """
                thresholds:
                  - id: broker-hot
                    deviceType: PLATFORM_COMPONENT
                    metric: cpu_temp_c
                    raiseAbove: 85
                    clearAtOrBelow: 80
                    sustainFor: PT1M
                    severity: MAJOR
                """;

        assertThatThrownBy(() -> HealthRulesFile.parse(yaml, "platform.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .extracting(e -> ((InvalidRulesException) e).problems(), list(String.class))
                .containsExactly("broker-hot: 'deviceType' must be one of [EV_CHARGER, SET_TOP_BOX, ENERGY_METER], "
                        + "not 'PLATFORM_COMPONENT'");
    }

    @Test
    void listsEveryProblemOfAnInvalidFile() {
        // given
        String yaml = """
                thresholds:
                  - id: a
                    deviceType: TOASTER
                    metric: cpu_temp_c
                    raiseAbove: 85
                    clearAtOrBelow: 90
                    sustainFor: 60 seconds
                    severity: MAJOR
                  - id: a
                    deviceType: SET_TOP_BOX
                    metric: cpu_temp_c
                    raiseAbove: 85
                    sustainFor: PT1M
                    severity: URGENT
                  - deviceType: EV_CHARGER
                    raiseAbove: 85
                    raiseBelow: 10
                    sustainFor: PT1M
                    severity: MAJOR
                """;

        // when / then
        assertThatThrownBy(() -> HealthRulesFile.parse(yaml, "bad.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageStartingWith("invalid rules in bad.yaml")
                .extracting(e -> ((InvalidRulesException) e).problems(), list(String.class))
                .containsExactlyInAnyOrder(
                        "a: 'deviceType' must be one of [EV_CHARGER, SET_TOP_BOX, ENERGY_METER], not 'TOASTER'",
                        "a: 'sustainFor' must be an ISO-8601 duration such as PT60S, not '60 seconds'",
                        "a: duplicate id",
                        "a: 'severity' must be one of [CRITICAL, MAJOR, MINOR, WARNING], not 'URGENT'",
                        "a: a 'raiseAbove' rule needs 'clearAtOrBelow' (and no 'clearAtOrAbove')",
                        "thresholds[2]: 'id' is required",
                        "thresholds[2]: 'metric' is required",
                        "thresholds[2]: give exactly one of 'raiseAbove' and 'raiseBelow'");
    }

    @Test
    void rejectsAClearLimitBeyondTheRaiseLimit() {
        // given
        String yaml = """
                thresholds:
                  - id: stb.cpu-overheat
                    deviceType: SET_TOP_BOX
                    metric: cpu_temp_c
                    raiseAbove: 85
                    clearAtOrBelow: 90
                    sustainFor: PT60S
                    severity: MAJOR
                """;

        // when / then
        assertThatThrownBy(() -> HealthRulesFile.parse(yaml, "inverted.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("stb.cpu-overheat: the clear limit 90 must not lie beyond the raise limit 85");
    }

    @Test
    void rejectsUnknownFieldsSoThatTyposDoNotPassSilently() {
        // given
        String yaml = """
                thresholds:
                  - id: stb.cpu-overheat
                    deviceType: SET_TOP_BOX
                    metric: cpu_temp_c
                    raiseAbove: 85
                    clearBelow: 80
                    sustainFor: PT60S
                    severity: MAJOR
                """;

        // when / then
        assertThatThrownBy(() -> HealthRulesFile.parse(yaml, "typo.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .extracting(e -> ((InvalidRulesException) e).problems(), list(String.class))
                .containsExactly("thresholds[0]: unknown field 'clearBelow'");
    }

    @Test
    void theBuiltInRulesMapEveryOcpp16ErrorCodeAndWatchFaultsOfflineDevicesAndReboots() {
        // when
        HealthRules rules = HealthRulesFile.loadDefault();

        // then
        StatusFaultRule status = assertThat(rules.statusFaults()).singleElement().actual();
        assertThat(status.errorCodes().keySet())
                .containsExactlyInAnyOrderElementsOf(StatusFaultRule.OCPP16_ERROR_CODES);
        assertThat(status.errorCodes()).containsEntry("GroundFailure", Severity.CRITICAL)
                .containsEntry("OverCurrentFailure", Severity.CRITICAL)
                .containsEntry("HighTemperature", Severity.CRITICAL)
                .containsEntry("ConnectorLockFailure", Severity.MAJOR);
        assertThat(status.ticketFor()).containsExactlyInAnyOrder(Severity.CRITICAL, Severity.MAJOR);
        assertThat(rules.errorEvents()).extracting(ErrorEventRule::id).containsExactly("stb.error");
        assertThat(rules.offline()).extracting(OfflineRule::id, OfflineRule::allowedSilence).containsExactly(
                tuple("stb.offline", Duration.ofSeconds(90)), tuple("charger.offline", Duration.ofMinutes(3)));
        assertThat(rules.rates()).extracting(RateRule::raiseCondition).containsExactly(
                "more than 3 REBOOT events within 24 h", "more than 3 EVCommunicationError statuses within 24 h");
    }

    @Test
    void loadsEveryKindOfRule() {
        // given
        String yaml = """
                statusFaults:
                  - id: charger.faults
                    deviceType: EV_CHARGER
                    models: [AC-22-DUO]
                    errorCodes: {GroundFailure: CRITICAL, WeakSignal: WARNING}
                    otherErrorCodes: MINOR
                    faultedWithoutErrorCode: MAJOR
                    ticketFor: [CRITICAL]
                errorEvents:
                  - id: stb.errors
                    deviceType: SET_TOP_BOX
                    codes: {DECODER_HANG: MAJOR}
                    otherCodes: WARNING
                    clearAfterQuiet: PT10M
                offline:
                  - id: stb.offline
                    deviceType: SET_TOP_BOX
                    expectedInterval: PT2S
                    missedIntervals: 3
                    severity: MINOR
                rates:
                  - id: stb.watchdog-reboots
                    deviceType: SET_TOP_BOX
                    eventName: REBOOT
                    eventReason: WATCHDOG
                    moreThan: 2
                    within: PT1H
                    clearAtOrBelow: 1
                    severity: MAJOR
                    maintenance: false
                """;

        // when
        HealthRules rules = HealthRulesFile.parse(yaml, "all.yaml");

        // then
        assertThat(rules.thresholds()).isEmpty();
        assertThat(rules.size()).isEqualTo(4);
        assertThat(rules.statusFaults()).containsExactly(new StatusFaultRule("charger.faults", "",
                new DeviceScope(DeviceType.EV_CHARGER, Set.of("AC-22-DUO")),
                Map.of("GroundFailure", Severity.CRITICAL, "WeakSignal", Severity.WARNING),
                Severity.MINOR, Severity.MAJOR, Set.of(Severity.CRITICAL)));
        assertThat(rules.errorEvents()).containsExactly(new ErrorEventRule("stb.errors", "",
                DeviceScope.allOf(DeviceType.SET_TOP_BOX), Map.of("DECODER_HANG", Severity.MAJOR), Severity.WARNING,
                Duration.ofMinutes(10), Set.of()));
        assertThat(rules.offline()).containsExactly(new OfflineRule("stb.offline", "",
                DeviceScope.allOf(DeviceType.SET_TOP_BOX), Duration.ofSeconds(2), 3, Severity.MINOR));
        assertThat(rules.rates()).containsExactly(new RateRule("stb.watchdog-reboots", "",
                DeviceScope.allOf(DeviceType.SET_TOP_BOX), "REBOOT", "WATCHDOG", null, null, 2, Duration.ofHours(1),
                1, Severity.MAJOR, false));
    }

    @Test
    void listsEveryProblemOfInvalidFaultOfflineAndRateRules() {
        // given
        String yaml = """
                thresholds:
                  - id: shared.id
                    deviceType: SET_TOP_BOX
                    metric: cpu_temp_c
                    raiseAbove: 85
                    clearAtOrBelow: 80
                    sustainFor: PT1M
                    severity: MAJOR
                statusFaults:
                  - id: shared.id
                    deviceType: EV_CHARGER
                    errorCodes: {NoError: MINOR, GroundFault: CRITICAL, HighTemperature: HOT}
                    otherErrorCodes: MINOR
                    ticketFor: [SOON]
                errorEvents:
                  - id: stb.errors
                    deviceType: SET_TOP_BOX
                    otherCodes: MINOR
                    clearAfterQuiet: PT0S
                offline:
                  - id: a
                    deviceType: SET_TOP_BOX
                    expectedInterval: PT30S
                    missedIntervals: 0
                    severity: MINOR
                  - id: b
                    deviceType: SET_TOP_BOX
                    expectedInterval: PT30S
                    missedIntervals: 3
                    severity: MINOR
                rates:
                  - id: r
                    deviceType: SET_TOP_BOX
                    eventName: REBOOT
                    statusErrorCode: EVCommunicationError
                    moreThan: 3
                    clearAtOrBelow: 3
                    within: 1 day
                    severity: MAJOR
                """;

        // when / then
        assertThatThrownBy(() -> HealthRulesFile.parse(yaml, "bad.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .extracting(e -> ((InvalidRulesException) e).problems(), list(String.class))
                .containsExactlyInAnyOrder(
                        "shared.id: duplicate id",
                        "shared.id: 'errorCodes.HighTemperature' must be one of [CRITICAL, MAJOR, MINOR, WARNING], not 'HOT'",
                        "shared.id: 'errorCodes' must not map 'NoError', which is the healthy code",
                        "shared.id: 'errorCodes' has 'GroundFault', which is not an OCPP 1.6 error code "
                                + StatusFaultRule.OCPP16_ERROR_CODES,
                        "shared.id: 'faultedWithoutErrorCode' is required",
                        "shared.id: 'ticketFor' must be one of [CRITICAL, MAJOR, MINOR, WARNING], not 'SOON'",
                        "stb.errors: 'clearAfterQuiet' must be positive",
                        "a: 'missedIntervals' is required and must be at least 1",
                        "r: give exactly one of 'eventName' and 'statusErrorCode'",
                        "r: 'clearAtOrBelow' must be at least 0 and below 'moreThan'",
                        "r: 'within' must be an ISO-8601 duration such as PT60S, not '1 day'");
    }

    @Test
    void rejectsTwoOfflineRulesForTheSameDevices() {
        // given
        String yaml = """
                offline:
                  - id: a
                    deviceType: SET_TOP_BOX
                    expectedInterval: PT30S
                    missedIntervals: 3
                    severity: MINOR
                  - id: b
                    deviceType: SET_TOP_BOX
                    expectedInterval: PT60S
                    missedIntervals: 3
                    severity: MINOR
                  - id: c
                    deviceType: SET_TOP_BOX
                    models: [STB-HD-100]
                    expectedInterval: PT5S
                    missedIntervals: 3
                    severity: MINOR
                  - id: d
                    deviceType: SET_TOP_BOX
                    models: [STB-HD-100]
                    expectedInterval: PT5S
                    missedIntervals: 3
                    severity: MINOR
                """;

        // when / then
        assertThatThrownBy(() -> HealthRulesFile.parse(yaml, "overlap.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .extracting(e -> ((InvalidRulesException) e).problems(), list(String.class))
                .containsExactly(
                        "b: a second offline rule for every SET_TOP_BOX; a device may match one type-wide rule only",
                        "d: model 'STB-HD-100' is already named by another offline rule");
    }

    @Test
    void rejectsAFileWithoutRules() {
        assertThatThrownBy(() -> HealthRulesFile.parse("# nothing yet\n", "empty.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("no rules");
    }

    @Test
    void rejectsTextThatIsNotYaml() {
        assertThatThrownBy(() -> HealthRulesFile.parse("thresholds: [ {id: x\n", "broken.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageStartingWith("invalid rules in broken.yaml");
    }

    @Test
    void reportsAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> HealthRulesFile.load(missing))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot read the file");
    }

    @Test
    void theBuiltInRulesPredictMemoryExhaustionSignalLossAndConnectorHeating() {
        // when
        HealthRules rules = HealthRulesFile.loadDefault();

        // then
        assertThat(rules.trends()).extracting(TrendRule::id, TrendRule::metric, TrendRule::direction, TrendRule::limit)
                .containsExactlyInAnyOrder(
                        tuple("stb.memory-exhaustion", "mem_free_mb", TrendRule.Direction.FALLING, 20.0),
                        tuple("stb.tuner-signal-degrading", "tuner_snr_db", TrendRule.Direction.FALLING, 20.0),
                        tuple("charger.connector-1-heating-up", "connector.1.temperature_c",
                                TrendRule.Direction.RISING, 90.0));
        assertThat(rules.trends()).allSatisfy(r -> {
            assertThat(r.window()).isEqualTo(Duration.ofHours(6));
            assertThat(r.horizon()).isEqualTo(Duration.ofHours(48));
            assertThat(r.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void readsATrendRuleWithDefaultsForPointsFitAndSeverity() {
        // given
        String yaml = """
                trends:
                  - id: stb.memory
                    deviceType: SET_TOP_BOX
                    models: [STB-4K-200]
                    metric: mem_free_mb
                    direction: falling
                    limit: 20
                    window: PT6H
                    horizon: PT48H
                """;

        // when
        HealthRules rules = HealthRulesFile.parse(yaml, "trends.yaml");

        // then
        assertThat(rules.trends()).containsExactly(new TrendRule("stb.memory", "",
                new DeviceScope(DeviceType.SET_TOP_BOX, Set.of("STB-4K-200")), "mem_free_mb",
                TrendRule.Direction.FALLING, 20, Duration.ofHours(6), Duration.ofHours(48), 10, 0.8,
                Severity.WARNING, Duration.ZERO));
        assertThat(rules.size()).isEqualTo(1);
    }

    @Test
    void listsEveryProblemOfAnInvalidTrendRule() {
        // given
        String yaml = """
                trends:
                  - id: bad
                    deviceType: SET_TOP_BOX
                    metric: mem_free_mb
                    direction: sideways
                    window: PT0S
                    horizon: 48h
                    minPoints: 2
                    minR2: 1.5
                """;

        // when / then
        assertThatThrownBy(() -> HealthRulesFile.parse(yaml, "bad-trend.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .extracting(e -> ((InvalidRulesException) e).problems(), list(String.class))
                .containsExactly(
                        "bad: 'direction' must be one of [FALLING, RISING], not 'SIDEWAYS'",
                        "bad: 'limit' is required and must be a finite number",
                        "bad: 'window' must be positive",
                        "bad: 'horizon' must be an ISO-8601 duration such as PT60S, not '48h'",
                        "bad: 'minPoints' must be at least 3",
                        "bad: 'minR2' must be between 0 and 1");
    }

    @Test
    void readsUsageRulesAndTheBuiltInOnesForChargers() {
        // given
        String yaml = """
                usage:
                  - id: charger.energy
                    deviceType: EV_CHARGER
                    measure: energyWh
                    every: 5000000
                    severity: MINOR
                  - id: charger.plugs
                    deviceType: EV_CHARGER
                    models: [AC-22-DUO]
                    measure: plugCycles
                    every: 10000
                    severity: WARNING
                """;

        // when
        HealthRules rules = HealthRulesFile.parse(yaml, "usage.yaml");

        // then
        assertThat(rules.usage()).containsExactly(
                new UsageRule("charger.energy", "", DeviceScope.allOf(DeviceType.EV_CHARGER),
                        UsageRule.Measure.ENERGY_WH, 5_000_000, Severity.MINOR),
                new UsageRule("charger.plugs", "", new DeviceScope(DeviceType.EV_CHARGER, Set.of("AC-22-DUO")),
                        UsageRule.Measure.PLUG_CYCLES, 10_000, Severity.WARNING));
        assertThat(HealthRulesFile.loadDefault().usage()).extracting(UsageRule::id, UsageRule::measure)
                .containsExactlyInAnyOrder(
                        tuple("charger.energy-service", UsageRule.Measure.ENERGY_WH),
                        tuple("charger.plug-cycle-service", UsageRule.Measure.PLUG_CYCLES));
    }

    @Test
    void listsEveryProblemOfAnInvalidUsageRule() {
        // given
        String yaml = """
                usage:
                  - id: bad
                    deviceType: EV_CHARGER
                    measure: kilometres
                    every: 0
                """;

        // when / then
        assertThatThrownBy(() -> HealthRulesFile.parse(yaml, "bad-usage.yaml"))
                .isInstanceOf(InvalidRulesException.class)
                .extracting(e -> ((InvalidRulesException) e).problems(), list(String.class))
                .containsExactly(
                        "bad: 'measure' must be energyWh or plugCycles, not 'kilometres'",
                        "bad: 'every' is required and must be a positive number",
                        "bad: 'severity' is required");
    }
}
