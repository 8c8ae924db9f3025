package io.fleetcare.gateway.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.jboss.logging.Logger;

/**
 * A bounded, append-only file of records that survives a restart: the gateway's place for accepted events while Kafka
 * is unreachable.
 *
 * <p>On disk, {@code <dir>/events.spool} holds records of {@code [int length][int CRC32 of the bytes][bytes]}, and
 * {@code <dir>/events.checkpoint} the position up to which records were delivered (written to a temporary file and
 * moved into place, so it is either the old or the new value). Every {@link #append} is forced to the device before it
 * returns. When every record is delivered the spool file is cut back to zero bytes; {@code maxBytes} bounds the file,
 * delivered records included until that happens.
 *
 * <p>A record whose CRC does not match is skipped when read and counted in {@link #corruptedTotal()}, never passed on
 * silently; an incomplete record at the end of the file (a crash during an append, which therefore never reported
 * success) is cut off when the spool is opened. One open spool per directory (a file lock keeps a second gateway
 * out). Thread-safe.
 */
public final class EventSpool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventSpool.class);
    private static final int HEADER_BYTES = 8;
    static final String DATA_FILE = "events.spool";
    static final String CHECKPOINT_FILE = "events.checkpoint";

    /** Records read from the spool and the position after them, to be {@linkplain #commit committed} once delivered. */
    public record Batch(List<byte[]> records, long end, int corrupted) {

        public boolean isEmpty() {
            return records.isEmpty() && corrupted == 0;
        }
    }

    private final Path dir;
    private final long maxBytes;
    private final FileChannel data;
    private long checkpoint;
    private long size;
    private long pendingRecords;
    private long corrupted;

    private EventSpool(Path dir, long maxBytes, FileChannel data, long checkpoint, long size, long pendingRecords) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.data = data;
        this.checkpoint = checkpoint;
        this.size = size;
        this.pendingRecords = pendingRecords;
    }

    /**
     * Opens the spool in {@code dir}, creating the directory and files when missing, and finds the records not yet
     * delivered.
     *
     * @param dir      never null
     * @param maxBytes the largest size of the spool file; positive
     * @throws UncheckedIOException when the directory or files cannot be used
     * @throws IllegalStateException  when another open spool (in this or another process) holds the directory
     */
    public static EventSpool open(Path dir, long maxBytes) {
        if (maxBytes <= HEADER_BYTES) {
            throw new IllegalArgumentException("spool limit too small: " + maxBytes);
        }
        try {
            Files.createDirectories(dir);
            FileChannel data = FileChannel.open(dir.resolve(DATA_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            lockOrClose(data, dir);
            long size = data.size();
            Path checkpointFile = dir.resolve(CHECKPOINT_FILE);
            long checkpoint = Files.exists(checkpointFile)
                    ? Long.parseLong(Files.readString(checkpointFile, StandardCharsets.US_ASCII).trim()) : 0;
            if (checkpoint < 0 || checkpoint > size) {
                throw new IllegalStateException("spool checkpoint " + checkpoint + " outside the spool file of "
                        + size + " bytes in " + dir);
            }
            long position = checkpoint;
            long records = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            while (position < size) {
                header.clear();
                int length = size - position >= HEADER_BYTES ? readHeader(data, header, position) : -1;
                if (length < 0 || position + HEADER_BYTES + length > size) {
                    LOG.warnf("spool %s: cutting off an incomplete record at byte %d of %d", dir, position, size);
                    data.truncate(position);
                    data.force(true);
                    size = position;
                    break;
                }
                position += HEADER_BYTES + length;
                records++;
            }
            data.position(size);
            return new EventSpool(dir, maxBytes, data, checkpoint, size, records);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the event spool in " + dir, e);
        }
    }

    /**
     * Appends one record and forces it to the storage device.
     *
     * @param record never null
     * @return true when the record is stored; false when it does not fit under the limit (nothing was written)
     * @throws UncheckedIOException when the write fails
     */
    public synchronized boolean append(byte[] record) {
        long needed = HEADER_BYTES + (long) record.length;
        if (size + needed > maxBytes) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(record);
        ByteBuffer buffer = ByteBuffer.allocate((int) needed);
        buffer.putInt(record.length).putInt((int) crc.getValue()).put(record).flip();
        try {
            while (buffer.hasRemaining()) {
                data.write(buffer, size + buffer.position());
            }
            data.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the event spool in " + dir, e);
        }
        size += needed;
        pendingRecords++;
        return true;
    }

    /**
     * Reads up to {@code maxRecords} undelivered records, oldest first, skipping (and counting) those whose CRC does not
     * match.
     *
     * @return never null; empty when everything is delivered
     */
    public synchronized Batch read(int maxRecords) {
        List<byte[]> records = new ArrayList<>();
        int skipped = 0;
        long position = checkpoint;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        try {
            while (position < size && records.size() < maxRecords) {
                header.clear();
                int length = readHeader(data, header, position);
                int expectedCrc = header.getInt(4);
                ByteBuffer body = ByteBuffer.allocate(length);
                while (body.hasRemaining()) {
                    if (data.read(body, position + HEADER_BYTES + body.position()) < 0) {
                        throw new IOException("spool file ended inside a record at byte " + position);
                    }
                }
                CRC32 crc = new CRC32();
                crc.update(body.array());
                if ((int) crc.getValue() == expectedCrc) {
                    records.add(body.array());
                } else {
                    skipped++;
                    LOG.errorf("spool %s: record at byte %d fails its CRC check and is skipped", dir, position);
                }
                position += HEADER_BYTES + length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event spool in " + dir, e);
        }
        return new Batch(List.copyOf(records), position, skipped);
    }

    /**
     * Marks the records of {@code batch} as delivered and persists that; when nothing is left the spool file is cut
     * back to empty.
     *
     * @param batch a batch returned by {@link #read} of this spool, committed in the order read
     * @throws UncheckedIOException when the checkpoint cannot be written
     */
    public synchronized void commit(Batch batch) {
        if (batch.end() <= checkpoint) {
            return;
        }
        try {
            long end = batch.end();
            if (end == size) {
                writeCheckpoint(0);
                data.truncate(0);
                data.force(true);
                size = 0;
                end = 0;
            } else {
                writeCheckpoint(end);
            }
            checkpoint = end;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot advance the event spool checkpoint in " + dir, e);
        }
        pendingRecords -= batch.records().size() + batch.corrupted();
        corrupted += batch.corrupted();
    }

    /** True when every record appended so far is committed. */
    public synchronized boolean isEmpty() {
        return checkpoint == size;
    }

    /** Records appended and not yet committed. */
    public synchronized long pendingRecords() {
        return pendingRecords;
    }

    /** The size of the spool file in bytes (committed records stay in it until the spool empties). */
    public synchronized long bytes() {
        return size;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Records skipped because their CRC did not match, since this spool was opened. */
    public synchronized long corruptedTotal() {
        return corrupted;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void close() {
        try {
            data.close();
        } catch (IOException e) {
            LOG.warnf("spool %s did not close cleanly: %s", dir, e.toString());
        }
    }

    private static void lockOrClose(FileChannel data, Path dir) throws IOException {
        boolean locked;
        try {
            locked = data.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            locked = false;
        }
        if (!locked) {
            data.close();
            throw new IllegalStateException("the event spool in " + dir + " is in use by another gateway");
        }
    }

    private static int readHeader(FileChannel data, ByteBuffer header, long position) throws IOException {
        while (header.hasRemaining()) {
            if (data.read(header, position + header.position()) < 0) {
                return -1;
            }
        }
        return header.getInt(0);
    }

    private void writeCheckpoint(long position) throws IOException {
        Path target = dir.resolve(CHECKPOINT_FILE);
        Path temporary = dir.resolve(CHECKPOINT_FILE + ".tmp");
        try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            file.write(ByteBuffer.wrap(Long.toString(position).getBytes(StandardCharsets.US_ASCII)));
            file.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
