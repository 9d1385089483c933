package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.motcua.webapp.soak.CrashSoak;

/**
 * Crash safety and the cluster on every build: the cluster soak, smaller. Two nodes of the packaged webapp and two
 * processes of the packaged workers run on the suite's PostgreSQL; each node is killed with SIGKILL once while
 * officers' clients, spread over both, take 60 dossiers to their result. Afterwards every dossier is finished with the
 * same trail, documents, notices and portal events as every other, each side effect happened once, both nodes and
 * both worker processes took a share, and the engine has nothing left. Runs in a JVM of its own (webapp/pom.xml). The
 * full soaks (2,000 dossiers) are {@code mvn -pl webapp exec:java@soak} (one node, workers inside) and
 * {@code exec:java@cluster} (docs/security.md, docs/scaling.md).
 */
class CrashSafetyIT {

  @Test
  void shouldAccountForEveryDossierExactlyOnceWhenEachOfTwoNodesIsKilledMidWork() throws Exception {
    // given
    String url = PostgresIntegrationTest.database("crashsafety");
    CrashSoak.Settings settings = new CrashSoak.Settings(60, 8, 2, 2, url,
        new DriverManagerDataSource(url, "postgres", "postgres"), Path.of("target", "motcua.jar"),
        Path.of(System.getProperty("workers.jar")), Files.createDirectories(Path.of("target", "crash-safety")));

    // when / then: the soak's own accounting, claim by claim (printed to the test's output)
    assertThat(CrashSoak.soak(settings)).as("claims that did not hold").isZero();
  }
}
