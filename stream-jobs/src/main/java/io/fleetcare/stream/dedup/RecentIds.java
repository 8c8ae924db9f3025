package io.fleetcare.stream.dedup;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The event ids one device sent recently, each with the time it was first seen: a ring of {@code long} triples
 * (the id's 128 bits, the time), oldest first. An id is held as its exact value, so two distinct ids are never
 * taken for each other. Only ids in the canonical form of {@link java.util.UUID#toString()} fit ({@link #msb} /
 * {@link #lsb}); the filter keeps any other id elsewhere and notes here until when that store may hold live ids.
 *
 * <p>Internal state of {@link DuplicateEventFilter}, public only because Flink restores its serializer by
 * reflection. Mutable, not thread-safe; one instance per device in keyed state. State per device: 24 bytes per id seen in
 * the retention period plus about 40 bytes, written by {@link Serializer} as a length and the live triples.
 */
public final class RecentIds {

    private static final int MIN_CAPACITY = 8;
    private static final long NOT_A_UUID = -1;

    /** Three longs per id: most significant bits, least significant bits, first seen (ms). */
    private long[] slots;
    /** Index (in ids) of the oldest id. */
    private int head;
    private int size;
    /** Until when (ms, exclusive) ids that are not canonical UUIDs may be remembered elsewhere; Long.MIN_VALUE = none. */
    private long othersUntil = Long.MIN_VALUE;

    RecentIds() {
        this(MIN_CAPACITY);
    }

    private RecentIds(int capacity) {
        slots = new long[3 * capacity];
    }

    /** Whether the id with these 128 bits is held (newest first: a redelivery is usually recent). */
    boolean contains(long msb, long lsb) {
        int capacity = capacity();
        for (int i = size - 1; i >= 0; i--) {
            int at = 3 * ((head + i) % capacity);
            if (slots[at + 1] == lsb && slots[at] == msb) {
                return true;
            }
        }
        return false;
    }

    /** Adds an id first seen at {@code seenAt}; grows when full (nothing held is ever pushed out). */
    void add(long msb, long lsb, long seenAt) {
        if (size == capacity()) {
            resize(2 * capacity());
        }
        int at = 3 * ((head + size) % capacity());
        slots[at] = msb;
        slots[at + 1] = lsb;
        slots[at + 2] = seenAt;
        size++;
    }

    /**
     * Forgets the ids first seen at or before {@code cutoff}, oldest first; stops at the first younger one (ids
     * are added in the order they are seen, so a clock that steps back only makes some ids stay longer).
     */
    void forgetSeenAtOrBefore(long cutoff) {
        int capacity = capacity();
        while (size > 0 && slots[3 * head + 2] <= cutoff) {
            head = (head + 1) % capacity;
            size--;
        }
        if (size == 0) {
            head = 0;
        }
        if (capacity > MIN_CAPACITY && size < capacity / 4) {
            resize(capacity / 2);
        }
    }

    int size() {
        return size;
    }

    /** When the newest id was first seen; Long.MIN_VALUE when none is held. */
    long newestSeenAt() {
        return size == 0 ? Long.MIN_VALUE : slots[3 * ((head + size - 1) % capacity()) + 2];
    }

    long othersUntil() {
        return othersUntil;
    }

    void othersUntil(long until) {
        othersUntil = until;
    }

    /** Whether nothing is held, here or (by {@link #othersUntil}) elsewhere, at {@code now}. */
    boolean isEmptyAt(long now) {
        return size == 0 && othersUntil <= now;
    }

    private int capacity() {
        return slots.length / 3;
    }

    private void resize(int capacity) {
        long[] resized = new long[3 * Math.max(MIN_CAPACITY, capacity)];
        copyLiveTo(resized);
        slots = resized;
        head = 0;
    }

    private void copyLiveTo(long[] target) {
        int capacity = capacity();
        int firstRun = Math.min(size, capacity - head);
        System.arraycopy(slots, 3 * head, target, 0, 3 * firstRun);
        System.arraycopy(slots, 0, target, 3 * firstRun, 3 * (size - firstRun));
    }

    /**
     * The 128 bits of an id in the canonical form of {@link java.util.UUID#toString()} (36 characters, lower-case
     * hex digits, dashes at 8, 13, 18 and 23): {@code [msb, lsb]}; null for any other string.
     */
    static long[] uuidBits(String id) {
        if (id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return null;
        }
        long msb = hex(id, 0, 8);
        long mid = hex(id, 9, 13);
        long hi = hex(id, 14, 18);
        long lo1 = hex(id, 19, 23);
        long lo2 = hex(id, 24, 36);
        if (msb < 0 || mid < 0 || hi < 0 || lo1 < 0 || lo2 < 0) {
            return null;
        }
        return new long[] {msb << 32 | mid << 16 | hi, lo1 << 48 | lo2};
    }

    /** The value of lower-case hex digits {@code from..to} (at most 15 digits); -1 when one is not such a digit. */
    private static long hex(String s, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else {
                return NOT_A_UUID;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** Writes the live ids only (oldest first); stateless, so one instance serves every state. */
    public static final class Serializer extends TypeSerializerSingleton<RecentIds> {

        private static final long serialVersionUID = 1L;

        static final Serializer INSTANCE = new Serializer();

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public RecentIds createInstance() {
            return new RecentIds();
        }

        @Override
        public RecentIds copy(RecentIds from) {
            RecentIds copy = new RecentIds(Math.max(MIN_CAPACITY, from.capacity()));
            from.copyLiveTo(copy.slots);
            copy.size = from.size;
            copy.othersUntil = from.othersUntil;
            return copy;
        }

        @Override
        public RecentIds copy(RecentIds from, RecentIds reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(RecentIds record, DataOutputView target) throws IOException {
            target.writeLong(record.othersUntil);
            target.writeInt(record.size);
            int capacity = record.capacity();
            for (int i = 0; i < record.size; i++) {
                int at = 3 * ((record.head + i) % capacity);
                target.writeLong(record.slots[at]);
                target.writeLong(record.slots[at + 1]);
                target.writeLong(record.slots[at + 2]);
            }
        }

        @Override
        public RecentIds deserialize(DataInputView source) throws IOException {
            long othersUntil = source.readLong();
            int size = source.readInt();
            RecentIds ids = new RecentIds(Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, size)) << 1));
            for (int i = 0; i < 3 * size; i++) {
                ids.slots[i] = source.readLong();
            }
            ids.size = size;
            ids.othersUntil = othersUntil;
            return ids;
        }

        @Override
        public RecentIds deserialize(RecentIds reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            target.writeLong(source.readLong());
            int size = source.readInt();
            target.writeInt(size);
            for (int i = 0; i < 3 * size; i++) {
                target.writeLong(source.readLong());
            }
        }

        @Override
        public TypeSerializerSnapshot<RecentIds> snapshotConfiguration() {
            return new SerializerSnapshot();
        }
    }

    /** Format 1: othersUntil, size, then size x (msb, lsb, seenAt). */
    public static final class SerializerSnapshot extends SimpleTypeSerializerSnapshot<RecentIds> {

        public SerializerSnapshot() {
            super(() -> Serializer.INSTANCE);
        }
    }
}
