package io.fleetcare.gateway.ocpp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A charge point on a bare TCP socket that writes its WebSocket frames byte by byte, as no WebSocket library would
 * let a test: one frame of any size, reserved bits set. Reads back the first frame the gateway sends.
 */
public final class SocketChargePoint implements AutoCloseable {

    /** What the gateway answered to a frame: the close code of its close frame, or -1 when it sent none. */
    public record Answer(int closeCode, String closeReason, boolean connectionEnded) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private SocketChargePoint(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** Opens {@code /ocpp/{chargePointId}} with subprotocol ocpp1.6 and HTTP Basic; fails unless the answer is 101. */
    public static SocketChargePoint connect(URI http, String chargePointId, String password) throws IOException {
        Socket socket = new Socket(http.getHost(), http.getPort());
        socket.setSoTimeout(10_000);
        SocketChargePoint chargePoint = new SocketChargePoint(socket);
        String credentials = Base64.getEncoder()
                .encodeToString((chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8));
        String upgrade = "GET /ocpp/" + chargePointId + " HTTP/1.1\r\nHost: " + http.getHost() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\nAuthorization: Basic " + credentials
                + "\r\n\r\n";
        chargePoint.out.write(upgrade.getBytes(StandardCharsets.US_ASCII));
        chargePoint.out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = chargePoint.in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + head.toString().lines().findFirst().orElse("nothing"));
        }
        return chargePoint;
    }

    /**
     * Writes one masked text frame carrying the whole text, with the given reserved bits (0-7), then reads the first
     * frame the gateway sends back.
     */
    public Answer sendOneFrame(String text, int reservedBits) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | (reservedBits & 0x7) << 4 | 0x1);
        frame.write(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
            frame.write((int) ((long) payload.length >>> shift) & 0xff);
        }
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        frame.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        try {
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException closedWhileWriting) {
            // the answer may still be readable
        }
        return readAnswer();
    }

    private Answer readAnswer() throws IOException {
        int first = in.read();
        if (first < 0) {
            return new Answer(-1, null, true);
        }
        int length = in.read() & 0x7f;
        byte[] body = in.readNBytes(length);
        if ((first & 0x0f) != 0x8 || body.length < 2) {
            return new Answer(-1, new String(body, StandardCharsets.UTF_8), false);
        }
        int code = (body[0] & 0xff) << 8 | body[1] & 0xff;
        String reason = new String(body, 2, body.length - 2, StandardCharsets.UTF_8);
        return new Answer(code, reason, in.read() < 0);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
