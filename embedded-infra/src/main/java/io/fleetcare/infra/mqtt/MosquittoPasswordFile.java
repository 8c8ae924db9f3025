package io.fleetcare.infra.mqtt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
        Map<String, String> hashes = new TreeMap<>();
        passwords.forEach((user, password) -> hashes.put(user, hash(password)));
        return renderHashes(hashes);
    }

    /** The file's content for accounts whose passwords are hashed already ({@code user -> $7$ hash}). */
    static String renderHashes(Map<String, String> hashes) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(hashes).forEach((user, hash) -> out.append(user).append(':').append(hash).append('\n'));
        return out.toString();
    }

    /**
     * Whether the password matches a {@code $7$} hash.
     *
     * @throws IllegalArgumentException when the hash is not a well-formed {@code $7$} hash
     */
    public static boolean matches(String password, String hash) {
        String[] parts = requireWellFormed(hash);
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        String candidate = hash(password, salt, Integer.parseInt(parts[2]));
        return MessageDigest.isEqual(candidate.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when the hash is not {@code $7$<iterations>$<base64 salt>$<base64 hash>} */
    static String[] requireWellFormed(String hash) {
        String[] parts = hash == null ? new String[0] : hash.split("\\$", -1);
        try {
            if (parts.length == 5 && parts[0].isEmpty() && parts[1].equals("7")) {
                int iterations = Integer.parseInt(parts[2]);
                if (iterations >= 1 && iterations <= 10_000_000 && Base64.getDecoder().decode(parts[3]).length > 0
                        && Base64.getDecoder().decode(parts[4]).length == HASH_BYTES) {
                    return parts;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new IllegalArgumentException("not a $7$ (PBKDF2-SHA512) password hash");
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
