package io.fleetcare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSpoolTest {

    @TempDir
    Path dir;

    @Test
    void appendedRecordsAreReadBackInOrder() {
        // given
        try (EventSpool spool = EventSpool.open(dir, 1024)) {
            spool.append(bytes("first"));
            spool.append(bytes("second"));

            // when
            EventSpool.Batch batch = spool.read(10);

            // then
            assertThat(batch.records()).extracting(EventSpoolTest::text).containsExactly("first", "second");
            assertThat(batch.corrupted()).isZero();
            assertThat(spool.pendingRecords()).isEqualTo(2);
            assertThat(spool.isEmpty()).isFalse();
        }
    }

    @Test
    void readReturnsAtMostTheAskedNumberAndCommitMovesOn() {
        // given
        try (EventSpool spool = EventSpool.open(dir, 1024)) {
            spool.append(bytes("a"));
            spool.append(bytes("b"));
            spool.append(bytes("c"));

            // when
            EventSpool.Batch first = spool.read(2);
            spool.commit(first);
            EventSpool.Batch rest = spool.read(2);

            // then
            assertThat(first.records()).extracting(EventSpoolTest::text).containsExactly("a", "b");
            assertThat(rest.records()).extracting(EventSpoolTest::text).containsExactly("c");
            assertThat(spool.pendingRecords()).isEqualTo(1);
        }
    }

    @Test
    void committingEverythingEmptiesTheSpoolFile() {
        // given
        try (EventSpool spool = EventSpool.open(dir, 1024)) {
            spool.append(bytes("a"));

            // when
            spool.commit(spool.read(10));

            // then
            assertThat(spool.isEmpty()).isTrue();
            assertThat(spool.bytes()).isZero();
            assertThat(spool.pendingRecords()).isZero();
            assertThat(spool.read(10).isEmpty()).isTrue();
        }
    }

    @Test
    void recordBeyondTheLimitIsRefusedAndNothingIsWritten() {
        // given
        try (EventSpool spool = EventSpool.open(dir, 40)) {
            assertThat(spool.append(new byte[20])).isTrue();
            long size = spool.bytes();

            // when
            boolean stored = spool.append(new byte[20]);

            // then
            assertThat(stored).isFalse();
            assertThat(spool.bytes()).isEqualTo(size);
            assertThat(spool.pendingRecords()).isEqualTo(1);
        }
    }

    @Test
    void checkpointAndUndeliveredRecordsSurviveReopening() {
        // given
        try (EventSpool spool = EventSpool.open(dir, 1024)) {
            spool.append(bytes("delivered"));
            spool.append(bytes("waiting-1"));
            spool.append(bytes("waiting-2"));
            spool.commit(spool.read(1));
        }

        // when
        try (EventSpool reopened = EventSpool.open(dir, 1024)) {

            // then
            assertThat(reopened.pendingRecords()).isEqualTo(2);
            assertThat(reopened.read(10).records()).extracting(EventSpoolTest::text)
                    .containsExactly("waiting-1", "waiting-2");
        }
    }

    @Test
    void recordWithDamagedBytesIsSkippedAndCountedNotPassedOn() throws IOException {
        // given
        try (EventSpool spool = EventSpool.open(dir, 1024)) {
            spool.append(bytes("good-1"));
            spool.append(bytes("bad"));
            spool.append(bytes("good-2"));
        }
        long badRecordBody = 8 + "good-1".length() + 8;
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve(EventSpool.DATA_FILE).toFile(), "rw")) {
            file.seek(badRecordBody);
            file.write('X');
        }

        // when
        try (EventSpool spool = EventSpool.open(dir, 1024)) {
            EventSpool.Batch batch = spool.read(10);
            spool.commit(batch);

            // then
            assertThat(batch.records()).extracting(EventSpoolTest::text).containsExactly("good-1", "good-2");
            assertThat(batch.corrupted()).isEqualTo(1);
            assertThat(spool.corruptedTotal()).isEqualTo(1);
            assertThat(spool.isEmpty()).isTrue();
        }
    }

    @Test
    void incompleteRecordAtTheEndFromACrashIsCutOffOnOpen() throws IOException {
        // given
        try (EventSpool spool = EventSpool.open(dir, 1024)) {
            spool.append(bytes("complete"));
        }
        Path data = dir.resolve(EventSpool.DATA_FILE);
        long complete = Files.size(data);
        Files.write(data, new byte[] {0, 0, 0, 50, 1, 2}, java.nio.file.StandardOpenOption.APPEND);

        // when
        try (EventSpool spool = EventSpool.open(dir, 1024)) {

            // then
            assertThat(spool.bytes()).isEqualTo(complete);
            assertThat(spool.read(10).records()).extracting(EventSpoolTest::text).containsExactly("complete");
            spool.append(bytes("after"));
            assertThat(spool.read(10).records()).extracting(EventSpoolTest::text).containsExactly("complete", "after");
        }
    }

    @Test
    void directoryInUseByAnOpenSpoolIsRefused() {
        // given
        try (EventSpool spool = EventSpool.open(dir, 1024)) {

            // when / then
            assertThatThrownBy(() -> EventSpool.open(dir, 1024))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            assertThat(spool.append(bytes("still usable"))).isTrue();
        }
        try (EventSpool reopened = EventSpool.open(dir, 1024)) {
            assertThat(reopened.pendingRecords()).isEqualTo(1);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
