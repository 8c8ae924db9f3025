package io.fleetcare.api;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The real SMTP server of the integration tests (GreenMail), started by {@link EmbeddedInfraTestResource} on a free
 * port of the loopback address; tests read what arrived through {@link #server()}.
 */
public final class TestSmtp {

    private static GreenMail server;

    private TestSmtp() {
    }

    static synchronized GreenMail start() {
        if (server == null) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The running server; throws when the test resource did not start it. */
    public static synchronized GreenMail server() {
        if (server == null) {
            throw new IllegalStateException("the SMTP server of the tests is not running");
        }
        return server;
    }
}
