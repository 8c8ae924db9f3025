package io.fleetcare.launcher.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Thousands of MQTT 5 devices, each logged in to the broker as itself over its own TCP connection, publishing
 * QoS 1 telemetry round-robin at a given total rate (open loop: the schedule does not wait for acks). All
 * connections live on one selector thread, because a Paho client costs about four threads and the machine's
 * 32,768 pids do not hold 10,000 of them. Rate and connection changes are handed to that thread.
 */
final class MqttDeviceLoad implements AutoCloseable {

    /** More unacknowledged publishes than this on one device and its turn is skipped (counted). */
    static final int MAX_IN_FLIGHT_PER_DEVICE = 20;
    private static final int KEEP_ALIVE_SECONDS = 60;
    private static final long HANDSHAKE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Makes a device's next telemetry body; called on the selector thread right before the bytes go out. */
    interface Telemetry {
        byte[] body(String deviceId, long seq);
    }

    private enum State { QUEUED, CONNECTING, AWAITING_CONNACK, READY, GONE }

    private static final class Device {
        final String id;
        byte[] topic;
        final String secret;
        SocketChannel channel;
        SelectionKey key;
        State state = State.QUEUED;
        long since;
        ByteBuffer pending;
        ByteBuffer in = ByteBuffer.allocate(256);
        int nextPacketId = 1;
        int inFlight;
        long seq;

        Device(String id, String secret) {
            this.id = id;
            this.topic = MqttPackets.utf8("devices/" + id + "/telemetry");
            this.secret = secret;
        }
    }

    private final InetSocketAddress broker;
    private final Telemetry telemetry;
    private final Device[] devices;
    private final Selector selector;
    private final Thread loop;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final List<String> failureSamples = new ArrayList<>();
    private volatile boolean running = true;

    private int connectAtOnce;
    private int nextToConnect;
    private int handshaking;
    private CountDownLatch connectDone;
    private double rate;
    private long rateSince;
    private long issuedSinceRate;
    private int cursor;
    private int pingCursor;
    private long lastHousekeeping;

    final AtomicLong connected = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong lostConnections = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();

    /**
     * @param brokerUri {@code tcp://host:port}
     * @param secretOf  each device's password (user name = device id)
     */
    MqttDeviceLoad(String brokerUri, List<String> deviceIds, Function<String, String> secretOf, Telemetry telemetry)
            throws IOException {
        URI uri = URI.create(brokerUri);
        this.broker = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.telemetry = telemetry;
        this.devices = deviceIds.stream().map(id -> new Device(id, secretOf.apply(id))).toArray(Device[]::new);
        this.selector = Selector.open();
        this.loop = new Thread(this::run, "bench-mqtt-devices");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /**
     * Connects every device, at most {@code atOnce} handshakes at a time, and waits until each is connected or
     * failed (a refused CONNACK, a closed socket or no CONNACK within 30 s).
     */
    void connectAll(int atOnce) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        commands.add(() -> {
            connectAtOnce = atOnce;
            connectDone = done;
            startConnections(System.nanoTime());
        });
        selector.wakeup();
        done.await();
    }

    /**
     * From now on every device publishes on {@code devices/{id}/{channel}} (the contract's {@code telemetry}, or a
     * channel the gateway does not subscribe to, for a baseline of the broker alone).
     */
    void publishOn(String channel) {
        commands.add(() -> {
            for (Device device : devices) {
                device.topic = MqttPackets.utf8("devices/" + device.id + "/" + channel);
            }
        });
        selector.wakeup();
    }

    /** Publishes {@code messagesPerSecond} in total from now on, spread round-robin over the connected devices; 0 stops. */
    void publishAt(double messagesPerSecond) {
        commands.add(() -> {
            rate = messagesPerSecond;
            rateSince = System.nanoTime();
            issuedSinceRate = 0;
        });
        selector.wakeup();
    }

