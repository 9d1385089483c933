package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.webapp.Api.dossierRequest;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shipped Tasklist filters show each officer the right tasks, on the working-day due dates of the models. */
class TasklistFiltersIT extends PostgresIntegrationTest {

  @Autowired
  private FilterService filters;
  @Autowired
  private IdentityService identity;
  @Autowired
  private TaskService tasks;

  private List<String> list(String user, String filterName) {
    return as(user, () -> {
      String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
      List<Task> found = filters.list(id);
      return found.stream().map(Task::getId).toList();
    });
  }

  private <T> T as(String user, Supplier<T> action) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void shouldListTasksByRoleAndByWorkingDayDueDate() {
    // given: a birth dossier received on Monday at 09:00; the counter has half a working day (until 14:30)
    now("2026-11-16T09:00");
    String code = (String) new Api(rest).submit("citizen", dossierRequest("1.001193", "06148")).get("receiptCode");
    String task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();

    // then
    assertThat(list("thuyhung.motcua", "Chờ nhận – nhóm của tôi / Unclaimed in my groups")).contains(task);
    assertThat(list("thuyhung.motcua", "Việc của tôi / My tasks")).doesNotContain(task);
    assertThat(list("thuyhung.motcua", "Đến hạn hôm nay / Due today")).contains(task);
    assertThat(list("thuyhung.motcua", "Quá hạn / Overdue")).doesNotContain(task);
    assertThat(list("thuonglam.motcua", "Chờ nhận – nhóm của tôi / Unclaimed in my groups")).doesNotContain(task);

    // when: claimed, and the afternoon goes by
    tasks.claim(task, "thuyhung.motcua");
    now("2026-11-16T15:00");

    // then
    assertThat(list("thuyhung.motcua", "Việc của tôi / My tasks")).contains(task);
    assertThat(list("thuyhung.motcua2", "Chờ nhận – nhóm của tôi / Unclaimed in my groups")).doesNotContain(task);
    assertThat(list("thuyhung.motcua", "Quá hạn / Overdue")).contains(task);
    assertThat(list("thuyhung.motcua", "Đến hạn hôm nay / Due today")).doesNotContain(task);

    // when: the officer sets a follow-up date that has come
    tasks.setFollowUpDate(task, Date.from(java.time.LocalDateTime.parse("2026-11-16T10:00").atZone(VN).toInstant()));

    // then
    assertThat(list("thuyhung.motcua", "Theo dõi / Follow-up")).contains(task);
  }
}
