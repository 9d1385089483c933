package vn.motcua.webapp.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The task lists officers get in Camunda Tasklist, for every role: my tasks, my groups' unclaimed tasks, due today,
 * overdue (on the working-day due dates the models set) and follow-up. Created or brought up to date at start-up.
 */
@Component
class TasklistFilters implements ApplicationRunner {

  private static final String ME = "${currentUser()}";
  private static final String MY_GROUPS = "${currentUserGroups()}";

  private final FilterService filters;
  private final TaskService tasks;

  TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  /** A filter as Tasklist shows it. */
  record Definition(String name, String description, String color, int priority, TaskQuery query) {
  }

  List<Definition> definitions() {
    return List.of(
        new Definition("Việc của tôi / My tasks", "Công việc đang giao cho tôi, hạn gần nhất trước",
            "#1f6feb", -10, tasks.createTaskQuery().taskAssigneeExpression(ME).orderByDueDate().asc()),
        new Definition("Chờ nhận – nhóm của tôi / Unclaimed in my groups",
            "Công việc của cơ quan, bộ phận tôi chưa ai nhận", "#8250df", -9,
            tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).taskUnassigned().orderByDueDate().asc()),
        new Definition("Đến hạn hôm nay / Due today", "Hạn xử lý trong ngày hôm nay", "#d29922", -8,
            mine().dueAfterExpression("${now()}").dueBeforeExpression("${endOfToday()}").orderByDueDate().asc()),
        new Definition("Quá hạn / Overdue", "Đã quá hạn xử lý (tính theo ngày làm việc)", "#cf222e", -7,
            mine().dueBeforeExpression("${now()}").orderByDueDate().asc()),
        new Definition("Theo dõi / Follow-up", "Công việc đến ngày cần theo dõi", "#57606a", -6,
            tasks.createTaskQuery().taskAssigneeExpression(ME).followUpBeforeExpression("${now()}")
                .orderByFollowUpDate().asc()));
  }

  /** Tasks assigned to me or open to my groups. */
  private TaskQuery mine() {
    return tasks.createTaskQuery().or().taskAssigneeExpression(ME).taskCandidateGroupInExpression(MY_GROUPS).endOr();
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Definition definition : definitions()) {
      Filter filter = filters.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filters.newTaskFilter(definition.name());
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", definition.description());
      properties.put("color", definition.color());
      properties.put("priority", definition.priority());
      properties.put("refresh", true);
      filter.setQuery(definition.query());
      filter.setProperties(properties);
      filters.saveFilter(filter);
    }
  }
}
