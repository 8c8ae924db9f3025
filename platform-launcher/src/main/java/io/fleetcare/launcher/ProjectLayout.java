package io.fleetcare.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the built applications of the other modules are, under the project's root folder.
 * They are produced by {@code ./mvnw install -DskipTests} (the demo script runs it when needed).
 */
record ProjectLayout(Path home) {

    static final String STREAM_JOB_MAIN = "io.fleetcare.stream.health.DeviceHealthJobMain";

    ProjectLayout {
        home = home.toAbsolutePath().normalize();
    }

    Path gatewayJar() {
        return require(home.resolve("device-gateway/target/quarkus-app/quarkus-run.jar"));
    }

    Path serviceApiJar() {
        return require(home.resolve("service-api/target/quarkus-app/quarkus-run.jar"));
    }

    /** The stream job's classpath: its jar followed by its dependencies. */
    String streamJobsClasspath() {
        Path jar = require(home.resolve("stream-jobs/target/stream-jobs.jar"));
        Path deps = require(home.resolve("stream-jobs/target/classpath.txt"));
        try {
            return jar + java.io.File.pathSeparator + Files.readString(deps).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build the project first (./mvnw install -DskipTests)");
        }
        return file;
    }
}
