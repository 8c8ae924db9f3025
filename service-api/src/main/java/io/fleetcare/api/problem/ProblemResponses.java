package io.fleetcare.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP responses: every error of the REST API leaves as an RFC 9457
 * {@code application/problem+json} body. Details are written for the caller; exception messages of
 * libraries, class names and stack traces stay in the log.
 */
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);
    private static final String BASIC_CHALLENGE = "Basic realm=\"fleetcare\"";

    @ServerExceptionMapper
    public Response domainProblem(ProblemException e, UriInfo uri) {
        return respond(new Problem(e.type(), e.title(), e.status(), e.detail(), instance(uri)));
    }

    /**
     * Missing or wrong credentials. The answer is the same whether the account exists or not, and it
     * carries the authentication challenge of the mechanism in use (HTTP Basic).
     */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationCompletionException.class})
    public Uni<Response> unauthenticated(Exception e, UriInfo uri, RoutingContext routing) {
        Problem problem = new Problem(Problem.ABOUT_BLANK, "Unauthorized", 401,
                "Send the HTTP Basic credentials of a personal account.", instance(uri));
        HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(challenge(problem, Map.of(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)));
        }
        return authenticator.getChallenge(routing)
                .map(data -> challenge(problem, headersOf(data)))
                .onFailure().recoverWithItem(() ->
                        challenge(problem, Map.of(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.ABOUT_BLANK, "Forbidden", 403,
                "The roles of this account do not allow this operation.", instance(uri)));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ProblemResponses::describe)
                .collect(Collectors.joining("; "));
        return respond(new Problem(Problem.type("invalid-request"), "Invalid request", 400, detail, instance(uri)));
    }

    /**
     * A body that is not JSON, or whose JSON does not fit the operation (wrong type, unknown enum value,
     * malformed instant). The detail names the field, never the parser's message.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : null;
        String detail = field == null ? "The request body is not valid JSON for this operation."
                : "The request body has an unusable value for '" + field + "'.";
        return respond(new Problem(Problem.type("invalid-request"), "Invalid request", 400, detail, instance(uri)));
    }

    /** The HTTP errors of the framework itself: unknown path, method not allowed, unsupported media type... */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "There is no endpoint at this path.";
            case 405 -> "This endpoint does not take this HTTP method.";
            case 406 -> "This endpoint cannot answer in a media type the Accept header allows.";
            case 415 -> "This endpoint does not take a body of this Content-Type.";
            default -> "The request cannot be served: " + status.getReasonPhrase() + ".";
        };
        return respond(new Problem(Problem.ABOUT_BLANK, status.getReasonPhrase(), status.getStatusCode(), detail,
                instance(uri)));
    }

    /** Anything else is our fault: the caller gets a reference to quote, the log gets the exception. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", reference, uri == null ? "?" : uri.getPath());
        return respond(new Problem(Problem.ABOUT_BLANK, "Internal Server Error", 500,
                "The request failed unexpectedly; quote reference " + reference + " when reporting it.",
                instance(uri)));
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        String name = dot < 0 ? path : path.substring(dot + 1);
        return name + " " + violation.getMessage();
    }

    private static Map<String, String> headersOf(ChallengeData data) {
        return data.getHeaders().entrySet().stream()
                .collect(Collectors.toMap(h -> h.getKey().toString(), Map.Entry::getValue, (a, b) -> a));
    }

    private static Response challenge(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        headers.forEach(response::header);
        return response.build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static URI instance(UriInfo uri) {
        return uri == null ? null : URI.create(uri.getRequestUri().getRawPath());
    }
}
