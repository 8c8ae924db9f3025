package io.fleetcare.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from {@code /proc} (Linux): of single processes and of the whole machine, in seconds, so that a window's
 * use can be told apart by process. Assumes 100 clock ticks per second (the Linux default USER_HZ).
 */
final class CpuUse {

    private static final double TICKS_PER_SECOND = 100.0;

    private CpuUse() {
    }

    /** User plus system CPU seconds of a process; 0 when it is gone or unknown ({@code pid <= 0}). */
    static double ofProcess(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy CPU seconds of the machine (all cores, everything but idle and iowait) since boot. */
    static double ofMachine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The pid of a child process of this JVM whose command line contains {@code text}; -1 when there is none. */
    static long childWith(String text) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }
}
