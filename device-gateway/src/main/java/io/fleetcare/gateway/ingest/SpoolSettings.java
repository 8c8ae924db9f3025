package io.fleetcare.gateway.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** The on-disk spool for accepted events while Kafka is unreachable ({@code fleetcare.spool.*}). */
@ConfigMapping(prefix = "fleetcare.spool")
public interface SpoolSettings {

    /** Without the spool, a Kafka failure fails the publish and the protocol adapter answers with an error. */
    @WithDefault("true")
    boolean enabled();

    /** The spool's directory, relative to the working directory unless absolute; one directory per instance. */
    @WithDefault("data/spool")
    Path dir();

    /** The largest size of the spool file; beyond it new events are refused (backpressure). Default 256 MiB. */
    @WithDefault("268435456")
    long maxBytes();
}