    /** Waits up to {@code timeoutMillis} until no publish waits for its ack. */
    void awaitAcks(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (inFlight.get() > 0 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
    }

    /** Up to 5 reasons why devices could not connect or lost their connection. */
    List<String> failureSamples() {
        synchronized (failureSamples) {
            return List.copyOf(failureSamples);
        }
    }

    private void run() {
        try {
            while (running) {
                selector.select(1);
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    handle(key, (Device) key.attachment());
                }
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                long now = System.nanoTime();
                if (now - lastHousekeeping >= 1_000_000_000L) {
                    lastHousekeeping = now;
                    expireHandshakes(now);
                    ping();
                }
                publishDue(now);
            }
        } catch (IOException | RuntimeException e) {
            noteFailure("selector thread stopped: " + e);
        }
    }

    private void startConnections(long now) {
        while (handshaking < connectAtOnce && nextToConnect < devices.length) {
            Device device = devices[nextToConnect++];
            handshaking++;
            device.state = State.CONNECTING;
            device.since = now;
            try {
                device.channel = SocketChannel.open();
                device.channel.configureBlocking(false);
                device.channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                device.key = device.channel.register(selector, SelectionKey.OP_CONNECT, device);
                if (device.channel.connect(broker)) {
                    connected(device);
                }
            } catch (IOException e) {
                fail(device, "connect: " + e.getMessage());
            }
        }
        if (connectDone != null && handshaking == 0 && nextToConnect == devices.length) {
            connectDone.countDown();
            connectDone = null;
        }
    }

