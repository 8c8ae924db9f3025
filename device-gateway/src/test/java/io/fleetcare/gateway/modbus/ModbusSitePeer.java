package io.fleetcare.gateway.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.fleetcare.infra.net.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A site controller for tests: j2mod's own Modbus TCP slave serving holding registers for one or more unit ids, reached
 * through a relay on {@link #port()} that stands for the network. {@link #stop()} shuts the slave down and cuts every
 * open connection (j2mod's slave alone keeps answering on connections it already accepted); {@link #start()} brings
 * both back on the same port with the same registers.
 */
public final class ModbusSitePeer implements AutoCloseable {

    private final Map<Integer, SimpleProcessImage> units = new TreeMap<>();
    private final int port = FreePorts.pick();
    private final int slavePort = FreePorts.pick();
    private final Set<Socket> relayed = ConcurrentHashMap.newKeySet();
    private ModbusSlave slave;
    private ServerSocket relay;

    /**
     * Serves {@code registers} (address -> unsigned 16-bit value, from address 0 up to the highest given; gaps hold 0)
     * as unit {@code unitId}. Call before {@link #start()}.
     */
    public ModbusSitePeer unit(int unitId, Map<Integer, Integer> registers) {
        SimpleProcessImage image = new SimpleProcessImage(unitId);
        int highest = registers.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int address = 0; address <= highest; address++) {
            image.addRegister(new SimpleRegister(registers.getOrDefault(address, 0)));
        }
        units.put(unitId, image);
        return this;
    }

    /** The port the gateway connects to. */
    public int port() {
        return port;
    }

    /** What unit {@code unitId} holds now at {@code address}. */
    public int register(int unitId, int address) {
        return units.get(unitId).getRegister(address).toUnsignedShort();
    }

    /** Stores {@code value} (unsigned 16-bit) at {@code address} of unit {@code unitId}, as the device would. */
    public void setRegister(int unitId, int address, int value) {
        units.get(unitId).getRegister(address).setValue(value);
    }

    public synchronized ModbusSitePeer start() {
        try {
            slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), slavePort, 4, false);
            units.forEach(slave::addProcessImage);
            slave.open();
            relay = new ServerSocket();
            relay.setReuseAddress(true);
            relay.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (ModbusException e) {
            throw new IllegalStateException("j2mod slave did not start on " + slavePort, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket listening = relay;
        Thread acceptor = new Thread(() -> accept(listening), "modbus-peer-relay-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** Shuts the slave down and cuts every connection: the device stops answering. */
    public synchronized void stop() {
        if (relay != null) {
            try {
                relay.close();
            } catch (IOException e) {
                // closed either way
            }
            relay = null;
        }
        relayed.forEach(ModbusSitePeer::closeQuietly);
        relayed.clear();
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket device;
                try {
                    device = new Socket(InetAddress.getLoopbackAddress(), slavePort);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                relayed.add(client);
                relayed.add(device);
                pump(client, device);
                pump(device, client);
            } catch (IOException e) {
                // relay closed, or the slave is gone: the gateway sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[512];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                relayed.remove(from);
                relayed.remove(to);
            }
        }, "modbus-peer-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
