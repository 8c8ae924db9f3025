package io.fleetcare.gateway.ocpp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The OCPP 1.6J server ({@code fleetcare.ocpp.*}). */
@ConfigMapping(prefix = "fleetcare.ocpp")
public interface OcppSettings {

    /** How long a call from the gateway to a charge point waits for its CALLRESULT or CALLERROR. */
    @WithDefault("PT30S")
    Duration callTimeout();

    /** The heartbeat interval in seconds a BootNotification.conf hands to the charge point. */
    @WithDefault("60")
    int heartbeatInterval();

    /**
     * The chargers allowed to connect, by charge point id, e.g.
     * {@code fleetcare.ocpp.chargers."CP-0001".password-hash=$2a$10$...}. Read by
     * {@link ConfiguredChargerRegistry}.
     */
    Map<String, ChargerEntry> chargers();

    /**
     * A properties file of more chargers, read by {@link ChargerFile}: {@code CP-0001=<hash>} and optionally
     * {@code CP-0001.model=AC-22}. Re-read when it changes; entries of {@link #chargers()} win over it.
     */
    Optional<Path> chargerFile();

    /** Throttling of upgrades with wrong credentials ({@link UpgradeThrottle}). */
    Throttle throttle();

    /** {@code fleetcare.ocpp.throttle.*}: see {@link UpgradeThrottle} and the README ("OCPP security"). */
    interface Throttle {

        /** Wrong passwords of one charge point id from one address before its upgrades wait. */
        @WithDefault("5")
        int chargerAndSourceFreeFailures();

        /** Wrong passwords or unknown ids from one address before its upgrades (for untrusted chargers) wait. */
        @WithDefault("20")
        int sourceFreeFailures();

        /** Wrong passwords of one charge point id from any addresses before upgrades from new addresses wait. */
        @WithDefault("20")
        int chargerFreeFailures();

        /** The first wait. */
        @WithDefault("PT1S")
        Duration firstDelay();

        /** The longest wait. */
        @WithDefault("PT5M")
        Duration maxDelay();

        /** A count is forgotten this long after its last failure. */
        @WithDefault("PT24H")
        Duration forgetAfter();

        /** An address a charger connected from is exempt from the address-wide and charger-wide waits this long. */
        @WithDefault("P30D")
        Duration trustedSourceFor();

        /** Each in-memory map is pruned of forgotten entries beyond this many. */
        @WithDefault("100000")
        int maxTracked();
    }

    /** One charger of {@link #chargers()}. */
    interface ChargerEntry {

        /**
         * The hash of its Basic-auth password: bcrypt in modular crypt format as {@code BcryptUtil.bcryptHash}
         * writes it, or {@code $7$...} (PBKDF2-SHA512) as {@code mosquitto_passwd} writes it.
         */
        String passwordHash();

        /** Its model until it announces one in a BootNotification. */
        Optional<String> model();
    }
}
