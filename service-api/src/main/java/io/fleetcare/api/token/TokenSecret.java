package io.fleetcare.api.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of an API token: {@value #PREFIX} followed by 32 random bytes in URL-safe base64 (256 bits from
 * {@link SecureRandom}). Only its SHA-256 is stored. A slow password hash (bcrypt) buys nothing here: the secret is
 * random, not chosen by a person, so it cannot be guessed from a dictionary, and one SHA-256 costs about a
 * microsecond where bcrypt costs about 100 ms on every call.
 */
public final class TokenSecret {

    /** Every token starts with this, so that a leaked one is recognised by secret scanners and people. */
    public static final String PREFIX = "fct_";
    private static final int RANDOM_BYTES = 32;
    private static final int ENCODED_LENGTH = PREFIX.length() + 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    /** A new secret; never null. */
    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code value} has the shape of a secret {@link #generate} makes; null is not. */
    public static boolean wellFormed(String value) {
        if (value == null || value.length() != ENCODED_LENGTH || !value.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of the secret's UTF-8 bytes: what the table keeps; never null. */
    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first characters of a secret, shown in the list so that people can tell their tokens apart. */
    public static String hint(String secret) {
        return secret.substring(0, PREFIX.length() + 6);
    }
}
