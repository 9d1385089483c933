package vn.motcua.processes.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What a deployment may hold, checked before the engine reads any of it: models only (BPMN, DMN, Camunda Forms), and
 * each model well-formed XML without a document type — so a file that is not a model, an XML that is cut off, an
 * external entity (XXE) or an entity expansion bomb is refused with a message at the file (the engine API answers
 * 400 with it), never half-read. A decision table is FEEL only: an expression in JUEL or a script language would run
 * code on the server. A Camunda Form embeds no other page (an {@code iframe} component, which Tasklist may let run
 * scripts in its own origin): a form shows the dossier and asks for the step's decisions.
 */
class ResourceRules implements Deployer {

  private static final Pattern MODEL = Pattern.compile(".+\\.(bpmn|bpmn20\\.xml|dmn|dmn11\\.xml|form)");
  private static final Pattern XML = Pattern.compile(".+\\.(bpmn|bpmn20\\.xml|dmn|dmn11\\.xml)");
  private static final Pattern DMN = Pattern.compile(".+\\.(dmn|dmn11\\.xml)");
  private static final Pattern IFRAME = Pattern.compile("\"type\"\\s*:\\s*\"iframe\"");
  /** The names DMN gives FEEL, in its versions (Camunda reads each as FEEL). */
  private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/FEEL/20140401",
      "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
      "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      String problem = !MODEL.matcher(name).matches()
          ? "Tệp " + name + " không phải mô hình (chỉ nhận .bpmn, .dmn, .form). / " + name
              + " is not a model (only .bpmn, .dmn and .form files are deployed)."
          : XML.matcher(name).matches() ? xmlProblem(name, resource.getBytes())
          : IFRAME.matcher(new String(resource.getBytes(), StandardCharsets.UTF_8)).find()
          ? "Biểu mẫu " + name + " nhúng trang khác (thành phần iframe); biểu mẫu của motcua chỉ hiện hồ sơ và hỏi"
              + " quyết định của bước. / The form " + name + " embeds another page (an iframe component); motcua's"
              + " forms show the dossier and ask for the step's decisions only."
          : null;
      if (problem != null) {
        problems.put(name, new ArrayList<>(List.of(new RuleProblem(problem, null))));
      }
    }
    if (!problems.isEmpty()) {
      throw new ModelRefusal(problems);
    }
  }

  /**
   * Why a BPMN or DMN file may not be deployed: it is not well-formed XML without a document type, or it is a decision
   * table asking for another expression language than FEEL; none when it may.
   */
  private static String xmlProblem(String name, byte[] content) {
    Document document;
    try {
      document = parse(content);
    } catch (Exception notXml) {
      return "Tệp " + name + " không đọc được như XML (có thể bị cắt, không phải XML, hoặc có khai báo DOCTYPE/thực"
          + " thể ngoài, không được phép): " + notXml.getMessage() + " / " + name + " cannot be read as XML (cut off,"
          + " not XML, or with a DOCTYPE or external entity, which are not allowed).";
    }
    return DMN.matcher(name).matches() ? notFeel(name, document.getElementsByTagNameNS("*", "*")) : null;
  }

  /** Where a decision table asks for another expression language than FEEL; none when it does not. */
  private static String notFeel(String name, NodeList elements) {
    for (int i = 0; i < elements.getLength(); i++) {
      org.w3c.dom.Element element = (org.w3c.dom.Element) elements.item(i);
      String language = element.getAttribute("expressionLanguage");
      if (!language.isEmpty() && !FEEL.contains(language.strip().toLowerCase(Locale.ROOT))
          && !FEEL.contains(language.strip())) {
        String at = element.getAttribute("id").isEmpty() ? element.getLocalName() : element.getAttribute("id");
        return "Bảng " + name + " dùng ngôn ngữ biểu thức \"" + language + "\" ở " + at + "; bảng quyết định của motcua"
            + " chỉ viết bằng FEEL. / " + name + " uses the expression language \"" + language + "\" at " + at
            + "; motcua's decision tables are written in FEEL only.";
      }
    }
    return null;
  }

  private static Document parse(byte[] content) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(true);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(content));
  }
}
