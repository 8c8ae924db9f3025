package io.fleetcare.api.device.credential;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a device secret that must stay recoverable (a CoAP pre-shared key) with AES-256-GCM under one key.
 * The sealed text is {@code v1.<base64 of 12-byte nonce, ciphertext and 16-byte tag>}; the device id and the
 * credential version are authenticated with it, so a sealed key copied to another device or version does not open.
 * The gateway opens the same format with the transport key (see the module README).
 */
final class SealedSecret {

    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /**
     * @param base64Key a 256-bit AES key, base64; never null
     * @throws IllegalArgumentException when it is not base64 of 32 bytes
     */
    SealedSecret(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(Objects.requireNonNull(base64Key, "base64Key").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a device credential key must be base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a device credential key must be 32 bytes (AES-256), not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** @return the sealed text; never null */
    String seal(String secret, String deviceId, int version) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(deviceId, version));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @return the secret sealed for this device and version
     * @throws IllegalArgumentException when the text is damaged, was sealed under another key, or for another
     *                                  device or version
     */
    String open(String sealed, String deviceId, int version) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a v1 sealed secret");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (bytes.length <= NONCE_BYTES) {
                throw new IllegalArgumentException("sealed secret too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(deviceId, version));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed secret does not open under this key for this device", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] associatedData(String deviceId, int version) {
        return ("fleetcare-device-secret|" + deviceId + "|" + version).getBytes(StandardCharsets.UTF_8);
    }
}
