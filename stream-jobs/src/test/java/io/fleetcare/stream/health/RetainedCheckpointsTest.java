package io.fleetcare.stream.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void findsTheCheckpointWrittenLastAcrossJobsAndIgnoresUnfinishedOnes() throws Exception {
        // given: two jobs' checkpoints, the newest complete one in the older job's folder, and an unfinished one
        checkpoint("job-a", 7, Instant.parse("2026-11-24T10:00:00Z"));
        checkpoint("job-b", 3, Instant.parse("2026-11-24T10:05:00Z"));
        checkpoint("job-a", 8, Instant.parse("2026-11-24T10:06:00Z"));
        Files.createDirectories(dir.resolve("job-b/chk-4"));
        Files.createDirectories(dir.resolve("job-b/shared"));

        // when / then
        assertThat(RetainedCheckpoints.latest(dir)).contains(dir.resolve("job-a/chk-8"));
    }

    @Test
    void findsNothingInAnEmptyOrMissingDirectory() {
        assertThat(RetainedCheckpoints.latest(dir)).isEmpty();
        assertThat(RetainedCheckpoints.latest(dir.resolve("missing"))).isEmpty();
    }

    private void checkpoint(String job, int number, Instant writtenAt) throws Exception {
        Path metadata = Files.createDirectories(dir.resolve(job).resolve("chk-" + number)).resolve("_metadata");
        Files.writeString(metadata, "x");
        Files.setLastModifiedTime(metadata, FileTime.from(writtenAt));
    }
}
