package io.fleetcare.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The set-top box telemetry body of the MQTT contract, with the send time as {@code ts} (microsecond precision), and
 * the reading of that time back out of a body.
 */
final class TelemetryBody {

    private static final byte[] TS_FIELD = "\"ts\":\"".getBytes(StandardCharsets.US_ASCII);

    private TelemetryBody() {
    }

    static byte[] of(Instant sentAt, long seq) {
        return ("{\"ts\":\"" + sentAt + "\",\"seq\":" + seq + ",\"type\":\"SET_TOP_BOX\",\"model\":\"STB-4K-200\","
                + "\"metrics\":{\"cpu_temp_c\":61.5,\"cpu_pct\":37,\"mem_free_mb\":212,\"tuner_snr_db\":31.2,"
                + "\"tuner_ber\":1e-7,\"uptime_s\":" + (86_400 + seq) + "}}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The {@code ts} of a body made by {@link #of}, as microseconds since the epoch.
     *
     * @throws IllegalArgumentException when the body has no {@code ts} string
     */
    static long sentMicros(byte[] body) {
        int start = indexOf(body, TS_FIELD);
        if (start < 0) {
            throw new IllegalArgumentException("no ts in the body");
        }
        start += TS_FIELD.length;
        int end = start;
        while (end < body.length && body[end] != '"') {
            end++;
        }
        return micros(Instant.parse(new String(body, start, end - start, StandardCharsets.US_ASCII)));
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    static long nowMicros() {
        return micros(Instant.now());
    }

    private static int indexOf(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
