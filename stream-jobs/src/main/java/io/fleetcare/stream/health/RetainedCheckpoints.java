package io.fleetcare.stream.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints Flink keeps under a checkpoint directory: {@code <dir>/<job id>/chk-<n>/_metadata}.
 * A checkpoint counts only once its {@code _metadata} file exists, which Flink writes last.
 */
public final class RetainedCheckpoints {

    private static final String METADATA = "_metadata";

    private RetainedCheckpoints() {
    }

    /**
     * The newest completed checkpoint of any job under {@code checkpointDir}: the one whose
     * metadata was written last (the higher checkpoint number on a tie).
     *
     * @return the {@code chk-<n>} directory; empty when there is none or the directory does not exist
     * @throws UncheckedIOException when the directory cannot be read
     */
    public static Optional<Path> latest(Path checkpointDir) {
        if (!Files.isDirectory(checkpointDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.find(checkpointDir, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().equals(METADATA)
                && path.getParent().getFileName().toString().startsWith("chk-"))) {
            return files
                    .max(Comparator.comparing(RetainedCheckpoints::writtenAt)
                            .thenComparingLong(RetainedCheckpoints::number))
                    .map(Path::getParent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints under " + checkpointDir, e);
        }
    }

    private static FileTime writtenAt(Path metadata) {
        try {
            return Files.getLastModifiedTime(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Path metadata) {
        String name = metadata.getParent().getFileName().toString().substring("chk-".length());
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
