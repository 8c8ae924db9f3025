package io.fleetcare.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChargerFileTest {

    @TempDir
    Path dir;

    @Test
    void chargersOfBothHashFormatsAreFoundWithTheirModels() throws IOException {
        // given
        String bcrypt = BcryptUtil.bcryptHash("cp-2-secret");
        Path path = write("""
                # chargers of site A
                CP-0001=%s
                CP-0001.model=AC-22
                CP-0002=%s
                """.formatted(PasswordHashTest.MOSQUITTO_HASH, bcrypt), Instant.parse("2026-11-24T10:00:00Z"));
        ChargerFile file = new ChargerFile(path);

        // then
        assertThat(file.find("CP-0001")).contains(new Charger("CP-0001", "AC-22", PasswordHashTest.MOSQUITTO_HASH));
        assertThat(file.find("CP-0002")).contains(new Charger("CP-0002", null, bcrypt));
        assertThat(file.find("CP-0001.model")).isEmpty();
        assertThat(file.find("CP-0003")).isEmpty();
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        // given
        Path path = write("CP-0001=" + BcryptUtil.bcryptHash("old"), Instant.parse("2026-11-24T10:00:00Z"));
        ChargerFile file = new ChargerFile(path);
        String before = file.find("CP-0001").orElseThrow().passwordHash();

        // when the secret is rotated
        write("CP-0001=" + PasswordHashTest.MOSQUITTO_HASH + "\nCP-0009=" + PasswordHashTest.MOSQUITTO_HASH,
                Instant.parse("2026-11-24T10:05:00Z"));

        // then
        assertThat(PasswordHash.matches("old", before)).isTrue();
        assertThat(file.find("CP-0001").orElseThrow().passwordHash()).isEqualTo(PasswordHashTest.MOSQUITTO_HASH);
        assertThat(file.find("CP-0009")).isPresent();
    }

    @Test
    void entriesWithoutAUsableHashAreSkipped() throws IOException {
        // given
        Path path = write("""
                CP-0001=plain-password
                CP-0002=$6$salt$sha512crypt
                CP-0003=%s
                """.formatted(PasswordHashTest.MOSQUITTO_HASH), Instant.parse("2026-11-24T10:00:00Z"));

        // when
        ChargerFile file = new ChargerFile(path);

        // then
        assertThat(file.find("CP-0001")).isEmpty();
        assertThat(file.find("CP-0002")).isEmpty();
        assertThat(file.find("CP-0003")).isPresent();
    }

    @Test
    void aMissingFileListsNobodyAndAVanishedFileKeepsWhatWasRead() throws IOException {
        // given
        Path path = dir.resolve("chargers.properties");
        ChargerFile file = new ChargerFile(path);
        assertThat(file.find("CP-0001")).isEmpty();
        write("CP-0001=" + PasswordHashTest.MOSQUITTO_HASH, Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(file.find("CP-0001")).isPresent();

        // when
        Files.delete(path);

        // then
        assertThat(file.find("CP-0001")).isPresent();
    }

    private Path write(String content, Instant modified) throws IOException {
        Path path = dir.resolve("chargers.properties");
        Files.writeString(path, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
