package io.fleetcare.api.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pure: the signature of a webhook body, sent as {@code X-FleetCare-Signature: sha256=<hex of
 * HMAC-SHA256(secret, body bytes)>}. A receiver recomputes it over the raw body it received and compares in
 * constant time ({@link #verifies}).
 */
public final class WebhookSignature {

    /** The request header that carries the signature. */
    public static final String HEADER = "X-FleetCare-Signature";
    /** The request header that carries the delivery id, the same on every retry: receivers drop repeats by it. */
    public static final String DELIVERY_HEADER = "X-FleetCare-Delivery";

    private WebhookSignature() {
    }

    /** @return {@code sha256=<64 hex digits>}; never null */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether the header value is the signature of the body under the secret; false for a null header. */
    public static boolean verifies(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
