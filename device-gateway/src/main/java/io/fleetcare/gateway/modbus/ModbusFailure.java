package io.fleetcare.gateway.modbus;

import java.util.Locale;

/** Why a read or write of a Modbus device did not succeed; the lower-case reason is the metric tag. */
public final class ModbusFailure extends Exception {

    /** What went wrong, from the gateway's point of view. */
    public enum Reason {
        /** The TCP connection could not be opened. */
        NO_CONNECTION(true),
        /** The connection broke or no answer came within the timeout. */
        NO_ANSWER(true),
        /** A Modbus gateway answered that the device behind it did not (exception codes 10 and 11). */
        GATEWAY_TARGET_UNREACHABLE(true),
        /** The device answered with a Modbus exception (e.g. illegal data address): it is there but refuses. */
        DEVICE_EXCEPTION(false);

        private final boolean deviceUnreachable;

        Reason(boolean deviceUnreachable) {
            this.deviceUnreachable = deviceUnreachable;
        }

        /** True when this means the device is not answering at all (offline). */
        public boolean deviceUnreachable() {
            return deviceUnreachable;
        }

        /** The {@code reason} metric tag, e.g. {@code no_answer}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    /**
     * @param reason never null
     * @param detail what happened, without register contents; never null
     */
    public ModbusFailure(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
