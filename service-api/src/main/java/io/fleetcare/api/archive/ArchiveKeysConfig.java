package io.fleetcare.api.archive;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * The keys that seal sensitive archive fields: {@code fleetcare.archive.*}. Each key is 32 random bytes in base64
 * ({@code openssl rand -base64 32}); keep every key that ever sealed a stored value, and make a new one active to
 * rotate (docs/security/README.md ("Encryption at rest")). The service does not start without them.
 */
@ConfigMapping(prefix = "fleetcare.archive")
public interface ArchiveKeysConfig {

    /** Key id -> base64 of 32 bytes ({@code fleetcare.archive.keys.<id>}; see docs/security/README.md for setting it). */
    Map<String, String> keys();

    /** The id of the key new values are sealed with (env {@code FLEETCARE_ARCHIVE_ACTIVE_KEY}). */
    String activeKey();
}
