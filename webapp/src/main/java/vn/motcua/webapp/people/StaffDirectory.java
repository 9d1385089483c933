package vn.motcua.webapp.people;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Reads people and their groups from the engine's identity service, the one user store of motcua. */
@Service
public class StaffDirectory {

  static final String ID_NUMBER = "idNumber";

  private final IdentityService identity;

  StaffDirectory(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<Staff> find(String username) {
    User user = identity.createUserQuery().userId(username).singleResult();
    if (user == null) {
      return Optional.empty();
    }
    List<String> groups = identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).toList();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Set<String> agencies = new TreeSet<>();
    for (String group : groups) {
      Role.ofGroup(group).ifPresent(roles::add);
      AgencyRole.agencyOf(group).ifPresent(agencies::add);
    }
    String fullName = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return Optional.of(new Staff(username, fullName, user.getEmail(), Set.copyOf(roles), Set.copyOf(agencies), groups));
  }

  /**
   * The citizen ID number of a citizen's account (as the national identity sign-in vouches for it), kept as the
   * engine user's info {@value #ID_NUMBER}.
   */
  public Optional<String> citizenIdOf(String username) {
    return Optional.ofNullable(identity.getUserInfo(username, ID_NUMBER)).filter(id -> id.matches("\\d{12}"));
  }

  /** Records a citizen's ID number on their account. */
  public void citizenId(String username, String idNumber) {
    identity.setUserInfo(username, ID_NUMBER, idNumber);
  }

  public boolean checkPassword(String username, String password) {
    return identity.checkPassword(username, password);
  }

  /** Usernames that belong to a group, e.g. the colleagues a task may be delegated to. */
  public List<String> members(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
  }

  /** Creates the group unless it exists. */
  public void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /** Makes the user a member of the group unless they are one. */
  public void ensureMember(String username, String groupId) {
    if (identity.createUserQuery().userId(username).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(username, groupId);
    }
  }
}
