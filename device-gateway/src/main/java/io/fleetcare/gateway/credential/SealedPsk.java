package io.fleetcare.gateway.credential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens a CoAP pre-shared key as the service API seals it on the credentials topic: {@code v1.<base64 of
 * 12-byte nonce | AES-256-GCM ciphertext | 16-byte tag>} with {@code fleetcare-device-secret|<deviceId>|<version>} as
 * associated data, so a sealed key only opens for the device and version it was made for.
 */
final class SealedPsk {

    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;

    private final SecretKey key;

    /** @throws IllegalArgumentException when the key is not base64 of 32 bytes */
    SealedPsk(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("the credentials transport key must be 32 bytes (AES-256), not "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /**
     * @return the key bytes (UTF-8 of the secret)
     * @throws IllegalArgumentException when the text is damaged or sealed under another key, device or version
     */
    byte[] open(String sealed, String deviceId, int version) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a v1 sealed key");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("sealed key too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(("fleetcare-device-secret|" + deviceId + "|" + version).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed key does not open under the transport key for this device", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
