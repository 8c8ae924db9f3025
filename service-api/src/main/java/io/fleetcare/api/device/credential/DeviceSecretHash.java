package io.fleetcare.api.device.credential;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The one-way form a device secret is stored and distributed in: PBKDF2 with HMAC-SHA512 in Mosquitto 2's
 * {@code $7$<iterations>$<base64 salt>$<base64 hash>} format, which the MQTT broker reads from its password file
 * and the gateway's OCPP admission checks as it is. The secrets are 192-bit random values, so the iteration count
 * guards nothing a guess could find; it stays at {@code mosquitto_passwd}'s 101 because the broker and the gateway
 * pay it on every connection attempt.
 */
final class DeviceSecretHash {

    static final int ITERATIONS = 101;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceSecretHash() {
    }

    /** A fresh {@code $7$} hash of the secret with a random salt; never null. */
    static String of(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return of(secret, salt, ITERATIONS);
    }

    static String of(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BYTES * 8);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "$7$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
