package io.fleetcare.launcher.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The few MQTT 5 control packets a publishing device needs (CONNECT, PUBLISH QoS 1, PINGREQ, DISCONNECT) and the
 * reading of what a broker answers (CONNACK, PUBACK, PINGRESP, DISCONNECT). No properties are sent.
 */
final class MqttPackets {

    static final int CONNACK = 2;
    static final int PUBACK = 4;
    static final int PINGRESP = 13;
    static final int DISCONNECT = 14;

    private MqttPackets() {
    }

    /** CONNECT with clean start, user name and password, the given keep-alive. */
    static byte[] connect(String clientId, String user, String password, int keepAliveSeconds) {
        byte[] id = utf8(clientId);
        byte[] name = utf8(user);
        byte[] secret = utf8(password);
        int variable = 2 + 4 + 1 + 1 + 2 + 1;
        int payload = 2 + id.length + 2 + name.length + 2 + secret.length;
        ByteBuffer out = withFixedHeader(0x10, variable + payload);
        putString(out, utf8("MQTT"));
        out.put((byte) 5);
        out.put((byte) (0x80 | 0x40 | 0x02));
        out.putShort((short) keepAliveSeconds);
        out.put((byte) 0);
        putString(out, id);
        putString(out, name);
        putString(out, secret);
        return out.array();
    }

    /** PUBLISH with QoS 1, not retained, no properties. */
    static byte[] publishQos1(byte[] topic, int packetId, byte[] payload) {
        ByteBuffer out = withFixedHeader(0x32, 2 + topic.length + 2 + 1 + payload.length);
        putString(out, topic);
        out.putShort((short) packetId);
        out.put((byte) 0);
        out.put(payload);
        return out.array();
    }

    static byte[] pingRequest() {
        return new byte[] {(byte) 0xC0, 0};
    }

    static byte[] disconnect() {
        return new byte[] {(byte) 0xE0, 0};
    }

    /**
     * One packet the broker sent.
     *
     * @param type       the control packet type (1-15)
     * @param reasonCode CONNACK's, PUBACK's (0 when left out: success) or DISCONNECT's reason code; 0 otherwise
     * @param packetId   PUBACK's packet identifier; 0 otherwise
     */
    record Received(int type, int reasonCode, int packetId) {

        boolean failed() {
            return reasonCode >= 0x80;
        }
    }

    /**
     * Reads the next complete packet from {@code in} (in read mode) and moves past it.
     *
     * @return null, with the position unchanged, when the packet is not complete yet
     * @throws IllegalArgumentException when the remaining length is not a valid variable byte integer
     */
    static Received next(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < 2) {
            return null;
        }
        int type = (in.get() & 0xFF) >>> 4;
        int length = 0;
        int shift = 0;
        while (true) {
            if (!in.hasRemaining()) {
                in.position(start);
                return null;
            }
            int b = in.get() & 0xFF;
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
            if (shift > 21) {
                throw new IllegalArgumentException("remaining length longer than 4 bytes");
            }
        }
        if (in.remaining() < length) {
            in.position(start);
            return null;
        }
        int body = in.position();
        Received received = switch (type) {
            case CONNACK -> new Received(type, length >= 2 ? in.get(body + 1) & 0xFF : 0, 0);
            case PUBACK -> new Received(type, length >= 3 ? in.get(body + 2) & 0xFF : 0,
                    length >= 2 ? in.getShort(body) & 0xFFFF : 0);
            case DISCONNECT -> new Received(type, length >= 1 ? in.get(body) & 0xFF : 0, 0);
            default -> new Received(type, 0, 0);
        };
        in.position(body + length);
        return received;
    }

    private static ByteBuffer withFixedHeader(int first, int remaining) {
        int lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
        ByteBuffer out = ByteBuffer.allocate(1 + lengthBytes + remaining);
        out.put((byte) first);
        int value = remaining;
        do {
            int b = value % 128;
            value /= 128;
            out.put((byte) (value > 0 ? b | 0x80 : b));
        } while (value > 0);
        return out;
    }

    private static void putString(ByteBuffer out, byte[] bytes) {
        out.putShort((short) bytes.length);
        out.put(bytes);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
