package io.fleetcare.api.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Sends one claimed delivery through its channel: e-mail through Quarkus Mailer (SMTP), a webhook as a signed JSON
 * POST through the JDK's HTTP client (2xx is success, anything else a failure to retry). An IN_APP delivery needs
 * no sending: its row is the inbox entry.
 */
@ApplicationScoped
public class Channels {

    private final HttpClient http;

    @Inject
    Mailer mailer;

    @Inject
    NotificationStore store;

    @Inject
    ObjectMapper json;

    @Inject
    NotifyConfig config;

    Channels() {
        this.http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @throws DeliveryFailedException when the channel refused it or could not be reached */
    void send(NotificationStore.Claimed d) {
        switch (d.channel()) {
            case EMAIL -> email(d.recipient(), d.title(), d.body());
            case WEBHOOK -> webhook(d);
            case IN_APP -> {
            }
        }
    }

    /**
     * Sends one e-mail. A transient SMTP reply (4xx, e.g. 421 when the server closed an idle connection) is tried
     * again at once on a new connection, as RFC 5321 §4.2.1 allows; a second failure, or a permanent one, fails the
     * attempt (the dispatcher then retries with its backoff).
     */
    void email(String to, String subject, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                mailer.send(Mail.withText(to, subject, text).setFrom(config.from()));
                return;
            } catch (RuntimeException e) {
                if (attempt >= 2 || !transientSmtpReply(e)) {
                    throw new DeliveryFailedException("SMTP: " + e.getMessage());
                }
            }
        }
    }

    private static boolean transientSmtpReply(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp.isTransient();
            }
        }
        return false;
    }

    private void webhook(NotificationStore.Claimed d) {
        ObjectNode payload = json.createObjectNode();
        payload.put("deliveryId", d.id());
        payload.put("reason", d.reason());
        payload.put("subjectKind", d.subjectKind());
        payload.put("subjectId", d.subjectId());
        if (d.level() != null) {
            payload.put("level", d.level());
        }
        payload.put("title", d.title());
        payload.put("text", d.body());
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        String secret = d.targetId() == null ? null : store.secretOf(d.targetId());
        if (secret == null) {
            throw new DeliveryFailedException("the webhook target has no secret");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.recipient())).timeout(config.webhookTimeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
                .header(WebhookSignature.DELIVERY_HEADER, Long.toString(d.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailedException("HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryFailedException("HTTP: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted");
        }
    }

    /** A channel that did not take the message; the text goes into the delivery record. */
    static final class DeliveryFailedException extends RuntimeException {
        DeliveryFailedException(String message) {
            super(message);
        }
    }
}
