package io.fleetcare.infra.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds TCP ports on the loopback interface that nothing listens on right now. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port the operating system just handed out as free; another process may still take it first. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** {@code preferred} when it is free on loopback, otherwise a free port. */
    public static int preferOrPick(int preferred) {
        return isFree(preferred) ? preferred : pick();
    }

    /** Whether a TCP server could bind the port on loopback right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
