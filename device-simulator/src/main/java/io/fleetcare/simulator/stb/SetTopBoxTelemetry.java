package io.fleetcare.simulator.stb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The telemetry message a set-top box publishes on {@code devices/{deviceId}/telemetry}, in the
 * device contract's JSON shape: {@code {"ts","seq","type","model","metrics":{...}}}.
 */
public record SetTopBoxTelemetry(Instant ts, long seq, String model, Map<String, Double> metrics) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("ts", ts.toString());
        root.put("seq", seq);
        root.put("type", "SET_TOP_BOX");
        root.put("model", model);
        ObjectNode m = root.putObject("metrics");
        metrics.forEach(m::put);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
