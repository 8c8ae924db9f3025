package io.fleetcare.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;

/**
 * An RFC 9457 problem detail, the body of every error response of this API
 * ({@code application/problem+json}). It never carries class names or stack traces.
 *
 * @param type     identifies the kind of problem; {@code about:blank} when the status code says it all
 * @param title    short summary of the kind of problem, the same for every occurrence
 * @param status   the HTTP status code
 * @param detail   what went wrong this time, for a person; may be null
 * @param instance the request path the problem occurred on; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, URI instance) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The type for problems that need no more explanation than their HTTP status. */
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    /** The type URI of a problem kind of this API, e.g. {@code urn:fleetcare:problem:ticket-not-found}. */
    public static URI type(String slug) {
        return URI.create("urn:fleetcare:problem:" + slug);
    }
}
