package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.motcua.webapp.soak.CrashSoak;

/**
 * Crash safety on every build: the crash soak, smaller. The packaged webapp runs as its own process on the suite's
 * PostgreSQL and is killed with SIGKILL twice while officers' clients take 60 dossiers to their result; afterwards
 * every dossier is finished with the same trail, documents, notices and portal events as every other, and the engine
 * has nothing left. The full soak (2,000 dossiers) is {@code mvn -pl webapp exec:java@soak} (docs/security.md).
 */
class CrashSafetyIT {

  @Test
  void shouldAccountForEveryDossierExactlyOnceWhenTheWebappIsKilledTwiceMidWork() throws Exception {
    // given
    String url = PostgresIntegrationTest.database("crashsafety");
    CrashSoak.Settings settings = new CrashSoak.Settings(60, 8, url,
        new DriverManagerDataSource(url, "postgres", "postgres"), Path.of("target", "motcua.jar"),
        Files.createDirectories(Path.of("target", "crash-safety")));

    // when / then: the soak's own accounting, claim by claim (printed to the test's output)
    assertThat(CrashSoak.soak(settings)).as("claims that did not hold").isZero();
  }
}
