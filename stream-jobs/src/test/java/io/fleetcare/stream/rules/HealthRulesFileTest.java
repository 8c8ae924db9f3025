package io.fleetcare.stream.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
}
