package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.MaintenanceRequest;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/** A detector in an operator test harness keyed by device id, with the readings tests need. */
final class DetectorHarness implements AutoCloseable {

    private final KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, Alert> harness;

    private DetectorHarness(KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, Alert> harness) {
        this.harness = harness;
    }

    static DetectorHarness open(KeyedProcessFunction<String, DeviceEvent, Alert> detector) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(detector), DeviceEvent::deviceId, Types.STRING);
        harness.open();
        return new DetectorHarness(harness);
    }

    /** Processes the events in the given order, each with its device time as record timestamp. */
    DetectorHarness feed(DeviceEvent... events) throws Exception {
        for (DeviceEvent event : events) {
            harness.processElement(event, event.deviceTs().toEpochMilli());
        }
        return this;
    }

    DetectorHarness watermark(java.time.Instant ts) throws Exception {
        harness.processWatermark(ts.toEpochMilli());
        return this;
    }

    DetectorHarness processingTime(long millis) throws Exception {
        harness.setProcessingTime(millis);
        return this;
    }

    List<Alert> alerts() {
        return harness.extractOutputValues();
    }

    List<MaintenanceRequest> requests() {
        ConcurrentLinkedQueue<StreamRecord<MaintenanceRequest>> side =
                harness.getSideOutput(DetectorOutputs.MAINTENANCE_REQUESTS);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    int stateEntries() {
        return harness.numKeyedStateEntries();
    }

    int eventTimeTimers() {
        return harness.numEventTimeTimers();
    }

    int processingTimeTimers() {
        return harness.numProcessingTimeTimers();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
