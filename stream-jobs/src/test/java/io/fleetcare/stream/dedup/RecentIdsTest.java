package io.fleetcare.stream.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void readsTheExactBitsOfACanonicalUuid() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());

            long[] bits = RecentIds.uuidBits(id.toString());

            assertThat(bits).containsExactly(id.getMostSignificantBits(), id.getLeastSignificantBits());
        }
        assertThat(RecentIds.uuidBits("ffffffff-ffff-ffff-ffff-ffffffffffff")).containsExactly(-1L, -1L);
        assertThat(RecentIds.uuidBits("00000000-0000-0000-0000-000000000000")).containsExactly(0L, 0L);
    }

    @Test
    void takesNoOtherStringForAUuid() {
        String canonical = "123e4567-e89b-12d3-a456-426614174000";
        assertThat(RecentIds.uuidBits(canonical)).isNotNull();
        // upper case, other grouping, one character more or less, not hex, no dashes: another id, not this one
        assertThat(RecentIds.uuidBits(canonical.toUpperCase())).isNull();
        assertThat(RecentIds.uuidBits("123e4567e-89b-12d3-a456-426614174000")).isNull();
        assertThat(RecentIds.uuidBits(canonical + "0")).isNull();
        assertThat(RecentIds.uuidBits(canonical.substring(1))).isNull();
        assertThat(RecentIds.uuidBits("123e4567-e89b-12d3-a456-42661417400g")).isNull();
        assertThat(RecentIds.uuidBits("123e4567+e89b+12d3+a456+426614174000")).isNull();
        assertThat(RecentIds.uuidBits("evt-1")).isNull();
    }

    @Test
    void holdsEveryIdItWasGivenUntilItIsForgotten() {
        // given: more ids than the initial capacity, with the ring wrapped around by forgetting the oldest
        RecentIds ids = new RecentIds();
        for (long i = 0; i < 6; i++) {
            ids.add(i, ~i, i);
        }
        ids.forgetSeenAtOrBefore(3);
        for (long i = 6; i < 1_000; i++) {
            ids.add(i, ~i, i);
        }

        // then
        assertThat(ids.size()).isEqualTo(996);
        for (long i = 0; i < 1_000; i++) {
            assertThat(ids.contains(i, ~i)).as("id %d", i).isEqualTo(i > 3);
        }
        assertThat(ids.contains(5, 5)).as("same high bits, other low bits").isFalse();
        assertThat(ids.contains(~5L, ~5L)).as("same low bits, other high bits").isFalse();
        assertThat(ids.newestSeenAt()).isEqualTo(999);

        // when: all but the newest ten are forgotten (the ring shrinks)
        ids.forgetSeenAtOrBefore(989);

        // then
        assertThat(ids.size()).isEqualTo(10);
        assertThat(ids.contains(989, ~989L)).isFalse();
        assertThat(ids.contains(990, ~990L)).isTrue();
        ids.forgetSeenAtOrBefore(999);
        assertThat(ids.size()).isZero();
        assertThat(ids.newestSeenAt()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void serializerWritesTheLiveIdsAndReadsThemBack() throws Exception {
        // given: a wrapped ring
        RecentIds ids = new RecentIds();
        List<long[]> live = new ArrayList<>();
        for (long i = 0; i < 20; i++) {
            ids.add(i * 7, i * 13, 100 + i);
        }
        ids.forgetSeenAtOrBefore(111);
        for (long i = 20; i < 40; i++) {
            ids.add(i * 7, i * 13, 100 + i);
        }
        for (long i = 12; i < 40; i++) {
            live.add(new long[] {i * 7, i * 13});
        }
        ids.othersUntil(4242);

        // when
        DataOutputSerializer out = new DataOutputSerializer(64);
        RecentIds.Serializer.INSTANCE.serialize(ids, out);
        RecentIds read = RecentIds.Serializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        RecentIds copied = RecentIds.Serializer.INSTANCE.copy(ids);
        DataOutputSerializer copiedBytes = new DataOutputSerializer(64);
        RecentIds.Serializer.INSTANCE.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copiedBytes);

        // then: 8 + 4 bytes and 24 per live id, nothing for free slots
        assertThat(out.length()).isEqualTo(12 + 24 * live.size());
        assertThat(copiedBytes.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
        for (RecentIds r : List.of(read, copied)) {
            assertThat(r.size()).isEqualTo(live.size());
            assertThat(r.othersUntil()).isEqualTo(4242);
            assertThat(r.newestSeenAt()).isEqualTo(139);
            live.forEach(bits -> assertThat(r.contains(bits[0], bits[1])).isTrue());
            assertThat(r.contains(11 * 7, 11 * 13)).isFalse();
            r.add(1, 2, 200);
            assertThat(r.contains(1, 2)).isTrue();
        }
        assertThat(ids.contains(1, 2)).as("a copy is independent").isFalse();
    }
}
