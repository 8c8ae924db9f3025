package io.fleetcare.gateway.ocpp;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Checks a device secret against its stored hash, in either format the platform stores device secrets in:
 * <ul>
 *   <li>bcrypt in modular crypt format ({@code $2a$}, {@code $2b$}, {@code $2y$}; the three name one algorithm
 *       (they differ in bugs of old implementations), so {@code $2b$}/{@code $2y$} are checked as {@code $2a$},
 *       the only prefix Elytron reads);</li>
 *   <li>PBKDF2 with HMAC-SHA512 as Mosquitto 2 writes it ({@code $7$<iterations>$<base64 salt>$<base64 hash>},
 *       the format of {@code mosquitto_passwd}), so that one device-secret hash serves the MQTT broker and OCPP.</li>
 * </ul>
 */
final class PasswordHash {

    /** Refuses hashes that would make one check cost more than a few seconds of CPU. */
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private PasswordHash() {
    }

    /** Whether {@code hash} is in one of the supported formats (does not check it further). */
    static boolean isSupported(String hash) {
        return hash != null && (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")
                || hash.startsWith("$7$"));
    }

    /**
     * @param password the secret the device presented; never null
     * @param hash     the stored hash; never null
     * @return whether they match
     * @throws IllegalArgumentException when the hash is in no supported format or is damaged
     */
    static boolean matches(String password, String hash) {
        if (hash.startsWith("$7$")) {
            return matchesPbkdf2(password, hash);
        }
        if (isSupported(hash)) {
            return BcryptUtil.matches(password, "$2a$" + hash.substring(4));
        }
        throw new IllegalArgumentException("not a bcrypt or $7$ (PBKDF2-SHA512) hash");
    }

    private static boolean matchesPbkdf2(String password, String hash) {
        String[] parts = hash.split("\\$", -1);
        if (parts.length != 5 || !parts[0].isEmpty()) {
            throw new IllegalArgumentException("a $7$ hash has the form $7$<iterations>$<salt>$<hash>");
        }
        int iterations;
        byte[] salt;
        byte[] expected;
        try {
            iterations = Integer.parseInt(parts[2]);
            salt = Base64.getDecoder().decode(parts[3]);
            expected = Base64.getDecoder().decode(parts[4]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a $7$ hash has a damaged iteration count, salt or hash");
        }
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS || salt.length == 0 || expected.length == 0) {
            throw new IllegalArgumentException("a $7$ hash has an iteration count, salt or hash out of range");
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, expected.length * 8);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return MessageDigest.isEqual(derived, expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        }
    }
}
