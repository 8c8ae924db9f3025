package io.fleetcare.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.infra.postgres.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresIT {

    @TempDir
    Path dataDir;

    @Test
    void aSecondStartOnTheSameDataDirectoryFindsTheRowsOfTheFirst() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir)) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("fleet"), pg.username(), pg.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (text varchar(20))");
                s.execute("INSERT INTO note VALUES ('kept')");
            }
        }

        try (EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir);
             Connection c = DriverManager.getConnection(pg.jdbcUrl("fleet"), pg.username(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT text FROM note")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void refusesADatabaseNameThatIsNotPlain() {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            assertThatThrownBy(() -> pg.jdbcUrl("x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
