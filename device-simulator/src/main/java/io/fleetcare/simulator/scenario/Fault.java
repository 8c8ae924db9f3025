package io.fleetcare.simulator.scenario;

import io.fleetcare.simulator.charger.SuddenFault;
import io.fleetcare.simulator.scenario.Scenario.Kind;
import java.util.Set;

/**
 * What happens to a device at a point of a scenario's timeline. Each fault says which device kinds
 * can have it; the parameters have the units in their names.
 */
public sealed interface Fault {

    /** The device kinds this fault exists for. */
    Set<Kind> kinds();

    /** The name used in scenario files. */
    String name();

    /** A set-top box's CPU heats up by {@code degreesPerSecond} to {@code plateauC} (clogged fan). */
    record CpuOverheating(double degreesPerSecond, double plateauC) implements Fault {
        public Set<Kind> kinds() {
            return Set.of(Kind.SET_TOP_BOX);
        }

        public String name() {
            return "cpu-overheating";
        }
    }

    /**
     * A set-top box's CPU temperature alternates between {@code lowC} and {@code highC}, each for
     * {@code halfPeriodSeconds}: hovering around a limit without staying beyond it.
     */
    record TemperatureFlapping(double lowC, double highC, double halfPeriodSeconds) implements Fault {
        public Set<Kind> kinds() {
            return Set.of(Kind.SET_TOP_BOX);
        }

        public String name() {
            return "temperature-flapping";
        }
    }

    /** A set-top box's free memory falls by {@code mbPerSecond} (a leaking firmware), down to 0. */
    record MemoryLeak(double mbPerSecond) implements Fault {
        public Set<Kind> kinds() {
            return Set.of(Kind.SET_TOP_BOX);
        }

        public String name() {
            return "memory-leak";
        }
    }

    /** A set-top box's tuner SNR falls by {@code dbPerSecond} (LNB ageing, water in the cable). */
    record SignalDegradation(double dbPerSecond) implements Fault {
        public Set<Kind> kinds() {
            return Set.of(Kind.SET_TOP_BOX);
        }

        public String name() {
            return "snr-degrading";
        }
    }

    /** A set-top box reboots {@code times} times, every {@code everySeconds} (watchdog resets). */
    record RebootLoop(int times, double everySeconds) implements Fault {
        public Set<Kind> kinds() {
            return Set.of(Kind.SET_TOP_BOX);
        }

        public String name() {
            return "reboot-loop";
        }
    }

    /** A set-top box reports an ERROR event with {@code code}, e.g. DECODER_HANG. */
    record ErrorReport(String code) implements Fault {
        public Set<Kind> kinds() {
            return Set.of(Kind.SET_TOP_BOX);
        }

        public String name() {
            return "error-event";
        }
    }

    /** The device stops sending anything and drops its connection (power cut, broken backhaul). */
    record GoingSilent() implements Fault {
        public Set<Kind> kinds() {
            return Set.of(Kind.SET_TOP_BOX, Kind.EV_CHARGER);
        }

        public String name() {
            return "going-silent";
        }
    }

    /** A charger's connector reports Faulted with an OCPP 1.6 error code and does not recover. */
    record ConnectorFault(String errorCode, String vendorErrorCode) implements Fault {
        public ConnectorFault {
            if (!SuddenFault.ERROR_CODES.contains(errorCode)) {
                throw new IllegalArgumentException(errorCode + " is not an OCPP 1.6 error code for a fault");
            }
        }

        public Set<Kind> kinds() {
            return Set.of(Kind.EV_CHARGER);
        }

        public String name() {
            return "connector-fault";
        }
    }

    /** A charger's connector heats up by {@code degreesPerSecond} of charging, up to {@code plateauC}. */
    record ConnectorOverheating(double degreesPerSecond, double plateauC) implements Fault {
        public Set<Kind> kinds() {
            return Set.of(Kind.EV_CHARGER);
        }

        public String name() {
            return "connector-overheating";
        }
    }

    /**
     * A charger reports {@code errorCode} {@code times} times, every {@code everySeconds}, each time followed
     * by NoError (sessions failing on the vehicle side, e.g. EVCommunicationError).
     */
    record PassingErrors(String errorCode, int times, double everySeconds) implements Fault {
        public PassingErrors {
            if (!SuddenFault.ERROR_CODES.contains(errorCode)) {
                throw new IllegalArgumentException(errorCode + " is not an OCPP 1.6 error code for a fault");
            }
        }

        public Set<Kind> kinds() {
            return Set.of(Kind.EV_CHARGER);
        }

        public String name() {
            return "passing-errors";
        }
    }
}
