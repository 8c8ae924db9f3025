package io.fleetcare.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pids of the child JVMs of a run, kept in the data directory. A launcher killed with
 * SIGKILL cannot stop its children; the next start reads this file and stops the leftovers so
 * that no stray process keeps a port or the data directory.
 */
final class PidFile {

    private static final Logger LOG = LoggerFactory.getLogger(PidFile.class);

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    /** Stops every process a previous run recorded that is still a Java process, then empties the file. */
    void stopLeftovers() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(line.strip()))
                        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                        .ifPresent(p -> {
                            LOG.warn("stopping process {} left over from an earlier run", p.pid());
                            p.destroy();
                            p.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS)
                                    .exceptionally(t -> {
                                        p.destroyForcibly();
                                        return p;
                                    }).join();
                        });
            }
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    synchronized void add(long pid) {
        try {
            Files.writeString(file, pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    List<String> raw() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