    private void handle(SelectionKey key, Device device) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                device.channel.finishConnect();
                connected(device);
            }
            if (key.isValid() && key.isReadable()) {
                read(device);
            }
            if (key.isValid() && key.isWritable()) {
                flush(device);
            }
        } catch (IOException | IllegalArgumentException e) {
            fail(device, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void connected(Device device) throws IOException {
        device.state = State.AWAITING_CONNACK;
        device.key.interestOps(SelectionKey.OP_READ);
        write(device, MqttPackets.connect(device.id, device.id, device.secret, KEEP_ALIVE_SECONDS));
    }

    private void read(Device device) throws IOException {
        int n = device.channel.read(device.in);
        if (n < 0) {
            fail(device, "broker closed the connection");
            return;
        }
        device.in.flip();
        MqttPackets.Received packet;
        while (device.state != State.GONE && (packet = MqttPackets.next(device.in)) != null) {
            received(device, packet);
        }
        if (device.state == State.GONE) {
            return;
        }
        device.in.compact();
        if (!device.in.hasRemaining()) {
            device.in = ByteBuffer.allocate(device.in.capacity() * 2).put(device.in.flip());
        }
    }

    private void received(Device device, MqttPackets.Received packet) {
        switch (packet.type()) {
            case MqttPackets.CONNACK -> {
                if (packet.failed()) {
                    fail(device, "CONNACK reason 0x" + Integer.toHexString(packet.reasonCode()));
                } else {
                    device.state = State.READY;
                    connected.incrementAndGet();
                    handshakeEnded();
                }
            }
            case MqttPackets.PUBACK -> {
                if (device.inFlight > 0) {
                    device.inFlight--;
                    inFlight.decrementAndGet();
                }
                if (packet.failed()) {
                    refused.incrementAndGet();
                } else {
                    acknowledged.incrementAndGet();
                }
            }
            case MqttPackets.DISCONNECT -> fail(device, "DISCONNECT reason 0x" + Integer.toHexString(packet.reasonCode()));
            default -> {
            }
        }
    }

    private void write(Device device, byte[] bytes) throws IOException {
        if (device.pending == null || device.pending.position() == 0) {
            ByteBuffer direct = ByteBuffer.wrap(bytes);
            device.channel.write(direct);
            if (!direct.hasRemaining()) {
                return;
            }
            bytes = java.util.Arrays.copyOfRange(bytes, direct.position(), bytes.length);
        }
        if (device.pending == null) {
            device.pending = ByteBuffer.allocate(Math.max(1024, bytes.length));
        }
        if (device.pending.remaining() < bytes.length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(device.pending.capacity() * 2,
                    device.pending.position() + bytes.length));
            device.pending = bigger.put(device.pending.flip());
        }
        device.pending.put(bytes);
        device.key.interestOps(device.key.interestOps() | SelectionKey.OP_WRITE);
    }

    private void flush(Device device) throws IOException {
        if (device.pending != null) {
            device.pending.flip();
            device.channel.write(device.pending);
            device.pending.compact();
            if (device.pending.position() > 0) {
                return;
            }
        }
        device.key.interestOps(SelectionKey.OP_READ);
    }

    private void publishDue(long now) {
        if (rate <= 0) {
            return;
        }
        long due = (long) (rate * (now - rateSince) / 1e9) - issuedSinceRate;
        for (long i = 0; i < due; i++) {
            issuedSinceRate++;
            Device device = nextReady();
            if (device == null) {
                skipped.addAndGet(due - i);
                issuedSinceRate += due - i - 1;
                return;
            }
            if (device.inFlight >= MAX_IN_FLIGHT_PER_DEVICE) {
                skipped.incrementAndGet();
                continue;
            }
            int packetId = device.nextPacketId;
            device.nextPacketId = packetId == 65_535 ? 1 : packetId + 1;
            byte[] body = telemetry.body(device.id, device.seq++);
            try {
                write(device, MqttPackets.publishQos1(device.topic, packetId, body));
                device.inFlight++;
                inFlight.incrementAndGet();
                published.incrementAndGet();
            } catch (IOException e) {
                fail(device, "publish: " + e.getMessage());
            }
        }
    }

    private Device nextReady() {
        for (int scanned = 0; scanned < devices.length; scanned++) {
            Device device = devices[cursor];
            cursor = (cursor + 1) % devices.length;
            if (device.state == State.READY) {
                return device;
            }
        }
        return null;
    }

    private void ping() {
        int perSecond = devices.length / (KEEP_ALIVE_SECONDS / 2) + 1;
        for (int i = 0; i < perSecond && devices.length > 0; i++) {
            Device device = devices[pingCursor];
            pingCursor = (pingCursor + 1) % devices.length;
            if (device.state == State.READY) {
                try {
                    write(device, MqttPackets.pingRequest());
                } catch (IOException e) {
                    fail(device, "ping: " + e.getMessage());
                }
            }
        }
    }

    private void expireHandshakes(long now) {
        for (Device device : devices) {
            if ((device.state == State.CONNECTING || device.state == State.AWAITING_CONNACK)
                    && now - device.since > HANDSHAKE_TIMEOUT_NANOS) {
                fail(device, "no CONNACK within 30 s");
            }
        }
    }

    private void fail(Device device, String reason) {
        State was = device.state;
        device.state = State.GONE;
        inFlight.addAndGet(-device.inFlight);
        device.inFlight = 0;
        closeQuietly(device);
        if (was == State.READY) {
            lostConnections.incrementAndGet();
            noteFailure(device.id + " lost its connection: " + reason);
        } else if (was == State.CONNECTING || was == State.AWAITING_CONNACK) {
            connectFailures.incrementAndGet();
            noteFailure(device.id + " could not connect: " + reason);
            handshakeEnded();
        }
    }

    private void handshakeEnded() {
        handshaking--;
        startConnections(System.nanoTime());
    }

    private void noteFailure(String text) {
        synchronized (failureSamples) {
            if (failureSamples.size() < 5) {
                failureSamples.add(text);
            }
        }
    }

    private static void closeQuietly(Device device) {
        try {
            if (device.channel != null) {
                device.channel.close();
            }
        } catch (IOException ignored) {
            // the device is gone either way
        }
    }

    /** Sends DISCONNECT on every connection and closes them. */
    @Override
    public void close() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        commands.add(() -> {
            rate = 0;
            for (Device device : devices) {
                if (device.state == State.READY) {
                    try {
                        device.channel.write(ByteBuffer.wrap(MqttPackets.disconnect()));
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
                device.state = State.GONE;
                closeQuietly(device);
            }
            running = false;
            done.countDown();
        });
        selector.wakeup();
        done.await(30, TimeUnit.SECONDS);
        loop.join(5_000);
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
