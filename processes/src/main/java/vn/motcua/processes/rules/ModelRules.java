package vn.motcua.processes.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What motcua asks of a BPMN model beyond what the engine does, so that a reform deployed from Camunda Modeler or a
 * web page cannot break the catalog, routing or legal time: every process says what it is (a procedure with its
 * code, level and online-service level, or a building block or service); it keeps its history for a set time; every
 * user task is routed to an agency's group and has a due date; element ids mean something (not Modeler's
 * {@code Activity_1lvjtd4}). Each problem names the element and says what to do, in Vietnamese and English.
 */
public final class ModelRules {

  /** One broken rule at one element. */
  public record Problem(Element element, String message) {
  }

  static final Set<String> LEVELS = Set.of("COMMUNE", "DISTRICT", "PROVINCE");
  static final Set<String> ONLINE_LEVELS = Set.of("FULL", "PARTIAL", "INFORMATION");
  private static final Pattern PROCEDURE_CODE = Pattern.compile("\\d\\.\\d{6}");
  /** Codes a procedure was published under before: {@code <code> until <yyyy-MM-dd>}, comma-separated. */
  private static final Pattern FORMER_CODES = Pattern.compile(
      "\\d\\.\\d{6} until \\d{4}-\\d{2}-\\d{2}(\\s*,\\s*\\d\\.\\d{6} until \\d{4}-\\d{2}-\\d{2})*");
  /** Modeler's ids: a type, an underscore and seven random letters or digits. */
  private static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_[0-9a-z]{7}");
  /** A group computed from where the dossier is: an agency variable and a role (or a role variable). */
  private static final Pattern ROUTED_GROUP = Pattern.compile(
      "\\$\\{[^}]+}\\.(counter|specialist|leader|supervision|\\$\\{[^}]+})");

  private ModelRules() {
  }

  /** The problems of a parsed BPMN definitions element, in document order. */
  public static List<Problem> check(Element definitions) {
    List<Problem> problems = new ArrayList<>();
    for (Element process : definitions.elements("process")) {
      if ("false".equals(process.attribute("isExecutable"))) {
        continue;
      }
      String id = process.attribute("id");
      Map<String, String> props = properties(process);
      if (process.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "historyTimeToLive") == null) {
        problems.add(new Problem(process, "Quy trình " + id + " chưa đặt thời gian lưu lịch sử (historyTimeToLive)."
            + " / Process " + id + " has no history time to live."));
      }
      if (props.containsKey("procedureCode")) {
        procedure(process, id, props, problems);
      } else if (!"true".equals(props.get("buildingBlock")) && !"true".equals(props.get("service"))) {
        problems.add(new Problem(process, "Quy trình " + id + " phải khai báo là thủ tục (procedureCode, level,"
            + " onlineServiceLevel) hoặc khối dùng chung (buildingBlock=true) hay dịch vụ (service=true). / Process "
            + id + " must declare itself a procedure (procedureCode, level, onlineServiceLevel), a building block"
            + " (buildingBlock=true) or a service (service=true)."));
      }
      walk(process, problems);
    }
    return problems;
  }

  private static void procedure(Element process, String id, Map<String, String> props, List<Problem> problems) {
    if (!PROCEDURE_CODE.matcher(props.get("procedureCode")).matches()) {
      problems.add(new Problem(process, "Mã thủ tục \"" + props.get("procedureCode") + "\" của " + id
          + " không theo dạng của Cơ sở dữ liệu quốc gia (ví dụ 1.001193). / Procedure code \""
          + props.get("procedureCode") + "\" of " + id + " is not a national database code (e.g. 1.001193)."));
    }
    String former = props.get("formerCodes");
    if (former != null && !formerCodes(former.strip())) {
      problems.add(new Problem(process, "Mã cũ của " + id + " (formerCodes \"" + former + "\") phải theo dạng"
          + " \"1.009997 until 2025-06-30\", cách nhau bởi dấu phẩy. / Former codes of " + id + " (\"" + former
          + "\") must read \"1.009997 until 2025-06-30\", comma-separated."));
    }
    if (!LEVELS.contains(props.getOrDefault("level", ""))) {
      problems.add(new Problem(process, "Thủ tục " + id + " phải khai báo cấp thực hiện (level: " + String.join(", ",
          sorted(LEVELS)) + "). / Procedure " + id + " must declare its level (" + String.join(", ", sorted(LEVELS))
          + ")."));
    }
    if (!ONLINE_LEVELS.contains(props.getOrDefault("onlineServiceLevel", ""))) {
      problems.add(new Problem(process, "Thủ tục " + id + " phải khai báo mức dịch vụ công trực tuyến"
          + " (onlineServiceLevel: " + String.join(", ", sorted(ONLINE_LEVELS)) + "). / Procedure " + id
          + " must declare its online-service level (" + String.join(", ", sorted(ONLINE_LEVELS)) + ")."));
    }
  }

  private static boolean formerCodes(String declared) {
    if (!FORMER_CODES.matcher(declared).matches()) {
      return false;
    }
    try {
      for (String entry : declared.split(",")) {
        java.time.LocalDate.parse(entry.strip().split(" until ")[1]);
      }
      return true;
    } catch (java.time.DateTimeException notADay) {
      return false;
    }
  }

  /** Every element inside the process (sub-processes too): its id, and what a user task must say. */
  private static void walk(Element scope, List<Problem> problems) {
    for (Element element : scope.elements()) {
      if (!BpmnParser.BPMN20_NS.equals(element.getUri()) || element.getTagName().equals("extensionElements")) {
        continue;
      }
      String id = element.attribute("id");
      if (id != null && GENERATED_ID.matcher(id).matches()) {
        problems.add(new Problem(element, "Phần tử " + id + " mang mã do Modeler tự sinh; hãy đặt mã có nghĩa, ví dụ"
            + " Task_CheckCompleteness. / Element " + id + " has a generated id; give it a meaningful one, such as"
            + " Task_CheckCompleteness."));
      }
      if (element.getTagName().equals("userTask")) {
        userTask(element, id, problems);
      }
      walk(element, problems);
    }
  }

  private static void userTask(Element task, String id, List<Problem> problems) {
    String groups = task.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "candidateGroups");
    if (groups == null || !ROUTED_GROUP.matcher(groups.strip()).matches()) {
      problems.add(new Problem(task, "Bước " + id + " phải giao cho nhóm của cơ quan do định tuyến xác định, ví dụ"
          + " ${handlingAgency}.specialist (hiện là \"" + (groups == null ? "" : groups) + "\"). / Task " + id
          + " must go to the group of the agency routing names, such as ${handlingAgency}.specialist (now \""
          + (groups == null ? "" : groups) + "\")."));
    }
    String due = task.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "dueDate");
    if (due == null || due.isBlank()) {
      problems.add(new Problem(task, "Bước " + id + " chưa có thời hạn (dueDate), ví dụ ${dossierDeadline} hoặc P1D."
          + " / Task " + id + " has no due date (dueDate), such as ${dossierDeadline} or P1D."));
    }
  }

  private static Map<String, String> properties(Element element) {
    Map<String, String> props = BpmnParseUtil.parseCamundaExtensionProperties(element);
    return props == null ? Map.of() : props;
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
