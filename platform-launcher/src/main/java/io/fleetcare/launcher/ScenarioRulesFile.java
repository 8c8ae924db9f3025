package io.fleetcare.launcher;

import io.fleetcare.simulator.scenario.ScenarioFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The detection rules the simulator's scenarios are written for, as a file the stream job can read. */
final class ScenarioRulesFile {

    private ScenarioRulesFile() {
    }

    /** Writes the rules to {@code <dir>/scenario-rules.yaml} (replacing an older copy) and returns that file. */
    static Path writeInto(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(ScenarioFile.SCENARIO_RULES);
            Files.writeString(file, ScenarioFile.scenarioRules());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scenario rules into " + dir, e);
        }
    }
}
