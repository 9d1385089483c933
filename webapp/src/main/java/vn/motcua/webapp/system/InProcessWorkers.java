package vn.motcua.webapp.system;

import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.people.Role;
import vn.motcua.webapp.people.StaffDirectory;
import vn.motcua.workers.WorkerRuntime;
import vn.motcua.workers.WorkerSettings;

/**
 * Runs the workers inside the webapp once it is ready (its port known, the start-up runners such as the demo history
 * done), against its own engine REST API, under a technical account. Without a configured password the account gets
 * a fresh random one at each start; with {@code MOTCUA_WORKER_PASSWORD} set, standalone workers can sign in with it
 * too.
 */
@Component
class InProcessWorkers implements ApplicationListener<ApplicationReadyEvent> {

  private final WorkerRuntime runtime;
  private final WorkerSettings settings;
  private final ProcessEngine engine;
  private final IdentityService identity;
  private final StaffDirectory directory;

  InProcessWorkers(WorkerRuntime runtime, WorkerSettings settings, ProcessEngine engine, StaffDirectory directory) {
    this.runtime = runtime;
    this.settings = settings;
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.directory = directory;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
      return;
    }
    boolean inProcess = settings.inProcess() && !runtime.topics().isEmpty();
    if (!inProcess && settings.password().isBlank()) {
      return;
    }
    String password = settings.password().isBlank() ? randomPassword() : settings.password();
    account(password);
    if (inProcess) {
      String contextPath = event.getApplicationContext().getEnvironment()
          .getProperty("server.servlet.context-path", "");
      // a named engine is addressed by name: the REST API's default engine is whichever registered as "default"
      String engineName = engine.getName();
      runtime.start("http://localhost:" + web.getWebServer().getPort() + contextPath + "/engine-rest"
          + ("default".equals(engineName) ? "" : "/engine/" + engineName), password);
    }
  }

  private void account(String password) {
    User user = identity.createUserQuery().userId(settings.username()).singleResult();
    if (user == null) {
      user = identity.newUser(settings.username());
      user.setFirstName("motcua");
      user.setLastName("workers");
    }
    user.setPassword(password);
    identity.saveUser(user);
    directory.ensureGroup(Role.WORKER.groupId(), Role.WORKER.groupName(), "SYSTEM");
    directory.ensureMember(settings.username(), Role.WORKER.groupId());
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
