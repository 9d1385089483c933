package vn.motcua.webapp.people;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import java.util.Set;

/** A signed-in person: roles, the agencies they work for, and every Camunda group they belong to. */
public record Staff(String username, String fullName, String email, Set<Role> roles, Set<String> agencies,
                    List<String> groupIds) implements Principal, Serializable {

  @Override
  public String getName() {
    return username;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Works on dossiers (the workbench is theirs). */
  public boolean officer() {
    return has(Role.OFFICER);
  }

  /** Watches over dossiers (the board is theirs). */
  public boolean supervising() {
    return has(Role.SUPERVISOR) || has(Role.REFORM) || has(Role.ADMIN);
  }

  /** Changes procedures: deploys models (reform officers, administrators). */
  public boolean reforming() {
    return has(Role.REFORM) || has(Role.ADMIN);
  }

  public boolean inGroup(String groupId) {
    return groupIds.contains(groupId);
  }

  /** The agencies at whose one-stop counter they receive dossiers. */
  public java.util.SortedSet<String> counters() {
    return agencies.stream().filter(agency -> inGroup(AgencyRole.COUNTER.groupOf(agency)))
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  public boolean worksFor(String agencyCode) {
    return agencyCode != null && agencies.contains(agencyCode);
  }
}
