package io.fleetcare.infra.mqtt;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Writes Mosquitto 2 password files: one {@code user:$7$iterations$salt$hash} line per account,
 * PBKDF2 with HMAC-SHA512, the format {@code mosquitto_passwd} produces. The gateway accepts the
 * same hash format for OCPP chargers, so one device-secret hash serves both protocols.
 */
public final class MosquittoPasswordFile {

    private static final int ITERATIONS = 101;
    private static final int SALT_BYTES = 12;
    private static final int HASH_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MosquittoPasswordFile() {
    }

    static String render(Map<String, String> passwords) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(passwords).forEach((user, password) ->
                out.append(user).append(':').append(hash(password)).append('\n'));
        return out.toString();
    }

    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(password, salt, ITERATIONS);
    }

    static String hash(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "$7$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        }
    }
}
