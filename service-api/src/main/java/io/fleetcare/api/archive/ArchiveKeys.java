package io.fleetcare.api.archive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Makes the service's {@link ArchiveCipher} from {@link ArchiveKeysConfig}; a bad key stops the start. */
public class ArchiveKeys {

    @Produces
    @ApplicationScoped
    ArchiveCipher cipher(ArchiveKeysConfig config) {
        Map<String, byte[]> keys = new HashMap<>();
        config.keys().forEach((id, base64) -> {
            try {
                keys.put(id, Base64.getDecoder().decode(base64.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fleetcare.archive.keys." + id + " is not base64", e);
            }
        });
        return new ArchiveCipher(keys, config.activeKey());
    }
}
