package io.fleetcare.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MqttPacketsTest {

    @Test
    void connectIsVersion5WithCleanStartUserNameAndPassword() {
        byte[] packet = MqttPackets.connect("c", "u", "pw", 60);

        assertThat(packet).containsExactly(
                0x10, 21,
                0, 4, 'M', 'Q', 'T', 'T', 5, 0xC2, 0, 60, 0,
                0, 1, 'c',
                0, 1, 'u',
                0, 2, 'p', 'w');
    }

    @Test
    void publishIsQos1WithTopicPacketIdEmptyPropertiesAndTheBody() {
        byte[] packet = MqttPackets.publishQos1(bytes("a/b"), 258, bytes("xy"));

        assertThat(packet).containsExactly(0x32, 10, 0, 3, 'a', '/', 'b', 1, 2, 0, 'x', 'y');
    }

    @Test
    void remainingLengthsFrom128OnTakeTwoBytes() {
        byte[] packet = MqttPackets.publishQos1(bytes("t"), 1, new byte[200]);

        assertThat(packet[1] & 0xFF).isEqualTo((206 % 128) | 0x80);
        assertThat(packet[2]).isEqualTo((byte) 1);
        assertThat(packet).hasSize(3 + 206);
    }

    @Test
    void readsConnackPubackWithAndWithoutReasonCodeAndDisconnect() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {
                0x20, 3, 0, 0, 0,
                0x40, 2, 1, 2,
                0x40, 4, 0, 7, (byte) 0x87, 0,
                (byte) 0xD0, 0,
                (byte) 0xE0, 1, (byte) 0x8E});

        assertThat(MqttPackets.next(in)).isEqualTo(new MqttPackets.Received(MqttPackets.CONNACK, 0, 0));
        assertThat(MqttPackets.next(in)).isEqualTo(new MqttPackets.Received(MqttPackets.PUBACK, 0, 258));
        MqttPackets.Received refused = MqttPackets.next(in);
        assertThat(refused).isEqualTo(new MqttPackets.Received(MqttPackets.PUBACK, 0x87, 7));
        assertThat(refused.failed()).isTrue();
        assertThat(MqttPackets.next(in)).isEqualTo(new MqttPackets.Received(MqttPackets.PINGRESP, 0, 0));
        assertThat(MqttPackets.next(in)).isEqualTo(new MqttPackets.Received(MqttPackets.DISCONNECT, 0x8E, 0));
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void anIncompletePacketIsLeftUnreadUntilTheRestArrives() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0x20, 3, 0});

        assertThat(MqttPackets.next(in)).isNull();
        assertThat(in.position()).isZero();
    }

    @Test
    void aRemainingLengthOfMoreThanFourBytesIsRefused() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0x40, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1});

        assertThatThrownBy(() -> MqttPackets.next(in)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
