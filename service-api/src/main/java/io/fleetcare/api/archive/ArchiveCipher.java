package io.fleetcare.api.archive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals sensitive text for storage with AES-256-GCM (authenticated: a changed byte fails to open) and opens it
 * again. A sealed value is {@code fc1:<key id>:<base64 of 12-byte nonce + ciphertext + 16-byte tag>}; the key id
 * says which key opens it, so values sealed under an older key stay readable after the active key changes as long
 * as that key is still configured (rotation, see docs/security/README.md ("Encryption at rest")). Pure; thread-safe.
 */
public final class ArchiveCipher {

    /** What every sealed value starts with. */
    public static final String PREFIX = "fc1:";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "fleetcare-archive".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    /**
     * @param keys        key id -> 32 raw key bytes; never empty
     * @param activeKeyId the key new values are sealed with; must be in {@code keys}
     * @throws IllegalArgumentException when a key id is malformed, a key is not 32 bytes, or the active key is missing
     */
    public ArchiveCipher(Map<String, byte[]> keys, String activeKeyId) {
        Objects.requireNonNull(keys, "keys");
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active archive key '" + activeKeyId + "' is not configured");
        }
        Map<String, SecretKey> copy = new HashMap<>();
        keys.forEach((id, raw) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("archive key id '" + id + "': 1-32 of letters, digits, _ and -");
            }
            if (raw == null || raw.length != 32) {
                throw new IllegalArgumentException("archive key '" + id + "' must be 32 bytes (AES-256)");
            }
            copy.put(id, new SecretKeySpec(raw.clone(), "AES"));
        });
        this.keys = Map.copyOf(copy);
        this.activeKeyId = activeKeyId;
    }

    /** The id of the key new values are sealed with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /**
     * @param clear may be null
     * @return the sealed value under the active key, different on every call; null for null
     */
    public String seal(String clear) {
        if (clear == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @param stored a sealed value, or null
     * @return the clear text; null for null
     * @throws ArchiveSealException when the value is not sealed, names a key that is not configured, or was altered
     */
    public String open(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new ArchiveSealException("a sensitive column holds a value that is not sealed");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new ArchiveSealException("a sealed value names no key");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new ArchiveSealException("archive key '" + keyId + "' is not configured; keep every key that "
                    + "sealed stored values (fleetcare.archive.keys." + keyId + ")");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new ArchiveSealException("a sealed value is too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new ArchiveSealException("a sealed value does not open with key '" + keyId + "' (altered?)");
        }
    }

    /** The id of the key a sealed value was sealed with; empty for null or a value that is not sealed. */
    public static Optional<String> keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(PREFIX) || stored.indexOf(':', PREFIX.length()) < 0) {
            return Optional.empty();
        }
        return Optional.of(stored.substring(PREFIX.length(), stored.indexOf(':', PREFIX.length())));
    }
}
