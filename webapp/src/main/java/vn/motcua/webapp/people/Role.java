package vn.motcua.webapp.people;

import java.util.Arrays;
import java.util.Optional;

/** What a person may do. Each role is a Camunda group, so Tasklist, Cockpit and Admin see the same people. */
public enum Role {
  CITIZEN("citizens", "Người dân, doanh nghiệp"),
  OFFICER("officers", "Cán bộ, công chức"),
  LEADER("leaders", "Lãnh đạo"),
  SUPERVISOR("supervisors", "Giám sát"),
  REFORM("reform-officers", "Cải cách hành chính"),
  ADMIN("camunda-admin", "Quản trị hệ thống"),
  /** The technical account of the external-task workers. */
  WORKER("workers", "External-task workers");

  private final String groupId;
  private final String groupName;

  Role(String groupId, String groupName) {
    this.groupId = groupId;
    this.groupName = groupName;
  }

  public String groupId() {
    return groupId;
  }

  public String groupName() {
    return groupName;
  }

  public String authority() {
    return "ROLE_" + name();
  }

  static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }
}
