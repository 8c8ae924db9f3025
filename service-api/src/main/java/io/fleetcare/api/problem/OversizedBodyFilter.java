package io.fleetcare.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size}
 * with 413 and an RFC 9457 problem, before any byte of the body is read and before authentication (so an
 * anonymous oversized request gets 413, not 401). A body sent chunked, without a declared length, is left
 * to the HTTP layer's own limit, which answers a bare 413 without a body.
 */
@ApplicationScoped
public class OversizedBodyFilter {

    private final long limit;
    private final byte[] answerTemplate;

    OversizedBodyFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            ObjectMapper json) throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.answerTemplate = json.writeValueAsBytes(new Problem(Problem.type("body-too-large"),
                "Request body too large", 413,
                "The request body may have at most " + this.limit + " bytes.", null));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext routing) {
        String declared = routing.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && exceeds(declared)) {
            routing.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Buffer.buffer(answerTemplate));
            return;
        }
        routing.next();
    }

    private boolean exceeds(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
