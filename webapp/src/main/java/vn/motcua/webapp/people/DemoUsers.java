package vn.motcua.webapp.people;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.motcua.webapp.place.Agency;
import vn.motcua.webapp.place.Places;
import vn.motcua.webapp.system.MotcuaProperties;

/**
 * Creates the demo users of {@code demo/users.csv} with their role and agency groups in the engine's identity
 * service, which Spring Security and the Camunda webapps both use. Idempotent: existing users are left as they are.
 */
@Component
@Order(10)
@ConditionalOnProperty(prefix = "motcua.demo", name = "enabled", havingValue = "true", matchIfMissing = true)
class DemoUsers implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identity;
  private final StaffDirectory directory;
  private final Places places;
  private final MotcuaProperties properties;

  DemoUsers(IdentityService identity, StaffDirectory directory, Places places, MotcuaProperties properties) {
    this.identity = identity;
    this.directory = directory;
    this.places = places;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    for (Role role : Role.values()) {
      directory.ensureGroup(role.groupId(), role.groupName(), "SYSTEM");
    }
    for (Agency agency : places.agencies()) {
      for (AgencyRole role : AgencyRole.values()) {
        if (role.handlesTasks()) {
          directory.ensureGroup(role.groupOf(agency.getCode()), role.label() + " – " + agency.getName(),
              "WORKFLOW");
        }
      }
    }
    int created = 0;
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
        .setTrim(true).setIgnoreEmptyLines(true).get();
    try (Reader reader = new InputStreamReader(new ClassPathResource("demo/users.csv").getInputStream(),
        StandardCharsets.UTF_8)) {
      for (CSVRecord row : format.parse(reader)) {
        if (identity.createUserQuery().userId(row.get("username")).count() == 0) {
          create(row);
          created++;
        }
        if (!row.get("idNumber").isEmpty() && directory.citizenIdOf(row.get("username")).isEmpty()) {
          directory.citizenId(row.get("username"), row.get("idNumber"));
        }
      }
    }
    LOG.info("Demo users ready ({} created); password '{}'", created, properties.demo().password());
  }

  private void create(CSVRecord row) {
    String username = row.get("username");
    String fullName = row.get("fullName");
    int split = fullName.lastIndexOf(' ');
    User user = identity.newUser(username);
    user.setFirstName(split > 0 ? fullName.substring(0, split) : fullName);
    user.setLastName(split > 0 ? fullName.substring(split + 1) : "");
    user.setEmail(row.get("email"));
    user.setPassword(properties.demo().password());
    identity.saveUser(user);
    String agency = row.get("agency");
    Set<String> groups = new LinkedHashSet<>();
    for (String name : row.get("roles").split("\\s+")) {
      switch (name) {
        case "citizen" -> groups.add(Role.CITIZEN.groupId());
        case "admin" -> groups.add(Role.ADMIN.groupId());
        case "supervisor" -> groups.addAll(List.of(Role.SUPERVISOR.groupId(), agencyGroup(username, agency,
            AgencyRole.SUPERVISION)));
        case "reform" -> groups.addAll(List.of(Role.REFORM.groupId(), agencyGroup(username, agency,
            AgencyRole.SUPERVISION)));
        case "counter", "specialist", "leader" -> {
          AgencyRole role = AgencyRole.valueOf(name.toUpperCase(java.util.Locale.ROOT));
          groups.addAll(List.of(Role.OFFICER.groupId(), agencyGroup(username, agency, role)));
          if (role == AgencyRole.LEADER) {
            groups.add(Role.LEADER.groupId());
          }
        }
        default -> throw new IllegalStateException("demo user " + username + ": unknown role " + name);
      }
    }
    groups.forEach(group -> identity.createMembership(username, group));
  }

  private String agencyGroup(String username, String agency, AgencyRole role) {
    Agency known = places.agency(agency).orElseThrow(
        () -> new IllegalStateException("demo user " + username + " works for unknown agency '" + agency + "'"));
    String groupId = role.groupOf(known.getCode());
    directory.ensureGroup(groupId, role.label() + " – " + known.getName(), "WORKFLOW");
    return groupId;
  }
}
