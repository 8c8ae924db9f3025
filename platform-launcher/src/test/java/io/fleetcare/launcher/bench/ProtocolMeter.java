package io.fleetcare.launcher.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a sink saw of one protocol: every message, and those that arrived while the measuring window was open with
 * their send-to-arrival latency.
 */
final class ProtocolMeter {

    private final AtomicLong total = new AtomicLong();
    private final AtomicLong inWindow = new AtomicLong();
    private volatile LatencySamples window;

    /** One message that arrived {@code latencyMicros} after its device sent it. */
    void arrived(long latencyMicros) {
        total.incrementAndGet();
        LatencySamples samples = window;
        if (samples != null) {
            inWindow.incrementAndGet();
            samples.add(latencyMicros);
        }
    }

    /** Starts counting into a fresh window. */
    void openWindow() {
        inWindow.set(0);
        window = new LatencySamples();
    }

    /** Stops the window and returns its latencies. */
    LatencySamples closeWindow() {
        LatencySamples samples = window;
        window = null;
        return samples;
    }

    long total() {
        return total.get();
    }

    long inWindow() {
        return inWindow.get();
    }
}
