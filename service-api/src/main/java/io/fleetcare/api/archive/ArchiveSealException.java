package io.fleetcare.api.archive;

/** A sealed value that cannot be opened: not sealed, sealed under a key that is not configured, or altered. */
public class ArchiveSealException extends RuntimeException {

    public ArchiveSealException(String message) {
        super(message);
    }
}
