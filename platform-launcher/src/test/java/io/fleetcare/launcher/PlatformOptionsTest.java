package io.fleetcare.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.simulator.scenario.Scenario;
import io.fleetcare.simulator.scenario.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theDemoDefaultsRegisterNoExtraDevicesAndKeepTheJobsOwnRules() {
        PlatformOptions options = PlatformOptions.parse(new String[0]);

        assertThat(options).isEqualTo(PlatformOptions.defaults(Path.of(".")));
        assertThat(options.extraDevices()).isEmpty();
        assertThat(options.rulesFile()).isNull();
    }

    @Test
    void loadDevicesAreRegisteredWithTheSimulatorsIdsAndModels() {
        PlatformOptions options = PlatformOptions.parse(new String[] {"--load-chargers", "2", "--load-set-top-boxes", "1"});

        assertThat(options.extraDevices()).containsExactly(
                new PlatformOptions.ExtraDevice("LD-CP-00001", true, "AC-22-DUO"),
                new PlatformOptions.ExtraDevice("LD-CP-00002", true, "AC-22-DUO"),
                new PlatformOptions.ExtraDevice("LD-STB-00001", false, "STB-4K-200"));
        assertThat(options.setTopBoxes()).isEqualTo(6);
    }

    @Test
    void scenariosRegisterEveryScenarioDeviceAndTheRulesTheyAreWrittenFor() throws Exception {
        PlatformOptions options = PlatformOptions.parse(new String[] {"--scenarios", "--data-dir", dir.toString()});

        int devices = ScenarioFile.library().stream().mapToInt(s -> s.fleet().size()).sum();
        assertThat(options.extraDevices()).hasSize(devices)
                .contains(new PlatformOptions.ExtraDevice("DC-CP-01", true, "DC-150-HPC"));
        assertThat(options.extraDevices())
                .contains(new PlatformOptions.ExtraDevice("CA-STB-01", false, "STB-4K-200", Scenario.Protocol.COAP))
                .contains(new PlatformOptions.ExtraDevice("MB-CP-01", true, "AC-22-MB", Scenario.Protocol.MODBUS));
        assertThat(options.rulesFile()).isEqualTo(dir.resolve("scenario-rules.yaml"));
        assertThat(Files.readString(options.rulesFile())).isEqualTo(ScenarioFile.scenarioRules());
    }

    @Test
    void theDemoSeedsItsStoryUnlessToldNotTo() {
        assertThat(PlatformOptions.parse(new String[0]).demoStory()).isTrue();

        PlatformOptions without = PlatformOptions.parse(new String[] {"--no-demo-story", "--load-chargers", "1"});

        assertThat(without.demoStory()).isFalse();
        assertThat(without.extraDevices()).hasSize(1);
        assertThat(PlatformOptions.usage()).contains("--no-demo-story");
    }

    @Test
    void platformsBuiltInCodeHaveNoStoryUnlessAsked() {
        PlatformOptions plain = new PlatformOptions(dir, dir, 0, 0, 1, 0, 0, 0, 1, java.time.Duration.ofSeconds(1), null);

        assertThat(plain.demoStory()).isFalse();
        assertThat(plain.withDemoStory(true).demoStory()).isTrue();
        assertThat(plain.withDemoStory(true).withLoadDevices(1, 0).demoStory()).isTrue();
    }
}
