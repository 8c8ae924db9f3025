package io.fleetcare.api.problem;

import java.net.URI;

/**
 * A failure that the API reports to the client as a {@link Problem}. Features extend it for the
 * problems of their domain (a ticket that does not exist, a filter that makes no sense); the message
 * becomes the problem's {@code detail} and must therefore be fit for the caller to read.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final URI type;
    private final String title;

    protected ProblemException(int status, URI type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
